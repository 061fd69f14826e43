/** QC rule M: ambiguous nucleotides other than N (alignment.md §13). */
import { qcStatus, type QcConfig } from './config.js';

export function mixedSitesRule(config: NonNullable<QcConfig['mixedSites']>, totalMixedSites: number) {
  const score = Math.max(0, (100 * totalMixedSites) / config.mixedSitesThreshold);
  return { mixedSitesThreshold: config.mixedSitesThreshold, totalMixedSites, score, status: qcStatus(score) };
}
