/**
 * Where the peptide alignment can skip the dynamic programme: before the first and after the last
 * nucleotide indel of a CDS the query runs along the diagonal. We keep the DP for the middle part
 * plus a margin, and cut only inside an "anchor": a run of codons that match exactly (no `X`) and
 * is not periodic with any period up to the indel size, so no equally good alignment could move a
 * gap across it. Cutting there gives the same alignment as the full band, much cheaper: a
 * SARS-CoV-2 ORF1a with one deletion near its end shrinks from ~4 400 rows to a few hundred.
 */
import { alignmentRangeOf } from '../align/nuc-analysis.js';

export interface DiagonalTrim {
  /** Reference codons [0, refStart) are aligned on the diagonal before the DP part. */
  refStart: number;
  /** Query codon aligned to reference codon c in the prefix: c − prefixOffset. */
  prefixOffset: number;
  /** Reference codons [refEnd, refLength) are on the diagonal after the DP part. */
  refEnd: number;
  /** Query codon aligned to reference codon c in the suffix: c − suffixOffset. */
  suffixOffset: number;
}

const MARGIN = 20;
const MIN_ANCHOR = 10;

/** Index of the first / after the last column where either sequence has a gap inside the query's span. */
function indelSpan(query: string, reference: string): { first: number; last: number; qStart: number; qEnd: number } | null {
  const { begin: qStart, end: qEnd } = alignmentRangeOf(query);
  let first = -1;
  let last = -1;
  for (let i = qStart; i < qEnd; i++) {
    if (query.charCodeAt(i) === 45 || reference.charCodeAt(i) === 45) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : { first, last: last + 1, qStart, qEnd };
}

function countLetters(seq: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (seq.charCodeAt(i) !== 45) n++;
  return n;
}

function isAnchor(refPeptide: string, qryPeptide: string, refFrom: number, offset: number, length: number, maxPeriod: number): boolean {
  for (let c = refFrom; c < refFrom + length; c++) {
    const q = c - offset;
    if (q < 0 || q >= qryPeptide.length || c >= refPeptide.length) return false;
    const aa = refPeptide.charCodeAt(c);
    if (aa !== qryPeptide.charCodeAt(q) || aa === 88 /* X */) return false;
  }
  // A run repeating with period p lets a gap of p codons slide across it at no cost.
  for (let p = 1; p <= maxPeriod; p++) {
    let periodic = true;
    for (let c = refFrom; c + p < refFrom + length; c++) {
      if (refPeptide.charCodeAt(c) !== refPeptide.charCodeAt(c + p)) {
        periodic = false;
        break;
      }
    }
    if (periodic) return false;
  }
  return true;
}

/**
 * Cut points for an extracted CDS alignment (`query`/`reference` with gaps, first codon protected)
 * and its peptides; null when there is nothing worth trimming.
 */
export function findDiagonalTrim(query: string, reference: string, qryPeptide: string, refPeptide: string): DiagonalTrim | null {
  const span = indelSpan(query, reference);
  if (!span) return null;
  const indelCodons = Math.ceil((span.last - span.first) / 3) + 1;
  const maxPeriod = Math.min(indelCodons, 60);
  const anchor = Math.max(MIN_ANCHOR, maxPeriod + 2);

  let refStart = 0;
  let prefixOffset = 0;
  // Prefix: before the first indel both sequences advance together; the offset is whole codons.
  const refBefore = countLetters(reference, span.first);
  const qryBefore = countLetters(query, span.first);
  if ((refBefore - qryBefore) % 3 === 0 && refBefore >= qryBefore) {
    const offset = (refBefore - qryBefore) / 3;
    const lowest = Math.ceil(countLetters(reference, span.qStart) / 3) + anchor;
    for (let cut = Math.floor(refBefore / 3) - MARGIN; cut >= lowest; cut--) {
      if (isAnchor(refPeptide, qryPeptide, cut - anchor, offset, anchor, maxPeriod)) {
        refStart = cut;
        prefixOffset = offset;
        break;
      }
    }
  }

  let refEnd = refPeptide.length;
  let suffixOffset = 0;
  const refUpTo = countLetters(reference, span.last);
  const qryUpTo = countLetters(query, span.last);
  // A query reaching past the reference end would need trailing insertions: leave that to the DP.
  if ((refUpTo - qryUpTo) % 3 === 0 && qryPeptide.length <= refPeptide.length - (refUpTo - qryUpTo) / 3) {
    const offset = (refUpTo - qryUpTo) / 3;
    const highest = Math.floor(countLetters(reference, span.qEnd) / 3) - anchor;
    for (let cut = Math.ceil(refUpTo / 3) + MARGIN; cut <= highest; cut++) {
      if (isAnchor(refPeptide, qryPeptide, cut, offset, anchor, maxPeriod)) {
        refEnd = cut;
        suffixOffset = offset;
        break;
      }
    }
  }
  if (refStart === 0 && refEnd === refPeptide.length) return null;
  if (refEnd - refStart < 2 * MARGIN) return null;
  return { refStart, prefixOffset, refEnd, suffixOffset };
}
