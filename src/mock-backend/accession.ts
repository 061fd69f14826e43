/**
 * Accessions the way Loculus makes them (backend-contract.md §4): a configured prefix, the
 * sequence number in base 34 (digits and capital letters without I and O) left-padded to at
 * least 6 characters, and a Luhn mod 34 check character.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const BASE = ALPHABET.length;
const MIN_DIGITS = 6;

function toBase34(value: number): string {
  let text = '';
  let rest = value;
  do {
    text = ALPHABET[rest % BASE] + text;
    rest = Math.floor(rest / BASE);
  } while (rest > 0);
  return text.padStart(MIN_DIGITS, '0');
}

/** Luhn mod N check character: doubles every second code point counted from the right. */
export function luhnMod34CheckCharacter(input: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = input.length - 1; i >= 0; i--) {
    const codePoint = ALPHABET.indexOf(input[i]);
    if (codePoint < 0) throw new Error(`'${input[i]}' is not a base-34 character`);
    let addend = factor * codePoint;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
  }
  return ALPHABET[(BASE - (sum % BASE)) % BASE];
}

export function accessionFromNumber(prefix: string, value: number): string {
  const digits = toBase34(value);
  return `${prefix}${digits}${luhnMod34CheckCharacter(digits)}`;
}

/** True when the part after the prefix carries a correct check character. */
export function isValidAccession(prefix: string, accession: string): boolean {
  if (!accession.startsWith(prefix)) return false;
  const body = accession.slice(prefix.length);
  if (body.length < MIN_DIGITS + 1) return false;
  const digits = body.slice(0, -1);
  if (![...digits].every((c) => ALPHABET.includes(c))) return false;
  return luhnMod34CheckCharacter(digits) === body.slice(-1);
}
