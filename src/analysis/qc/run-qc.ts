/**
 * All QC rules of one sequence and the overall verdict: overall score = Σ score² / 100
 * (alignment.md §13). A disabled rule is `null` in the result, as in Nextclade.
 */
import type { FrameShift, StopCodon } from '../types.js';
import { QcConfigSchema, qcStatus, type QcConfig } from './config.js';
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

/** Settings of the rules that are on when the `qc` block leaves them out: the schema's defaults. */
const DEFAULTS = QcConfigSchema.parse({ frameShifts: {}, stopCodons: {} });

/**
 * The rule's result when it is on, null when it is off: a rule is on by its `enabled`, else by
 * default (frame shifts and stop codons are on unless switched off, the others off unless on).
 */
function whenEnabled<C extends { enabled?: boolean }, R>(rule: C | undefined, onByDefault: boolean, score: (rule: C) => R): R | null {
  return rule !== undefined && (rule.enabled ?? onByDefault) ? score(rule) : null;
}

export function runQc(config: QcConfig, input: QcInput): Record<string, unknown> {
  const rules = {
    missingData: whenEnabled(config.missingData, false, (rule) => missingDataRule(rule, input.totalMissing)),
    mixedSites: whenEnabled(config.mixedSites, false, (rule) => mixedSitesRule(rule, input.totalNonACGTNs)),
    privateMutations: whenEnabled(config.privateMutations, false, (rule) => privateMutationsRule(rule, input.privateMutations)),
    snpClusters: whenEnabled(config.snpClusters, false, (rule) => snpClustersRule(rule, input.privateSubstitutionPositions)),
    frameShifts: whenEnabled(config.frameShifts ?? DEFAULTS.frameShifts, true, (rule) => frameShiftsRule(rule, input.frameShifts)),
    stopCodons: whenEnabled(config.stopCodons ?? DEFAULTS.stopCodons, true, (rule) => stopCodonsRule(rule, input.stopCodons)),
  };
  let overallScore = 0;
  for (const rule of Object.values(rules)) if (rule) overallScore += (rule.score * rule.score) / 100;
  return { ...rules, overallScore, overallStatus: qcStatus(overallScore) };
}
