/** QC rule S: premature stop codons (the last codon of a CDS is its own stop) (alignment.md §13). */
import type { StopCodon } from '../types.js';
import type { QcConfig } from './config.js';
import { listedCdsName, scoreUnlisted } from './listed-findings.js';

export function findStopCodons(cdsName: string, peptide: string): StopCodon[] {
  const found: StopCodon[] = [];
  for (let codon = peptide.indexOf('*'); codon >= 0 && codon < peptide.length - 1; codon = peptide.indexOf('*', codon + 1)) {
    found.push({ cdsName, codon });
  }
  return found;
}

export function stopCodonsRule(config: NonNullable<QcConfig['stopCodons']>, stops: StopCodon[]) {
  const isListed = (stop: StopCodon) =>
    config.ignoredStopCodons.some((known) => listedCdsName(known) === stop.cdsName && known.codon === stop.codon);
  const { reported, ignored, score, status } = scoreUnlisted(stops, isListed, config.scoreWeight);
  return {
    stopCodons: reported,
    totalStopCodons: reported.length,
    stopCodonsIgnored: ignored,
    totalStopCodonsIgnored: ignored.length,
    score,
    status,
  };
}
