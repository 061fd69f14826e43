/**
 * Shapes exchanged with the Loculus backend (backend-contract.md §4, §5.2).
 * Everything that arrives from outside is parsed with these zod schemas; everything we send
 * is built as the plain TypeScript types below and written by `serialise.ts`.
 */
import { z } from 'zod';

/** Where an annotation points: a metadata field, a sequence, or a file category. */
export const AnnotationSourceType = z.enum(['Metadata', 'NucleotideSequence', 'File']);
export type AnnotationSourceType = z.infer<typeof AnnotationSourceType>;

export interface AnnotationSource {
  name: string;
  type: AnnotationSourceType;
}

/**
 * An error or warning shown to the submitter. `category` is ours (conventions.md §9.9): it feeds
 * metrics and is stripped by the serialiser because the backend has no such field.
 */
export interface Annotation {
  unprocessedFields: AnnotationSource[];
  processedFields: AnnotationSource[];
  message: string;
  category?: AnnotationCategory;
}

export type AnnotationCategory =
  | 'metadata'
  | 'alignment'
  | 'segment_assignment'
  | 'sequence_symbols'
  | 'internal'
  | 'file'
  | 'backend_validation';

export const FileReference = z.looseObject({
  fileId: z.string(),
  name: z.string(),
  url: z.string().nullish(),
});
export type FileReference = z.infer<typeof FileReference>;

/** One line of the extract response. Lenient where the backend may send nulls; extra keys ignored. */
export const UnprocessedEntrySchema = z.looseObject({
  accession: z.string().min(1),
  version: z.number().int().min(1),
  submissionId: z.string().nullish(),
  submitter: z.string().nullish(),
  groupId: z.number().int().nullish(),
  submittedAt: z.number().nullish(),
  data: z.looseObject({
    metadata: z.record(z.string(), z.string().nullable()).nullish(),
    unalignedNucleotideSequences: z.record(z.string(), z.string().nullable()).nullish(),
    files: z.record(z.string(), z.array(FileReference)).nullish(),
  }),
});
export type UnprocessedEntryInput = z.infer<typeof UnprocessedEntrySchema>;

/** An unprocessed entry after normalisation (nulls filled in, sequences N-trimmed). */
export interface UnprocessedEntry {
  accession: string;
  version: number;
  submissionId: string;
  submitter: string;
  groupId: number | null;
  submittedAt: number | null;
  metadata: Record<string, string | null>;
  /** FASTA id → sequence (N-trimmed; `""` for all-N, null for missing). */
  unalignedNucleotideSequences: Record<string, string | null>;
  files: Record<string, FileReference[]> | null;
}

/** JSON value of a processed metadata field. `FloatValue` marks numbers that must be written as floats. */
export type MetadataValue = string | number | boolean | null | FloatValue;

/** A number the backend expects as a JSON float: always written with a decimal point or exponent. */
export class FloatValue {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

export interface ProcessedData {
  metadata: Record<string, MetadataValue>;
  unalignedNucleotideSequences: Record<string, string | null>;
  alignedNucleotideSequences: Record<string, string | null>;
  nucleotideInsertions: Record<string, string[]>;
  alignedAminoAcidSequences: Record<string, string | null>;
  aminoAcidInsertions: Record<string, string[]>;
  sequenceNameToFastaId: Record<string, string>;
  files: Record<string, { fileId: string; name: string; url?: string | null }[]> | null;
}

export interface ProcessedEntry {
  accession: string;
  version: number;
  data: ProcessedData;
  errors: Annotation[];
  warnings: Annotation[];
}

export function accessionVersion(entry: { accession: string; version: number }): string {
  return `${entry.accession}.${entry.version}`;
}

export function emptyProcessedData(): ProcessedData {
  return {
    metadata: {},
    unalignedNucleotideSequences: {},
    alignedNucleotideSequences: {},
    nucleotideInsertions: {},
    alignedAminoAcidSequences: {},
    aminoAcidInsertions: {},
    sequenceNameToFastaId: {},
    files: null,
  };
}
