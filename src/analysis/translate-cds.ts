/**
 * One CDS of one query: extract, protect the first codon, find and mask frame shifts, translate,
 * align the peptide to the reference peptide, strip amino-acid insertions (alignment.md §11).
 */
import { alignmentRangeOf } from '../align/nuc-analysis.js';
import type { Cds } from '../dataset/annotation.js';
import { extractCds, sequencedLocalRanges } from './cds-extract.js';
import { detectFrameShifts, maskShiftedCodons, maskShiftedNucleotides } from './frame-shifts.js';
import { translate } from './genetic-code.js';
import { findDiagonalTrim, type DiagonalTrim } from './diagonal-trim.js';
import { alignPeptides, type PeptideAlignParams, type PeptideBand } from './peptide-align.js';
import { stripInsertions } from './strip-insertions.js';
import type { CdsTranslation, Range } from './types.js';

export interface QueryContext {
  reference: string;
  query: string;
  insertionsAt: Map<number, string>;
  alignmentRange: Range;
}

export interface TranslationParams {
  scoreMatch: number;
  penaltyMismatch: number;
  penaltyGapOpen: number;
  penaltyGapExtend: number;
  gapAlignmentSide: 'left' | 'right';
  noTranslatePastStop: boolean;
  /** Always run the DP over the whole band (tests use it to check the diagonal trim changes nothing). */
  fullPeptideDp?: boolean;
}

export class CdsTranslationError extends Error {
  override name = 'CdsTranslationError';
}

/**
 * In the codon that holds the first sequenced letter, the gaps before that letter become `N`, so
 * removing gaps later cannot shift the reading frame of everything after it.
 */
export function protectFirstCodon(seq: string): string {
  let first = 0;
  while (first < seq.length && seq[first] === '-') first++;
  if (first >= seq.length) return seq;
  const codonStart = first - (first % 3);
  if (codonStart === first) return seq;
  return seq.slice(0, codonStart) + 'N'.repeat(first - codonStart) + seq.slice(first);
}

interface GapCounts {
  leading: number;
  internal: number;
}


function gapCounts(seq: string): GapCounts {
  const sequenced = alignmentRangeOf(seq);
  let total = 0;
  for (let i = seq.indexOf('-'); i >= 0; i = seq.indexOf('-', i + 1)) total++;
  return { leading: sequenced.begin, internal: total - sequenced.begin - (seq.length - sequenced.end) };
}

function removeGaps(seq: string): string {
  return seq.indexOf('-') < 0 ? seq : seq.replace(/-/g, '');
}

function alignAndStrip(qryPeptide: string, refPeptide: string, band: PeptideBand, params: PeptideAlignParams, trim: DiagonalTrim | null) {
  if (!trim) {
    const aligned = alignPeptides(qryPeptide, refPeptide, band, params);
    return stripInsertions(aligned.query, aligned.reference);
  }
  // An untrimmed end keeps every query letter on that side (there may be more than the offset says).
  const qryStart = trim.refStart === 0 ? 0 : trim.refStart - trim.prefixOffset;
  const qryEnd = trim.refEnd === refPeptide.length ? qryPeptide.length : trim.refEnd - trim.suffixOffset;
  const middle = alignPeptides(
    qryPeptide.slice(qryStart, qryEnd),
    refPeptide.slice(trim.refStart, trim.refEnd),
    // The same centre line as the whole band, in the middle part's coordinates.
    { meanShift: Math.round(band.meanShift) - trim.prefixOffset, halfWidth: band.halfWidth },
    {
      ...params,
      leftTerminalGapsFree: trim.refStart === 0 && params.leftTerminalGapsFree,
      rightTerminalGapsFree: trim.refEnd === refPeptide.length && params.rightTerminalGapsFree,
    },
  );
  let prefix = '';
  for (let c = 0; c < trim.refStart; c++) {
    const q = c - trim.prefixOffset;
    prefix += q >= 0 ? qryPeptide[q] : '-';
  }
  let suffix = '';
  for (let c = trim.refEnd; c < refPeptide.length; c++) {
    const q = c - trim.suffixOffset;
    suffix += q < qryPeptide.length ? qryPeptide[q] : '-';
  }
  return stripInsertions(
    prefix + middle.query + suffix,
    refPeptide.slice(0, trim.refStart) + middle.reference + refPeptide.slice(trim.refEnd),
  );
}

/** The query peptide placed after `offset` unsequenced codons, padded with gaps to the reference length. */
function diagonalPeptide(qryPeptide: string, offset: number, refLength: number): string {
  const placed = '-'.repeat(offset) + qryPeptide;
  return placed.length >= refLength ? placed.slice(0, refLength) : placed + '-'.repeat(refLength - placed.length);
}

export function translateCds(
  context: QueryContext,
  cds: Cds,
  refPeptide: string,
  params: TranslationParams,
): CdsTranslation {
  const extracted = extractCds(context.reference, context.query, context.insertionsAt, cds);
  if (!/[^-]/.test(extracted.query)) {
    throw new CdsTranslationError(`the CDS "${cds.name}" is not covered by the sequence (empty after extraction)`);
  }
  const startsWithGap = extracted.query[0] === '-';
  const endsWithGap = extracted.query[extracted.query.length - 1] === '-';
  const query = protectFirstCodon(extracted.query);
  const reference = protectFirstCodon(extracted.reference);

  const frameShifts = detectFrameShifts(cds, query, reference);
  const masked = maskShiftedNucleotides(query, frameShifts);
  const qryPeptide = translate(removeGaps(masked), params.noTranslatePastStop);

  const qryGaps = gapCounts(query);
  const refGaps = gapCounts(reference);
  const band = {
    meanShift: (qryGaps.leading - refGaps.leading) / 3 + (qryGaps.internal - refGaps.internal) / 6,
    halfWidth: Math.floor((qryGaps.internal + refGaps.internal) / 3) + 5,
  };
  const alignParams: PeptideAlignParams = {
    scoreMatch: params.scoreMatch,
    penaltyMismatch: params.penaltyMismatch,
    penaltyGapOpen: params.penaltyGapOpen,
    penaltyGapExtend: params.penaltyGapExtend,
    preferGapsOnTies: params.gapAlignmentSide === 'left',
    leftTerminalGapsFree: startsWithGap,
    rightTerminalGapsFree: endsWithGap,
  };
  // Without indels inside the CDS the peptide alignment is the diagonal: skip the DP.
  const stripped =
    qryGaps.internal === 0 && refGaps.internal === 0 && refGaps.leading === 0
      ? { query: diagonalPeptide(qryPeptide, qryGaps.leading / 3, refPeptide.length), insertions: [] }
      : alignAndStrip(qryPeptide, refPeptide, band, alignParams, params.fullPeptideDp ? null : findDiagonalTrim(query, reference, qryPeptide, refPeptide));
  const publicShifts = frameShifts.map(({ nucRelAln: _aln, ...shift }) => shift);
  const peptide = maskShiftedCodons(stripped.query, publicShifts);

  const alignmentRanges = sequencedLocalRanges(cds, context.alignmentRange)
    .map((r) => ({ begin: Math.floor(r.begin / 3), end: Math.floor(r.end / 3) }))
    .filter((r) => r.begin < r.end);

  return { cdsName: cds.name, peptide, insertions: stripped.insertions, frameShifts: publicShifts, alignmentRanges };
}
