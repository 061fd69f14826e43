/**
 * Datasets and sequence names derived from `segments` (preprocessing-config.md §4,
 * backend-contract.md §8 naming rules).
 */
import type { ParsedConfig } from './schema.js';

export interface DatasetSpec {
  segment: string;
  reference: string;
  /** Backend key of the sequence: `main`, the segment, the reference, or `{segment}-{reference}`. */
  sequenceName: string;
  /** Nextclade dataset name; null when this dataset is not aligned. */
  datasetName: string | null;
  datasetTag: string | null;
  datasetServer: string;
  acceptedDatasetMatches: string[];
  /** Configured CDS names (as in the GFF3). */
  genes: string[];
  /** True when the segment has several references (gene keys then carry `-{reference}`). */
  multiReference: boolean;
}

export function datasetsOf(config: ParsedConfig): DatasetSpec[] {
  const segments = config.segments;
  const multiSegment = segments.length > 1;
  const datasets: DatasetSpec[] = [];
  for (const segment of segments) {
    const refs = segment.references && segment.references.length > 0 ? segment.references : [{ name: 'singleReference' }];
    const multiReference = refs.length > 1;
    for (const ref of refs) {
      const r = ref as Record<string, unknown>;
      const reference = String(r.name ?? 'singleReference');
      const sequenceName = multiReference
        ? multiSegment
          ? `${segment.name}-${reference}`
          : reference
        : segment.name;
      datasets.push({
        segment: segment.name,
        reference,
        sequenceName,
        datasetName: (r.nextclade_dataset_name as string | null | undefined) ?? null,
        datasetTag: (r.nextclade_dataset_tag as string | null | undefined) ?? null,
        datasetServer: (r.nextclade_dataset_server as string | null | undefined) ?? config.nextclade_dataset_server,
        acceptedDatasetMatches: ((r.accepted_dataset_matches as string[] | null | undefined) ?? []).map(String),
        genes: ((r.genes as string[] | null | undefined) ?? []).map(String),
        multiReference,
      });
    }
  }
  return datasets;
}

/** Backend gene key: the CDS name, suffixed with `-{reference}` for multi-reference segments. */
export function geneKey(dataset: DatasetSpec, gene: string): string {
  return dataset.multiReference ? `${gene}-${dataset.reference}` : gene;
}

/**
 * The effective alignment requirement: forced to NONE when no segment is configured or any
 * segment lacks a dataset (preprocessing-config.md §4).
 */
export function effectiveAlignmentRequirement(config: ParsedConfig): 'ALL' | 'ANY' | 'NONE' {
  if (config.segments.length === 0) return 'NONE';
  const everySegmentHasDataset = config.segments.every((segment) =>
    (segment.references ?? []).some((ref) => Boolean((ref as Record<string, unknown>).nextclade_dataset_name)),
  );
  return everySegmentHasDataset ? config.alignment_requirement : 'NONE';
}
