/** Reference peptide per CDS name (terminal `*` included): the lengths the backend expects. */
import type { GenomeAnnotation } from '../dataset/annotation.js';
import { referenceCdsSequence } from './cds-extract.js';
import type { AnalysisDataset } from './dataset-context.js';
import { translate } from './genetic-code.js';

/** `reference` upper-cased, as the analysis reads it. */
export function peptidesOf(reference: string, annotation: GenomeAnnotation): Map<string, string> {
  const peptides = new Map<string, string>();
  for (const cds of annotation.cdses) peptides.set(cds.name, translate(referenceCdsSequence(reference, cds)));
  return peptides;
}

/**
 * For the main thread (sequence lengths of the backend schema): only the peptides, not the whole
 * analysis context with its indexed tree, which only the aligner threads need.
 */
export function referencePeptides(dataset: AnalysisDataset): Record<string, string> {
  return Object.fromEntries(peptidesOf(dataset.reference.sequence.toUpperCase(), dataset.annotation ?? { cdses: [] }));
}
