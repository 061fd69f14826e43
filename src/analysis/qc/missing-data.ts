/** QC rule N: too much missing (N) data (alignment.md §13). */
import { qcStatus, type QcConfig } from './config.js';

export function missingDataRule(config: NonNullable<QcConfig['missingData']>, totalMissing: number) {
  const score = Math.max(0, ((totalMissing - config.scoreBias) * 100) / config.missingDataThreshold);
  return {
    missingDataThreshold: config.missingDataThreshold,
    scoreBias: config.scoreBias,
    totalMissing,
    score,
    status: qcStatus(score),
  };
}
