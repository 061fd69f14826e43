/**
 * Nucleotide differences of the query against the reference, both in reference coordinates
 * (alignment.md §9).
 */
import { isNonAcgtn } from './nuc-letters.js';
import type { CharacterRange, Insertion, NucDeletionRange, NucSubstitution, Range } from './types.js';

export interface NucChanges {
  alignmentRange: Range;
  substitutions: NucSubstitution[];
  deletions: NucDeletionRange[];
  missing: CharacterRange[];
  nonACGTNs: CharacterRange[];
  totalSubstitutions: number;
  totalDeletions: number;
  totalInsertions: number;
  totalMissing: number;
  totalNonACGTNs: number;
  coverage: number;
}

export function alignmentRangeOf(query: string): Range {
  let begin = 0;
  while (begin < query.length && query[begin] === '-') begin++;
  let end = query.length;
  while (end > begin && query[end - 1] === '-') end--;
  return { begin, end };
}

export function findNucChanges(reference: string, query: string, insertions: Insertion[]): NucChanges {
  const alignmentRange = alignmentRangeOf(query);
  const substitutions: NucSubstitution[] = [];
  const deletions: NucDeletionRange[] = [];
  const missing: CharacterRange[] = [];
  const nonACGTNs: CharacterRange[] = [];
  let totalDeletions = 0;
  let totalMissing = 0;
  let totalNonACGTNs = 0;

  let runStart = -1;
  let runLetter = '';
  const closeRun = (end: number) => {
    if (runStart < 0) return;
    const range = { begin: runStart, end };
    if (runLetter === '-') deletions.push({ range });
    else if (runLetter === 'N') missing.push({ range, character: 'N' });
    else nonACGTNs.push({ range, character: runLetter });
    runStart = -1;
  };

  for (let pos = alignmentRange.begin; pos < alignmentRange.end; pos++) {
    const code = query.charCodeAt(pos);
    // Fast path for the common case: A, C, G, T (65, 67, 71, 84).
    if (code === 65 || code === 67 || code === 71 || code === 84) {
      if (runStart >= 0) closeRun(pos);
      if (code !== reference.charCodeAt(pos)) substitutions.push({ refNuc: reference[pos], pos, qryNuc: query[pos] });
      continue;
    }
    const q = query[pos];
    if (q === '-') totalDeletions++;
    else if (q === 'N') totalMissing++;
    else if (isNonAcgtn(q)) totalNonACGTNs++;
    if (runStart >= 0 && q !== runLetter) closeRun(pos);
    if (runStart < 0) {
      runStart = pos;
      runLetter = q;
    }
  }
  closeRun(alignmentRange.end);

  const totalInsertions = insertions.reduce((sum, insertion) => sum + insertion.ins.length, 0);
  const sequenced = alignmentRange.end - alignmentRange.begin;
  const coverage = reference.length === 0 ? 0 : (sequenced - totalMissing - totalNonACGTNs) / reference.length;
  return {
    alignmentRange,
    substitutions,
    deletions,
    missing,
    nonACGTNs,
    totalSubstitutions: substitutions.length,
    totalDeletions,
    totalInsertions,
    totalMissing,
    totalNonACGTNs,
    coverage,
  };
}
