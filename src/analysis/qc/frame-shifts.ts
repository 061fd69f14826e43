/** QC rule F: frame shifts that the dataset does not list as known (alignment.md §13). */
import type { FrameShift } from '../types.js';
import type { QcConfig } from './config.js';
import { listedCdsName, scoreUnlisted } from './listed-findings.js';

export function frameShiftsRule(config: NonNullable<QcConfig['frameShifts']>, frameShifts: FrameShift[]) {
  const isListed = (shift: FrameShift) =>
    config.ignoredFrameShifts.some(
      (known) =>
        listedCdsName(known) === shift.cdsName &&
        known.codonRange.begin === shift.codon.begin &&
        known.codonRange.end === shift.codon.end,
    );
  const { reported, ignored, score, status } = scoreUnlisted(frameShifts, isListed, config.scoreWeight);
  return {
    frameShifts: reported,
    totalFrameShifts: reported.length,
    frameShiftsIgnored: ignored,
    totalFrameShiftsIgnored: ignored.length,
    score,
    status,
  };
}
