/** Nucleotide letter helpers (alignment.md §2: 16 symbols, IUPAC codes and `-`). */

const COMPLEMENT: Record<string, string> = {
  A: 'T', C: 'G', G: 'C', T: 'A', R: 'Y', Y: 'R', S: 'S', W: 'W', K: 'M', M: 'K',
  B: 'V', V: 'B', D: 'H', H: 'D', N: 'N', '-': '-',
};

export function reverseComplement(seq: string): string {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) out += COMPLEMENT[seq[i]] ?? 'N';
  return out;
}

export function isAcgt(letter: string): boolean {
  return letter === 'A' || letter === 'C' || letter === 'G' || letter === 'T';
}

/** Letters other than A, C, G, T, N and the gap: the "non-ACGTN" ambiguity codes. */
export function isNonAcgtn(letter: string): boolean {
  return letter !== '-' && letter !== 'N' && !isAcgt(letter);
}
