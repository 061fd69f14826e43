import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, loadDatasetExamples } from '../../src/dataset/load.js';
import { parseFasta } from '../../src/dataset/fasta.js';
import { alignParamsFrom, DEFAULT_ALIGN_PARAMS } from '../../src/align/params.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.resolve(repoRoot, '../shared/data/nextclade');

test('SARS-CoV-2: reference, gene annotation and pathogen.json overrides over Nextclade defaults', async () => {
  const d = await loadDataset(path.join(data, 'sars-cov-2'));
  assert.equal(d.name, 'sars-cov-2');
  assert.equal(d.reference.sequence.length, 29_903);
  assert.match(d.reference.name, /^MN908947/);
  assert.equal(d.annotation.cdses.length, 12);
  assert.equal(d.tree, null);
  assert.deepEqual(
    { ...d.alignParams },
    { ...DEFAULT_ALIGN_PARAMS, excessBandwidth: 12, terminalBandwidth: 100, allowedMismatches: 4, gapAlignmentSide: 'right', minSeedCover: 0.1 },
  );
  assert.ok(d.pathogen.qc);
});

test('CCHFV M: file names from pathogen.json, tree loaded, raised gap penalties', async () => {
  const d = await loadDataset(path.join(data, 'cchfv/M'));
  assert.equal(d.reference.sequence.length, 5366);
  assert.ok(d.tree && typeof d.tree === 'object');
  assert.equal(d.alignParams.penaltyGapOpen, 24);
  assert.equal(d.alignParams.kmerLength, 7);
  assert.equal(d.alignParams.retryReverseComplement, true);
  assert.equal((await loadDatasetExamples(path.join(data, 'cchfv/M'))).length, 50);
});

test('alignment parameters: removed v3 keys and wrong types are rejected with the key name', () => {
  assert.throws(() => alignParamsFrom({ seedLength: 21 }), /seedLength no longer exist/);
  assert.throws(() => alignParamsFrom({ kmerLength: 'ten' }), /alignmentParams\.kmerLength/);
  assert.equal(alignParamsFrom({ someFutureKey: 1 }).kmerLength, 10);
});

test('FASTA: header name and id, multi-line sequences, CRLF', () => {
  const records = parseFasta('>seq1 some description\r\nACGT\r\nNNAC\r\n>seq2\nTTTT\n');
  assert.deepEqual(records, [
    { name: 'seq1 some description', id: 'seq1', sequence: 'ACGTNNAC' },
    { name: 'seq2', id: 'seq2', sequence: 'TTTT' },
  ]);
});
