/** Insertion text as Nextclade writes it (alignment.md §8). */
import type { NucInsertion } from './types.js';

/** `pos+1:LETTERS`: the 1-based reference position after which the letters were inserted. */
export function formatInsertion(insertion: NucInsertion): string {
  return `${insertion.pos + 1}:${insertion.ins}`;
}

/** Nextclade's TSV `insertions` column. */
export function formatInsertions(insertions: readonly NucInsertion[]): string {
  return insertions.map(formatInsertion).join(',');
}

/**
 * Loculus masks leading and trailing `-` (unsequenced ends) as `N` in nucleotide sequences and as
 * `X` in peptides (`mask_terminal_gaps`); internal deletions stay `-`.
 */
export function maskTerminalGaps(aligned: string, fill: 'N' | 'X' = 'N'): string {
  let start = 0;
  while (start < aligned.length && aligned.charCodeAt(start) === 45) start++;
  if (start === aligned.length) return fill.repeat(aligned.length);
  let end = aligned.length;
  while (aligned.charCodeAt(end - 1) === 45) end--;
  return fill.repeat(start) + aligned.slice(start, end) + fill.repeat(aligned.length - end);
}

/**
 * The unstripped pairwise alignment (query and reference with gap columns for insertions), which
 * CDS extraction needs (alignment.md §11). Leading insertions (pos -1) come first.
 */
export function unstripAlignment(alignedQuery: string, reference: string, insertions: readonly NucInsertion[]): { query: string; reference: string } {
  const q: string[] = [];
  const r: string[] = [];
  let from = 0;
  for (const { pos, ins } of insertions) {
    q.push(alignedQuery.slice(from, pos + 1), ins);
    r.push(reference.slice(from, pos + 1), '-'.repeat(ins.length));
    from = pos + 1;
  }
  q.push(alignedQuery.slice(from));
  r.push(reference.slice(from));
  return { query: q.join(''), reference: r.join('') };
}
