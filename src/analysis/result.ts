/**
 * The Nextclade-shaped result of one sequence (alignment.md §14). Field names follow Nextclade's
 * `nextclade.json` so that `nextclade.<path>` inputs of real configs resolve unchanged.
 * Only the fields we compute are typed here; consumers read it as a plain JSON object.
 */
import type { NucRange } from '../align/types.js';

/** 0-based, half-open (the aligner's `NucRange`). */
export type NucleotideRange = NucRange;

export interface NextcladeResult {
  seqName: string;
  alignmentScore: number;
  alignmentRange: NucleotideRange;
  coverage: number;
  totalSubstitutions: number;
  totalDeletions: number;
  totalInsertions: number;
  totalMissing: number;
  totalNonACGTNs: number;
  totalFrameShifts?: number;
  [key: string]: unknown;
}
