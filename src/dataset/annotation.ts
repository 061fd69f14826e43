/**
 * Genome annotation of a dataset, parsed from `genome_annotation.gff3` (alignment.md §10).
 * Coordinates are 0-based, half-open, on the reference nucleotide sequence.
 */
export interface CdsSegment {
  start: number;
  end: number;
  strand: '+' | '-';
  /** GFF3 phase of this part (0, 1 or 2). */
  phase: number;
}

export interface Cds {
  /** CDS name as Nextclade reports it (GFF3 `Name`, falling back as alignment.md §10 says). */
  name: string;
  /** Parts in transcription order (for the minus strand: from high to low coordinates). */
  segments: CdsSegment[];
}

export interface GenomeAnnotation {
  cdses: Cds[];
}
