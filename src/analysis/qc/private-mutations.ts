/** QC rule P: more private mutations than typical for the dataset (alignment.md §13). */
import { qcStatus, type QcConfig } from './config.js';

export interface PrivateMutationCounts {
  reversions: number;
  labeled: number;
  unlabeled: number;
  deletionRanges: number;
}

export function privateMutationsRule(config: NonNullable<QcConfig['privateMutations']>, counts: PrivateMutationCounts) {
  const weightedTotal =
    config.weightReversionSubstitutions * counts.reversions +
    config.weightLabeledSubstitutions * counts.labeled +
    config.weightUnlabeledSubstitutions * counts.unlabeled +
    counts.deletionRanges;
  const excess = weightedTotal - config.typical;
  const score = Math.max(0, (excess * 100) / config.cutoff);
  return {
    cutoff: config.cutoff,
    excess,
    score,
    status: qcStatus(score),
    total: counts.reversions + counts.labeled + counts.unlabeled + counts.deletionRanges,
    weightedTotal,
    totalReversionSubstitutions: counts.reversions,
    totalLabeledSubstitutions: counts.labeled,
    totalUnlabeledSubstitutions: counts.unlabeled,
    totalDeletionRanges: counts.deletionRanges,
  };
}
