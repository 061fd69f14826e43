/**
 * Nucleotide differences of the query against the reference, both in reference coordinates
 * (alignment.md §9).
 */
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

const A = 65;
const C = 67;
const G = 71;
const T = 84;
const N = 78;
const GAP = 45;

export function alignmentRangeOf(query: string): Range {
  let begin = 0;
  while (begin < query.length && query.charCodeAt(begin) === GAP) begin++;
  let end = query.length;
  while (end > begin && query.charCodeAt(end - 1) === GAP) end--;
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

  // A run of one non-ACGT letter is open while runCode !== 0.
  let runCode = 0;
  let runStart = 0;
  const end = alignmentRange.end;
  for (let pos = alignmentRange.begin; pos <= end; pos++) {
    const code = pos < end ? query.charCodeAt(pos) : 0;
    if (runCode !== 0 && code !== runCode) {
      const range = { begin: runStart, end: pos };
      if (runCode === GAP) deletions.push({ range });
      else if (runCode === N) missing.push({ range, character: 'N' });
      else nonACGTNs.push({ range, character: String.fromCharCode(runCode) });
      runCode = 0;
    }
    if (pos === end) break;
    if (code === A || code === C || code === G || code === T) {
      if (code !== reference.charCodeAt(pos)) substitutions.push({ refNuc: reference[pos], pos, qryNuc: query[pos] });
      continue;
    }
    if (code === GAP) totalDeletions++;
    else if (code === N) totalMissing++;
    else totalNonACGTNs++;
    if (runCode === 0) {
      runCode = code;
      runStart = pos;
    }
  }

  let totalInsertions = 0;
  for (const insertion of insertions) totalInsertions += insertion.ins.length;
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
