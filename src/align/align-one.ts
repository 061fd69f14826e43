/**
 * One sequence through the core and the analysis, as done inside an aligner thread: raw core
 * result → NucAlignment (with nucleotide changes) → analyzeAlignment.
 */
import { analyzeAlignment, type AnalysisDataset } from '../analysis/analyze.js';
import type { LoadedDataset } from '../dataset/load.js';
import type { AlignOutcome, NucAlignment } from './types.js';
import type { NucAligner } from './wasm.js';

export function alignOne(aligner: NucAligner, referenceId: number, dataset: LoadedDataset, sequence: string): AlignOutcome {
  const core = aligner.align(referenceId, sequence);
  if (!core.ok) return core;
  const reference = dataset.reference.sequence;
  const { alignedQuery, insertions, changes } = core.value;
  const alignment: NucAlignment = {
    alignedQuery,
    alignedReference: reference,
    insertions,
    alignmentScore: core.value.alignmentScore,
    isReverseComplement: core.value.isReverseComplement,
    hitBandBoundary: core.value.hitBandBoundary,
    ...changes,
  };
  let analysis: unknown;
  try {
    analysis = analyzeAlignment(dataset as unknown as AnalysisDataset, alignment);
  } catch (error) {
    return { ok: false, error: `Analysis of the aligned sequence failed: ${(error as Error).message}` };
  }
  return { ok: true, alignment, analysis };
}
