import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load.js';
import { buildPipeline } from '../../src/pipeline/build.js';
import { silentLogger } from '../../src/shared/logger.js';
import { PreproError } from '../../src/shared/errors.js';

const TESTS = '../shared/data/loculus/preprocessing/nextclade/tests';

test('a reference test config builds against the Loculus test datasets kept in <name>/main/', async () => {
  const { config } = loadConfig({ file: `${TESTS}/single_segment_config.yaml`, env: {}, flags: { nextclade_dataset_server: `${TESTS}/ebola-dataset` } });
  const built = await buildPipeline({ config, logger: silentLogger(), startPool: false });
  try {
    assert.deepEqual(Object.keys(built.datasets), ['main']);
    assert.equal(built.organism.nucleotideSequences[0]!.name, 'main');
    assert.equal(built.organism.nucleotideSequences[0]!.length, built.datasets.main!.reference.sequence.length);
    assert.deepEqual(built.organism.genes.map((g) => g.name).sort(), ['NPEbolaSudan', 'VP35EbolaSudan']);
    assert.ok(built.organism.genes.every((g) => g.length > 100));
    const types = Object.fromEntries(built.organism.metadata.map((f) => [f.name, f.type]));
    assert.equal(types.completeness, 'float');
    assert.equal(types.totalSnps, 'int');
    assert.equal(types.length, 'int');
  } finally {
    await built.pipeline.close();
  }
});

test('a missing dataset is a clear dataset error, not a crash', async () => {
  const { config } = loadConfig({ file: `${TESTS}/single_segment_config.yaml`, env: {}, flags: { nextclade_dataset_server: '/nonexistent' } });
  await assert.rejects(buildPipeline({ config, logger: silentLogger(), startPool: false }), (error: unknown) => {
    assert.ok(error instanceof PreproError);
    assert.equal(error.code, 'PREPRO_DATASET_UNAVAILABLE');
    assert.match(error.message, /ebola-sudan/);
    return true;
  });
});

test('a dataset with a broken file is the same clear dataset error', async () => {
  const { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const server = mkdtempSync(join(tmpdir(), 'prepro-broken-dataset-'));
  const dir = join(server, 'ebola-sudan');
  mkdirSync(dir);
  copyFileSync(`${TESTS}/ebola-dataset/ebola-sudan/main/reference.fasta`, join(dir, 'reference.fasta'));
  writeFileSync(join(dir, 'pathogen.json'), '{ not json');
  const { config } = loadConfig({ file: `${TESTS}/single_segment_config.yaml`, env: {}, flags: { nextclade_dataset_server: server } });
  await assert.rejects(buildPipeline({ config, logger: silentLogger(), startPool: false }), (error: unknown) => {
    assert.ok(error instanceof PreproError);
    assert.equal(error.code, 'PREPRO_DATASET_UNAVAILABLE');
    assert.match(error.message, /pathogen\.json/);
    return true;
  });
});
