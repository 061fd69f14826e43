/** Nucleotide letter helpers (alignment.md §2: 16 symbols, IUPAC codes and `-`). */

const COMPLEMENT: Record<string, string> = {
  A: 'T', C: 'G', G: 'C', T: 'A', R: 'Y', Y: 'R', S: 'S', W: 'W', K: 'M', M: 'K',
  B: 'V', V: 'B', D: 'H', H: 'D', N: 'N', '-': '-',
};

/** Complement char code per ASCII code; anything outside the table (lower case too) becomes `N`. */
const COMPLEMENT_CODE = new Uint8Array(128).fill(78 /* N */);
for (const [letter, complement] of Object.entries(COMPLEMENT)) COMPLEMENT_CODE[letter.charCodeAt(0)] = complement.charCodeAt(0);

/**
 * Built in a byte buffer and decoded once: appending letter by letter made a long rope that every
 * later reader had to flatten (mpox has ~90 minus-strand CDS parts per sequence).
 */
export function reverseComplement(seq: string): string {
  const out = Buffer.allocUnsafe(seq.length);
  for (let i = 0, j = seq.length - 1; j >= 0; i++, j--) {
    const c = seq.charCodeAt(j);
    out[i] = c < 128 ? COMPLEMENT_CODE[c] : 78;
  }
  return out.toString('latin1');
}

export function isAcgt(letter: string): boolean {
  return letter === 'A' || letter === 'C' || letter === 'G' || letter === 'T';
}

/** Letters other than A, C, G, T, N and the gap: the "non-ACGTN" ambiguity codes. */
export function isNonAcgtn(letter: string): boolean {
  return letter !== '-' && letter !== 'N' && !isAcgt(letter);
}
