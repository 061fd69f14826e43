/**
 * Removes the columns where the reference has a gap (alignment.md §8): the query then has one
 * letter per reference letter, and the removed letters become insertions positioned after the
 * 0-based reference index that precedes them (−1 before the first).
 */
import type { Insertion } from './types.js';

export function stripInsertions(alignedQuery: string, alignedReference: string): { query: string; insertions: Insertion[] } {
  const out: string[] = [];
  const insertions: Insertion[] = [];
  let refPos = -1;
  let current = '';
  for (let i = 0; i < alignedQuery.length; i++) {
    if (alignedReference[i] === '-') {
      current += alignedQuery[i];
      continue;
    }
    if (current !== '') {
      insertions.push({ pos: refPos, ins: current });
      current = '';
    }
    out.push(alignedQuery[i]);
    refPos++;
  }
  if (current !== '') insertions.push({ pos: refPos, ins: current });
  return { query: out.join(''), insertions };
}

/** Backend notation `pos:LETTERS`, with pos the 1-based reference position the letters follow. */
export function formatInsertion(insertion: Insertion): string {
  return `${insertion.pos + 1}:${insertion.ins}`;
}
