/** Inputs that cannot be aligned end as a clear per-entry error, never as a crash. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AlignerPool } from '../../src/align/pool.js';
import { loadDataset } from '../../src/dataset/load.js';
import { seededRandom } from '../../src/shared/prng.js';
import { nextcladeData } from './fixture-data.js';

let pool: AlignerPool;

before(async () => {
  const sc2 = await loadDataset(path.join(nextcladeData, 'sars-cov-2'));
  pool = await AlignerPool.create({ threads: 1, datasets: { sc2 } });
});
after(() => pool.close());

/** Deterministic pseudo-random ACGT (shared seeded generator), so failures are reproducible. */
function randomGenome(length: number, seed: number): string {
  const random = seededRandom(seed);
  const letters = 'ACGT';
  const out = new Array<string>(length);
  for (let i = 0; i < length; i++) out[i] = letters[Math.floor(random() * 4)];
  return out.join('');
}

async function errorOf(sequence: string): Promise<string> {
  const outcome = await pool.align('sc2', sequence);
  assert.equal(outcome.ok, false, 'expected a failure');
  return outcome.ok ? '' : outcome.error;
}

test('empty sequence', async () => {
  assert.match(await errorOf(''), /sequence is too short.*sequence length: 0, min length allowed: 100/);
});

test('shorter than minLength (100 nt)', async () => {
  const sc2 = await loadDataset(path.join(nextcladeData, 'sars-cov-2'));
  assert.match(await errorOf(sc2.reference.sequence.slice(1000, 1060)), /too short.*sequence length: 60/);
});

test('only characters the reader drops counts as empty', async () => {
  assert.match(await errorOf('---- 1234 ....\n'), /too short.*sequence length: 0/);
});

test('unrelated genome of the same size', async () => {
  assert.match(await errorOf(randomGenome(30_000, 42)), /Unable to align: seed alignment/);
});

test('letters outside the nucleotide alphabet name the letter and position', async () => {
  const sc2 = await loadDataset(path.join(nextcladeData, 'sars-cov-2'));
  const withU = sc2.reference.sequence.slice(0, 500) + 'U' + sc2.reference.sequence.slice(501);
  assert.match(await errorOf(withU), /unknown nucleotide 'U' at position 501/);
  assert.match(await errorOf('ACGT*ACGT'.repeat(20)), /unknown nucleotide '\*'/);
  assert.match(await errorOf('ACGTXACGT'.repeat(20)), /unknown nucleotide 'X'/);
});

test('10 MB of junk fails cleanly and the pool keeps working', async () => {
  assert.match(await errorOf(randomGenome(10_000_000, 7)), /Unable to align/);
  const sc2 = await loadDataset(path.join(nextcladeData, 'sars-cov-2'));
  const after = await pool.align('sc2', sc2.reference.sequence);
  assert.equal(after.ok, true);
});

test('a band larger than maxBandArea is refused with a message saying so', async () => {
  const sc2 = await loadDataset(path.join(nextcladeData, 'sars-cov-2'));
  const small = await AlignerPool.create({
    threads: 1,
    datasets: { sc2: { ...sc2, alignParams: { ...sc2.alignParams, maxBandArea: 1_000_000 } } },
  });
  try {
    // 5 kb of foreign sequence in the middle: the band must bridge a 5 kb diagonal shift.
    const ref = sc2.reference.sequence;
    const outcome = await small.align('sc2', ref.slice(0, 15_000) + randomGenome(5000, 3) + ref.slice(15_000));
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.error, /band area \d+ exceeds the limit 1000000 \(maxBandArea\)/);
    // Three genomes back to back still align (one copy; the rest is a 3' overhang insertion).
    const concatenated = await small.align('sc2', ref.repeat(3));
    assert.ok(concatenated.ok);
    assert.equal(concatenated.alignment.totalInsertions, 2 * ref.length);
  } finally {
    await small.close();
  }
});

test('an unknown dataset key and an aborted request reject', async () => {
  await assert.rejects(pool.align('nope', 'ACGT'), /unknown dataset 'nope'/);
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(pool.align('sc2', 'ACGT', { signal: controller.signal }), /stop/);
});
