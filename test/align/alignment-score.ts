/**
 * Independent scorer of a finished alignment under Nextclade's nucleotide scoring (alignment.md §6):
 * IUPAC-aware match, N = match − 1, position-dependent gap open (deletion of [a, b) pays map[a],
 * insertion before reference base a pays map[a]), extension cost, free terminal gaps.
 * Used to check the DP (our score must equal the score of our own alignment) and to show that a
 * differing expected alignment scores no better than ours.
 */
const CODES: Record<string, number> = {
  A: 1, C: 2, M: 3, G: 4, R: 5, S: 6, V: 7, T: 8, W: 9, Y: 10, H: 11, K: 12, D: 13, B: 14, N: 15,
};

export function scoreAlignment(
  qry: string,
  ref: string,
  gapOpen: Int32Array,
  p: { scoreMatch: number; penaltyMismatch: number; penaltyGapExtend: number },
): number {
  const refLen = [...ref].filter((c) => c !== '-').length;
  const qryLen = [...qry].filter((c) => c !== '-').length;
  let i = 0; // reference letters consumed
  let j = 0; // query letters consumed
  let score = 0;
  let previous: 'match' | 'ins' | 'del' = 'match';
  for (let c = 0; c < qry.length; c++) {
    const q = qry[c];
    const r = ref[c];
    if (q !== '-' && r !== '-') {
      const a = CODES[q];
      const b = CODES[r];
      score += a === 15 || b === 15 ? p.scoreMatch - 1 : (a & b) !== 0 ? p.scoreMatch : -p.penaltyMismatch;
      i++;
      j++;
      previous = 'match';
    } else if (r === '-') {
      if (i !== 0 && i !== refLen) score -= previous === 'ins' ? p.penaltyGapExtend : gapOpen[i];
      j++;
      previous = 'ins';
    } else {
      if (j !== 0 && j !== qryLen) score -= previous === 'del' ? p.penaltyGapExtend : gapOpen[i];
      i++;
      previous = 'del';
    }
  }
  return score;
}
