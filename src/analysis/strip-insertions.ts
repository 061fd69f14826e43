/**
 * Removes the columns where the reference has a gap (alignment.md §8): the query then has one
 * letter per reference letter, and the removed letters become insertions positioned after the
 * 0-based reference index that precedes them (−1 before the first).
 */
import type { Insertion } from './types.js';

export function stripInsertions(alignedQuery: string, alignedReference: string): { query: string; insertions: Insertion[] } {
  if (alignedReference.indexOf('-') < 0) return { query: alignedQuery, insertions: [] };
  const parts: string[] = [];
  const insertions: Insertion[] = [];
  // Copy the stretches between reference-gap runs whole; each run becomes one insertion.
  let from = 0;
  let refLetters = 0;
  let gap = alignedReference.indexOf('-');
  while (gap >= 0) {
    let gapEnd = gap;
    while (gapEnd < alignedReference.length && alignedReference.charCodeAt(gapEnd) === 45) gapEnd++;
    parts.push(alignedQuery.slice(from, gap));
    refLetters += gap - from;
    insertions.push({ pos: refLetters - 1, ins: alignedQuery.slice(gap, gapEnd) });
    from = gapEnd;
    gap = alignedReference.indexOf('-', gapEnd);
  }
  parts.push(alignedQuery.slice(from));
  return { query: parts.join(''), insertions };
}
