/**
 * Amino-acid substitutions and deletions of one translated CDS, counted only where the CDS was
 * sequenced (alignment.md §11).
 */
import type { AaDeletion, AaSubstitution, CdsTranslation } from './types.js';

export interface AaChanges {
  substitutions: AaSubstitution[];
  deletions: AaDeletion[];
}

export function findAaChanges(translation: CdsTranslation, refPeptide: string): AaChanges {
  const substitutions: AaSubstitution[] = [];
  const deletions: AaDeletion[] = [];
  const { peptide, cdsName } = translation;
  for (const range of translation.alignmentRanges) {
    for (let pos = range.begin; pos < Math.min(range.end, peptide.length); pos++) {
      const q = peptide.charCodeAt(pos);
      if (q === refPeptide.charCodeAt(pos) || q === 88 /* X */) continue;
      if (q === 45 /* - */) deletions.push({ cdsName, refAa: refPeptide[pos], pos });
      else substitutions.push({ cdsName, refAa: refPeptide[pos], pos, qryAa: peptide[pos] });
    }
  }
  return { substitutions, deletions };
}

/** Unsequenced-or-unknown codons count against coverage: (aligned codons − #X) / peptide length. */
export function cdsCoverage(translation: CdsTranslation, refPeptide: string): number {
  if (refPeptide.length === 0) return 0;
  let covered = 0;
  for (const range of translation.alignmentRanges) {
    for (let pos = range.begin; pos < Math.min(range.end, translation.peptide.length); pos++) {
      if (translation.peptide.charCodeAt(pos) !== 88 /* X */) covered++;
    }
  }
  return covered / refPeptide.length;
}
