/** Frame-shift detection on extracted CDS alignments (alignment.md §11). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFrameShifts, detectShiftedRegions, maskShiftedCodons } from '../../src/analysis/frame-shifts.js';

const cds = { name: 'G', segments: [{ start: 100, end: 130, strand: '+' as const, phase: 0 }] };

test('a 1-nt deletion shifts the frame from the next base to a compensating indel or the end', () => {
  const ref = 'ATGAAACCCGGGTTTAAACCCGGGTTTTAA';
  const qry = 'ATGAAAC-CGGGTTTAAACCCGGGTTTTAA';
  assert.deepEqual(detectShiftedRegions(qry, ref), [{ begin: 8, end: 30 }]);
  const compensated = 'ATGAAAC-CGGGTTTAAACCCAGGGTTTTA'.slice(0, 30);
  const refWithGap = 'ATGAAACCCGGGTTTAAACCC-GGGTTTTAA'.slice(0, 30);
  assert.deepEqual(detectShiftedRegions(compensated, refWithGap), [{ begin: 8, end: 21 }]);
});

test('whole-codon deletions and unsequenced ends are not frame shifts', () => {
  const ref = 'ATGAAACCCGGGTTTAAACCCGGGTTTTAA';
  assert.deepEqual(detectShiftedRegions('ATGAAA---GGGTTTAAACCCGGGTTTTAA', ref), []);
  assert.deepEqual(detectShiftedRegions('---AAACCCGGGTTTAAACCCGGGTT----', ref), []);
});

test('frame shifts carry CDS-local, genome and codon ranges; masking puts X over shifted codons', () => {
  const ref = 'ATGAAACCCGGGTTTAAACCCGGGTTTTAA';
  const qry = 'ATGAAAC-CGGGTTTAAACCCGGGTTTTAA';
  const [shift] = detectFrameShifts(cds, qry, ref);
  assert.deepEqual(shift.nucRel, { begin: 8, end: 30 });
  assert.deepEqual(shift.nucAbs, [{ begin: 108, end: 130 }]);
  assert.deepEqual(shift.codon, { begin: 2, end: 10 });
  assert.deepEqual(shift.gapsLeading, { begin: 2, end: 3 });
  assert.equal(maskShiftedCodons('MKPGFKPGF*', [shift]), 'MKXXXXXXXX');
});

test('minus-strand CDS: genome ranges run backwards from the CDS end', () => {
  const minus = { name: 'R', segments: [{ start: 200, end: 230, strand: '-' as const, phase: 0 }] };
  const ref = 'ATGAAACCCGGGTTTAAACCCGGGTTTTAA';
  const [shift] = detectFrameShifts(minus, 'ATGAAAC-CGGGTTTAAACCCGGGTTTTAA', ref);
  assert.deepEqual(shift.nucAbs, [{ begin: 200, end: 222 }]);
});
