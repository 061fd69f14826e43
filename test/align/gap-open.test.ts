/** Codon-aware gap-open map: the expectations of Nextclade's own unit tests (align/gap_open.rs). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gapOpenMap } from '../../src/align/gap-open.js';
import { DEFAULT_ALIGN_PARAMS } from '../../src/align/params.js';
import type { GenomeAnnotation } from '../../src/dataset/annotation.js';

type Part = [number, number, '+' | '-'];

function annotation(cdses: Part[][]): GenomeAnnotation {
  return {
    cdses: cdses.map((parts, i) => ({ name: `cds${i}`, segments: parts.map(([start, end, strand]) => ({ start, end, strand, phase: 0 })) })),
  };
}

const cases: { name: string; cdses: Part[][]; expected: string }[] = [
  { name: 'adjacent parts', cdses: [[[3, 12, '+'], [12, 18, '+']]], expected: '666788788788788788666666666' },
  { name: 'two CDSs', cdses: [[[3, 9, '+']], [[12, 18, '+']]], expected: '666788788666788788666666666' },
  { name: 'adjacent, first part reverse', cdses: [[[3, 12, '-'], [12, 18, '+']]], expected: '666788788788788788666666666' },
  { name: 'length not a multiple of 3, second part reverse', cdses: [[[3, 11, '+'], [11, 18, '-']]], expected: '666788788787887887666666666' },
  { name: 'two reverse CDSs', cdses: [[[3, 9, '-']], [[12, 18, '-']]], expected: '666788788666788788666666666' },
  { name: 'CDS at the start', cdses: [[[0, 9, '+']]], expected: '788788788666666666666666666' },
  { name: 'CDS at the end', cdses: [[[15, 24, '+']]], expected: '666666666666666788788788666' },
];

for (const c of cases) {
  test(`gap-open map: ${c.name}`, () => {
    const map = gapOpenMap(25, annotation(c.cdses), { ...DEFAULT_ALIGN_PARAMS, penaltyGapOpen: 6, penaltyGapOpenInFrame: 7, penaltyGapOpenOutOfFrame: 8 });
    assert.equal(Array.from(map).join(''), c.expected);
  });
}

test('no annotation: flat map of reference length + 2', () => {
  assert.deepEqual(Array.from(gapOpenMap(4, null, DEFAULT_ALIGN_PARAMS)), [6, 6, 6, 6, 6, 6]);
});
