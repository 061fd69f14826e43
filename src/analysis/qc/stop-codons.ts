/** QC rule S: premature stop codons (the last codon of a CDS is its own stop) (alignment.md §13). */
import type { StopCodon } from '../types.js';
import { qcStatus, type QcConfig } from './config.js';

export function findStopCodons(cdsName: string, peptide: string): StopCodon[] {
  const found: StopCodon[] = [];
  for (let codon = peptide.indexOf('*'); codon >= 0 && codon < peptide.length - 1; codon = peptide.indexOf('*', codon + 1)) {
    found.push({ cdsName, codon });
  }
  return found;
}

export function stopCodonsRule(config: NonNullable<QcConfig['stopCodons']>, stops: StopCodon[]) {
  const isIgnored = (stop: StopCodon) =>
    config.ignoredStopCodons.some((known) => (known.cdsName ?? known.geneName) === stop.cdsName && known.codon === stop.codon);
  const reported = stops.filter((stop) => !isIgnored(stop));
  const ignored = stops.filter(isIgnored);
  const score = reported.length * config.scoreWeight;
  return {
    stopCodons: reported,
    totalStopCodons: reported.length,
    stopCodonsIgnored: ignored,
    totalStopCodonsIgnored: ignored.length,
    score,
    status: qcStatus(score),
  };
}
