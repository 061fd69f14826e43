/** K-mer indexes of every aligned dataset's reference, keyed by sequence name. */
import { KmerIndex } from './kmer-classifier.js';

export function indexDatasets(datasets: Record<string, { reference: { sequence: string } }>): Map<string, KmerIndex> {
  const indexes = new Map<string, KmerIndex>();
  for (const [name, dataset] of Object.entries(datasets)) indexes.set(name, new KmerIndex(dataset.reference.sequence));
  return indexes;
}
