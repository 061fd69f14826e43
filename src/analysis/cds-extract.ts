/**
 * Cuts one CDS out of a nucleotide alignment (alignment.md §11 "Query extraction"). Insertions that
 * fall inside a CDS part are kept: they appear as query letters opposite `-` in the extracted
 * reference, which is what frame-shift detection and peptide alignment need. Parts are
 * concatenated in transcription order; minus-strand parts are reverse-complemented.
 */
import type { Cds } from '../dataset/annotation.js';
import { reverseComplement } from './nuc-letters.js';
import type { Range } from './types.js';

export interface ExtractedCds {
  /** Query and reference of the CDS, aligned (same length), in reading direction. */
  query: string;
  reference: string;
}

/** Insertions keyed by the reference position they follow (several at one position are joined). */
export function insertionsByPosition(insertions: { pos: number; ins: string }[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const { pos, ins } of insertions) map.set(pos, (map.get(pos) ?? '') + ins);
  return map;
}

export function extractCds(
  reference: string,
  query: string,
  insertionsAt: Map<number, string>,
  cds: Cds,
): ExtractedCds {
  let qryOut = '';
  let refOut = '';
  // Insertions are few: visiting them in order beats a map lookup at every position of the CDS.
  const insertionPositions = insertionsAt.size === 0 ? [] : [...insertionsAt.keys()].sort((a, b) => a - b);
  for (const segment of cds.segments) {
    let qryPart = '';
    let refPart = '';
    // Insertions after the last base of a part belong to the gap between parts, not to the CDS.
    let from = segment.start;
    for (const pos of insertionPositions) {
      if (pos < segment.start || pos >= segment.end - 1) continue;
      const ins = insertionsAt.get(pos)!;
      qryPart += query.slice(from, pos + 1) + ins;
      refPart += reference.slice(from, pos + 1) + '-'.repeat(ins.length);
      from = pos + 1;
    }
    qryPart += query.slice(from, segment.end);
    refPart += reference.slice(from, segment.end);
    if (segment.strand === '-') {
      qryPart = reverseComplement(qryPart);
      refPart = reverseComplement(refPart);
    }
    qryOut += qryPart;
    refOut += refPart;
  }
  return { query: qryOut, reference: refOut };
}

/** The reference nucleotides of a CDS in reading direction (no gaps). */
export function referenceCdsSequence(reference: string, cds: Cds): string {
  let out = '';
  for (const segment of cds.segments) {
    const part = reference.slice(segment.start, segment.end);
    out += segment.strand === '-' ? reverseComplement(part) : part;
  }
  return out;
}

/** Maps a CDS-local reference range onto genome ranges, one per part it touches. */
export function localRangeToGenome(cds: Cds, local: Range): Range[] {
  const out: Range[] = [];
  let offset = 0;
  for (const segment of cds.segments) {
    const length = segment.end - segment.start;
    const begin = Math.max(local.begin, offset);
    const end = Math.min(local.end, offset + length);
    if (begin < end) {
      if (segment.strand === '-') {
        out.push({ begin: segment.end - (end - offset), end: segment.end - (begin - offset) });
      } else {
        out.push({ begin: segment.start + (begin - offset), end: segment.start + (end - offset) });
      }
    }
    offset += length;
  }
  return out;
}

/**
 * The sequenced part of a CDS as a CDS-local nucleotide range per part: the nucleotide alignment
 * range intersected with each part.
 */
export function sequencedLocalRanges(cds: Cds, alignmentRange: Range): Range[] {
  const out: Range[] = [];
  let offset = 0;
  for (const segment of cds.segments) {
    const length = segment.end - segment.start;
    const begin = Math.max(alignmentRange.begin, segment.start);
    const end = Math.min(alignmentRange.end, segment.end);
    if (begin < end) {
      if (segment.strand === '-') {
        out.push({ begin: offset + (segment.end - end), end: offset + (segment.end - begin) });
      } else {
        out.push({ begin: offset + (begin - segment.start), end: offset + (end - segment.start) });
      }
    }
    offset += length;
  }
  return out;
}
