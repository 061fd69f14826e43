/** QC rule F: frame shifts that the dataset does not list as known (alignment.md §13). */
import type { FrameShift } from '../types.js';
import { qcStatus, type QcConfig } from './config.js';

export function frameShiftsRule(config: NonNullable<QcConfig['frameShifts']>, frameShifts: FrameShift[]) {
  const isIgnored = (shift: FrameShift) =>
    config.ignoredFrameShifts.some(
      (known) =>
        (known.cdsName ?? known.geneName) === shift.cdsName &&
        known.codonRange.begin === shift.codon.begin &&
        known.codonRange.end === shift.codon.end,
    );
  const reported = frameShifts.filter((shift) => !isIgnored(shift));
  const ignored = frameShifts.filter(isIgnored);
  const score = reported.length * config.scoreWeight;
  return {
    frameShifts: reported,
    totalFrameShifts: reported.length,
    frameShiftsIgnored: ignored,
    totalFrameShiftsIgnored: ignored.length,
    score,
    status: qcStatus(score),
  };
}
