/**
 * Nucleotide changes of a query in reference coordinates (alignment.md §9): alignment range,
 * substitutions (ACGT query letter differing from the reference), deletions (internal `-` runs),
 * missing (`N` runs), other ambiguity-code runs, totals and coverage.
 */
import type { NucChanges, NucDeletion, NucInsertion, NucLetterRange, NucRange, NucSubstitution } from './types.js';

export type { NucChanges };

const GAP = 45; // '-'
const LETTER_N = 78;

function isAcgt(c: number): boolean {
  return c === 65 || c === 67 || c === 71 || c === 84;
}


/** The sequenced part of an aligned query: from the first to after the last non-gap letter. */
export function alignmentRangeOf(alignedQuery: string): NucRange {
  let begin = 0;
  while (begin < alignedQuery.length && alignedQuery.charCodeAt(begin) === GAP) begin++;
  let end = alignedQuery.length;
  while (end > begin && alignedQuery.charCodeAt(end - 1) === GAP) end--;
  return { begin, end };
}

export function nucChanges(alignedQuery: string, reference: string, insertions: readonly NucInsertion[]): NucChanges {
  const length = alignedQuery.length;
  const { begin, end } = alignmentRangeOf(alignedQuery);

  const substitutions: NucSubstitution[] = [];
  const deletions: NucDeletion[] = [];
  const missing: NucLetterRange[] = [];
  const nonACGTNs: NucLetterRange[] = [];
  let totalDeletions = 0;
  let totalMissing = 0;
  let totalNonACGTNs = 0;

  let i = begin;
  while (i < end) {
    const c = alignedQuery.charCodeAt(i);
    if (isAcgt(c)) {
      if (c !== reference.charCodeAt(i)) {
        substitutions.push({ refNuc: reference[i], pos: i, qryNuc: alignedQuery[i] });
      }
      i++;
      continue;
    }
    // A run of one character: gap, N or another ambiguity code.
    let j = i + 1;
    while (j < end && alignedQuery.charCodeAt(j) === c) j++;
    const range = { begin: i, end: j };
    if (c === GAP) {
      deletions.push({ range });
      totalDeletions += j - i;
    } else if (c === LETTER_N) {
      missing.push({ range, character: 'N' });
      totalMissing += j - i;
    } else {
      nonACGTNs.push({ range, character: String.fromCharCode(c) });
      totalNonACGTNs += j - i;
    }
    i = j;
  }

  let totalInsertions = 0;
  for (const insertion of insertions) totalInsertions += insertion.ins.length;
  const covered = end - begin - totalMissing - totalNonACGTNs;
  return {
    alignmentRange: { begin, end },
    substitutions,
    deletions,
    missing,
    nonACGTNs,
    totalSubstitutions: substitutions.length,
    totalDeletions,
    totalInsertions,
    totalMissing,
    totalNonACGTNs,
    coverage: reference.length > 0 ? covered / reference.length : 0,
  };
}
