/**
 * All QC rules of one sequence and the overall verdict: overall score = Σ score² / 100
 * (alignment.md §13). A disabled rule is `null` in the result, as in Nextclade.
 */
import type { FrameShift, StopCodon } from '../types.js';
import { isEnabled, qcStatus, type QcConfig } from './config.js';
import { frameShiftsRule } from './frame-shifts.js';
import { missingDataRule } from './missing-data.js';
import { mixedSitesRule } from './mixed-sites.js';
import { privateMutationsRule, type PrivateMutationCounts } from './private-mutations.js';
import { snpClustersRule } from './snp-clusters.js';
import { stopCodonsRule } from './stop-codons.js';

export interface QcInput {
  totalMissing: number;
  totalNonACGTNs: number;
  frameShifts: FrameShift[];
  stopCodons: StopCodon[];
  privateMutations: PrivateMutationCounts;
  privateSubstitutionPositions: number[];
}

export function runQc(config: QcConfig, input: QcInput): Record<string, unknown> {
  const frameShiftsConfig = config.frameShifts ?? { scoreWeight: 75, ignoredFrameShifts: [] };
  const stopCodonsConfig = config.stopCodons ?? { scoreWeight: 75, ignoredStopCodons: [] };
  const rules = {
    missingData: isEnabled(config.missingData, false) ? missingDataRule(config.missingData!, input.totalMissing) : null,
    mixedSites: isEnabled(config.mixedSites, false) ? mixedSitesRule(config.mixedSites!, input.totalNonACGTNs) : null,
    privateMutations: isEnabled(config.privateMutations, false)
      ? privateMutationsRule(config.privateMutations!, input.privateMutations)
      : null,
    snpClusters: isEnabled(config.snpClusters, false)
      ? snpClustersRule(config.snpClusters!, input.privateSubstitutionPositions)
      : null,
    frameShifts: isEnabled(config.frameShifts, true) ? frameShiftsRule(frameShiftsConfig, input.frameShifts) : null,
    stopCodons: isEnabled(config.stopCodons, true) ? stopCodonsRule(stopCodonsConfig, input.stopCodons) : null,
  };
  let overallScore = 0;
  for (const rule of Object.values(rules)) if (rule) overallScore += (rule.score * rule.score) / 100;
  return { ...rules, overallScore, overallStatus: qcStatus(overallScore) };
}
