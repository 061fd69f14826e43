/**
 * The backend's organism schema as far as the worker can know it from the preprocessing config:
 * metadata types from `args.type` (Helm copies the backend type there), sequence names and
 * lengths from the datasets, gene lengths from the reference peptides. Used by the guard stage and by
 * `prepro mock-backend` when no backend config is given.
 */
import type { BackendMetadataType, MetadataFieldSchema, OrganismSchema, ReferenceSequence } from '../contract/organism.js';
import { backendTypeOf as backendTypeOfArg } from '../metadata/backend-type.js';
import type { ParsedConfig, ProcessingSpec } from '../config/schema.js';
import { geneKey, type DatasetSpec } from '../config/datasets.js';

export interface DatasetFacts {
  spec: DatasetSpec;
  referenceLength: number | null;
  /** Reference peptide per CDS name (terminal `*` included); null for datasets not aligned. */
  referencePeptides: Record<string, string> | null;
}

/** The backend type of an output field: `args.type` when it names one, else what the function yields. */
export function backendTypeOf(field: string, spec: ProcessingSpec): BackendMetadataType {
  const declared = typeof spec.args?.type === 'string' ? backendTypeOfArg(spec.args.type) : null;
  if (declared) return declared;
  if (field === 'length' || field.startsWith('length_')) return 'int';
  if (spec.function === 'is_above_threshold' || spec.function === 'is_variant') return 'boolean';
  return 'string';
}

export function organismFromConfig(config: ParsedConfig, datasets: DatasetFacts[]): OrganismSchema {
  const metadata: MetadataFieldSchema[] = Object.entries(config.processing_spec).map(([name, spec]) => ({ name, type: backendTypeOf(name, spec) }));
  if (!metadata.some((f) => f.name === 'versionComment')) metadata.push({ name: 'versionComment', type: 'string' });
  const nucleotideSequences: ReferenceSequence[] = [];
  const genes: ReferenceSequence[] = [];
  for (const dataset of datasets) {
    nucleotideSequences.push({ name: dataset.spec.sequenceName, length: dataset.referenceLength ?? 0 });
    for (const [cds, peptide] of Object.entries(dataset.referencePeptides ?? {})) {
      if (dataset.spec.genes.includes(cds)) genes.push({ name: geneKey(dataset.spec, cds), length: peptide.length });
    }
  }
  return { name: config.organism, metadata, nucleotideSequences, genes, outputFileCategories: [] };
}
