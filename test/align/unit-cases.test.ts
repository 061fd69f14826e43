import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NucAligner } from '../../src/align/wasm.js';
import { DEFAULT_ALIGN_PARAMS, type AlignParams } from '../../src/align/params.js';
import { gapOpenMap } from '../../src/align/gap-open.js';
import { unstripAlignment } from '../../src/align/insertions.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cases = JSON.parse(
  readFileSync(path.resolve(repoRoot, '../shared/data/nextclade/fixtures/nextclade-align-unit-cases.json'), 'utf8'),
).cases as { name: string; qry: string; ref: string; qry_aln: string; ref_aln: string; gap_open: number; gap_alignment_side: 'left' | 'right' }[];

const aligner = new NucAligner();

for (const c of cases) {
  test(`Nextclade unit case ${c.name}`, () => {
    const params: AlignParams = {
      ...DEFAULT_ALIGN_PARAMS,
      minLength: 3,
      minMatchLength: 5,
      penaltyGapOpen: c.gap_open,
      gapAlignmentSide: c.gap_alignment_side,
    };
    const id = aligner.addReference(c.ref, gapOpenMap(c.ref.length, null, params), params);
    const result = aligner.align(id, c.qry);
    assert.ok(result.ok, result.ok ? '' : result.error);
    const { query, reference } = unstripAlignment(result.value.alignedQuery, c.ref, result.value.insertions);
    assert.equal(query, c.qry_aln);
    assert.equal(reference, c.ref_aln);
  });
}
