/**
 * Nucleotide alignment of one query against a dataset reference, with the nucleotide analysis
 * fields of Nextclade's result (alignment.md §8, §9, §14; names as in `nextclade.json`).
 * Positions are 0-based; ranges are half-open `{begin, end}`.
 */
export interface NucRange {
  begin: number;
  end: number;
}

export interface NucInsertion {
  /** 0-based reference position after which the letters are inserted; -1 before the first base. */
  pos: number;
  ins: string;
}

export interface NucSubstitution {
  refNuc: string;
  pos: number;
  qryNuc: string;
}

export interface NucDeletion {
  range: NucRange;
}

/** A run of one letter (N for `missing`, an ambiguity code for `nonACGTNs`). */
export interface NucLetterRange {
  range: NucRange;
  character: string;
}

/** Nucleotide differences of an aligned query against the reference (alignment.md §9). */
export interface NucChanges {
  alignmentRange: NucRange;
  substitutions: NucSubstitution[];
  deletions: NucDeletion[];
  missing: NucLetterRange[];
  nonACGTNs: NucLetterRange[];
  totalSubstitutions: number;
  totalDeletions: number;
  totalInsertions: number;
  totalMissing: number;
  totalNonACGTNs: number;
  coverage: number;
}

export interface NucAlignment extends NucChanges {
  /**
   * Query in reference coordinates, insertions stripped, length = reference length. `-` marks
   * deletions and unsequenced leading/trailing positions (Loculus turns terminal `-` into `N`;
   * see `maskTerminalGaps`).
   */
  alignedQuery: string;
  /** The reference (after stripping insertions the aligned reference is the reference itself). */
  alignedReference: string;
  insertions: NucInsertion[];
  alignmentScore: number;
  /** True when the query was aligned as its reverse complement (alignment.md §4). */
  isReverseComplement: boolean;
  /** The band edge was still touched after the last retry (Nextclade only logs this). */
  hitBandBoundary: boolean;
}

export type AlignOutcome =
  | { ok: true; alignment: NucAlignment; analysis: unknown }
  | { ok: false; error: string };
