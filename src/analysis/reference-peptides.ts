/** Reference peptide per CDS name (terminal `*` included): the lengths the backend expects. */
import type { AnalysisDataset } from './dataset-context.js';
import { datasetContext } from './dataset-context.js';

export function referencePeptides(dataset: AnalysisDataset): Record<string, string> {
  return Object.fromEntries(datasetContext(dataset).refPeptides);
}
