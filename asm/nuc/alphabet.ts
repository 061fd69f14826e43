// Nucleotide letters as 4-bit base sets: A=1 C=2 G=4 T=8, ambiguity codes are unions, N=15, gap=0.
// Two letters are compatible when their sets intersect; complementing swaps A<->T and C<->G bits.

export const GAP: u8 = 0;
export const N: u8 = 15;
/** Marker in the input table: a letter outside the alphabet (U, X, *, ...). */
export const UNKNOWN: u8 = 0xfe;
/** Marker in the input table: a character the FASTA reader drops (digits, '-', '.', spaces, ...). */
export const DROP: u8 = 0xff;

let inputTable: usize = 0; // 256 bytes: input byte -> code / UNKNOWN / DROP
let letterTable: usize = 0; // 16 bytes: code -> ASCII letter

export function alphabetInit(inputPtr: usize, letterPtr: usize): void {
  inputTable = inputPtr;
  letterTable = letterPtr;
  for (let b = 0; b < 256; b++) {
    let out: u8 = DROP;
    const upper = b >= 97 && b <= 122 ? b - 32 : b;
    if ((upper >= 65 && upper <= 90) || b == 42) out = codeOfUpper(upper);
    store<u8>(inputTable + b, out);
  }
  const letters = '-ACMGRSVTWYHKDBN';
  for (let c = 0; c < 16; c++) store<u8>(letterTable + c, <u8>letters.charCodeAt(c));
}

function codeOfUpper(c: i32): u8 {
  switch (c) {
    case 65: return 1; // A
    case 67: return 2; // C
    case 77: return 3; // M = A|C
    case 71: return 4; // G
    case 82: return 5; // R = A|G
    case 83: return 6; // S = C|G
    case 86: return 7; // V = A|C|G
    case 84: return 8; // T
    case 87: return 9; // W = A|T
    case 89: return 10; // Y = C|T
    case 72: return 11; // H = A|C|T
    case 75: return 12; // K = G|T
    case 68: return 13; // D = A|G|T
    case 66: return 14; // B = C|G|T
    case 78: return 15; // N
    default: return UNKNOWN;
  }
}

export function inputCode(byte: u8): u8 {
  return load<u8>(inputTable + <usize>byte);
}

export function letterOf(code: u8): u8 {
  return load<u8>(letterTable + <usize>(code & 15));
}

export function complement(code: u8): u8 {
  // bit0 A <-> bit3 T, bit1 C <-> bit2 G
  return <u8>(((code & 1) << 3) | ((code & 8) >> 3) | ((code & 2) << 1) | ((code & 4) >> 1));
}

export function isAcgt(code: u8): bool {
  return code == 1 || code == 2 || code == 4 || code == 8;
}
