/**
 * Frame-shift detection on an extracted CDS alignment (alignment.md §11 "Frame shifts").
 * A reference gap (insertion) moves the reading frame by −1, a query gap (deletion) by +1, modulo 3.
 * A shifted region starts at the first ordinary column after the frame left 0 and ends at the indel
 * that brings it back (or at the CDS end).
 */
import type { Cds } from '../dataset/annotation.js';
import { localRangeToGenome } from './cds-extract.js';
import type { FrameShift, Range } from './types.js';

export interface DetectedFrameShift extends FrameShift {
  /** The region in columns of the extracted alignment (used for masking). */
  nucRelAln: Range;
}

/** Sorted positions of `-` in a string. */
function gapPositions(seq: string): number[] {
  const out: number[] = [];
  for (let i = seq.indexOf('-'); i >= 0; i = seq.indexOf('-', i + 1)) out.push(i);
  return out;
}

/**
 * Regions, in extracted-alignment columns, where the query is out of frame. Only indel columns can
 * change the frame, so the walk visits those (found with `indexOf`) instead of every column.
 */
export function detectShiftedRegions(query: string, reference: string): Range[] {
  const refGaps = gapPositions(reference);
  const qryGaps = gapPositions(query);
  if (refGaps.length === 0 && qryGaps.length === 0) return [];
  // Indel columns in order; a column with gaps on both sides counts as an insertion (reference gap).
  const indels: { pos: number; shift: number }[] = [];
  let r = 0;
  let q = 0;
  while (r < refGaps.length || q < qryGaps.length) {
    const nextRef = r < refGaps.length ? refGaps[r] : Infinity;
    const nextQry = q < qryGaps.length ? qryGaps[q] : Infinity;
    if (nextRef <= nextQry) {
      indels.push({ pos: nextRef, shift: 2 });
      r++;
      if (nextQry === nextRef) q++;
    } else {
      indels.push({ pos: nextQry, shift: 1 });
      q++;
    }
  }
  const regions: Range[] = [];
  let frame = 0;
  let begin = -1;
  for (let k = 0; k < indels.length; k++) {
    const { pos, shift } = indels[k];
    frame = (frame + shift) % 3;
    if (frame === 0 && begin >= 0 && begin < pos) {
      regions.push({ begin, end: pos });
      begin = -1;
    } else if (frame === 0) {
      begin = -1;
    }
    if (frame !== 0 && begin < 0) {
      // The region starts at the first ordinary column after this indel, if one comes before the next.
      const next = pos + 1;
      const nextIndel = k + 1 < indels.length ? indels[k + 1].pos : Infinity;
      if (next < query.length && next < nextIndel) begin = next;
    }
  }
  if (begin >= 0) regions.push({ begin, end: query.length });
  return regions;
}

function codonsOf(range: Range): Range {
  return { begin: Math.floor(range.begin / 3), end: Math.ceil(range.end / 3) };
}

export function detectFrameShifts(cds: Cds, query: string, reference: string): DetectedFrameShift[] {
  const regions = detectShiftedRegions(query, reference);
  if (regions.length === 0) return [];

  // Reference-local position of every column: how many reference letters precede it.
  const refLocal = new Int32Array(query.length + 1);
  for (let i = 0; i < query.length; i++) refLocal[i + 1] = refLocal[i] + (reference[i] === '-' ? 0 : 1);

  return regions.map((aln) => {
    const nucRel = { begin: refLocal[aln.begin], end: refLocal[aln.end] };
    let leading = aln.begin;
    while (leading > 0 && query[leading - 1] === '-') leading--;
    let trailing = aln.end;
    while (trailing < query.length && query[trailing] === '-') trailing++;
    return {
      cdsName: cds.name,
      nucRel,
      nucAbs: localRangeToGenome(cds, nucRel),
      codon: codonsOf(nucRel),
      gapsLeading: codonsOf({ begin: refLocal[leading], end: refLocal[aln.begin] }),
      gapsTrailing: codonsOf({ begin: refLocal[aln.end], end: refLocal[trailing] }),
      nucRelAln: aln,
    };
  });
}

/** Replaces query letters inside shifted regions by `N` so they translate to `X`. */
export function maskShiftedNucleotides(query: string, shifts: DetectedFrameShift[]): string {
  if (shifts.length === 0) return query;
  const letters = query.split('');
  for (const { nucRelAln } of shifts) {
    for (let i = nucRelAln.begin; i < nucRelAln.end; i++) if (letters[i] !== '-') letters[i] = 'N';
  }
  return letters.join('');
}

/** After peptide alignment: shifted codons become `X`, the deletions next to them `-`. */
export function maskShiftedCodons(peptide: string, shifts: FrameShift[]): string {
  if (shifts.length === 0) return peptide;
  const letters = peptide.split('');
  const fill = (range: Range, letter: string) => {
    for (let c = range.begin; c < Math.min(range.end, letters.length); c++) letters[c] = letter;
  };
  // The shifted codons win over the deletion codons they share (a partial codon next to a gap).
  for (const shift of shifts) {
    fill(shift.gapsLeading, '-');
    fill(shift.gapsTrailing, '-');
    fill(shift.codon, 'X');
  }
  return letters.join('');
}
