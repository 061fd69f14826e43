/**
 * Shapes used inside the analysis (alignment.md §9–14). Field names follow Nextclade's
 * `nextclade.json` so results can be read with `nextclade.<path>` unchanged. All ranges are
 * 0-based, half-open `{begin, end}`.
 */
import type { NucAlignment, NucInsertion, NucRange } from '../align/types.js';

export type { NucSubstitution } from '../align/types.js';

/** A half-open range: nucleotides, codons or CDS-local positions alike. */
export type Range = NucRange;

/** Letters inserted after 0-based position `pos` (−1: before the first); nucleotides or amino acids. */
export type Insertion = NucInsertion;

/** The part of the aligner's `NucAlignment` the analysis reads. */
export type AlignmentInput = Pick<NucAlignment, 'alignedQuery' | 'insertions' | 'alignmentScore' | 'isReverseComplement'>;

export interface FrameShift {
  cdsName: string;
  /** Shifted region in CDS-local reference coordinates. */
  nucRel: Range;
  /** The same region in genome coordinates, one range per CDS part touched. */
  nucAbs: Range[];
  codon: Range;
  gapsLeading: Range;
  gapsTrailing: Range;
}

export interface AaSubstitution {
  cdsName: string;
  refAa: string;
  pos: number;
  qryAa: string;
}

export interface AaDeletion {
  cdsName: string;
  refAa: string;
  pos: number;
}

export interface AaInsertion {
  cds: string;
  pos: number;
  ins: string;
}

export interface StopCodon {
  cdsName: string;
  codon: number;
}

/** One translated CDS of one query. */
export interface CdsTranslation {
  cdsName: string;
  /** Aligned peptide, insertions stripped: one letter per reference codon (incl. the stop). */
  peptide: string;
  /** Amino-acid insertions in peptide coordinates (`pos` = 0-based codon they follow). */
  insertions: Insertion[];
  frameShifts: FrameShift[];
  /** Codon ranges that were sequenced (nucleotide alignment range ∩ CDS parts). */
  alignmentRanges: Range[];
}

/** What `analyzeAlignment` hands back to the main thread. */
export interface SequenceAnalysis {
  /** The Nextclade-shaped result object (see `result.ts`). */
  result: import('./result.js').NextcladeResult;
  /** Per translated CDS; a CDS that could not be translated is absent (listed in `result.missingCdses`). */
  translations: CdsTranslation[];
}
