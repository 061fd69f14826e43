/**
 * Per-reference-position gap-open penalties (alignment.md §6, "gap open"): flat outside CDSs; inside
 * each CDS the first base of a codon gets the in-frame penalty and the other two the out-of-frame
 * one, counted along the CDS in transcription order (so on the minus strand the in-frame base is
 * the lowest coordinate of each codon). Later CDSs overwrite earlier ones where they overlap.
 */
import type { GenomeAnnotation } from '../dataset/annotation.js';
import type { AlignParams } from './params.js';

/** Length is reference length + 2, as the DP reads one past the last row. */
export function gapOpenMap(referenceLength: number, annotation: GenomeAnnotation | null, params: AlignParams): Int32Array {
  const map = new Int32Array(referenceLength + 2).fill(params.penaltyGapOpen);
  for (const cds of annotation?.cdses ?? []) {
    let cdsPos = 0;
    for (const segment of cds.segments) {
      const reverse = segment.strand === '-';
      const codonStart = reverse ? 2 : 0;
      const start = Math.max(0, segment.start);
      const end = Math.min(referenceLength, segment.end);
      for (let k = 0; k < segment.end - segment.start; k++) {
        const i = reverse ? segment.end - 1 - k : segment.start + k;
        if (i >= start && i < end) {
          map[i] = cdsPos % 3 === codonStart ? params.penaltyGapOpenInFrame : params.penaltyGapOpenOutOfFrame;
        }
        cdsPos++;
      }
    }
  }
  return map;
}
