import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ProcessedEntry } from '../../src/contract/entries.js';
import type { MockBackend } from '../../src/mock-backend/index.js';
import { validProcessedEntry } from './fixtures/organisms.js';
import { extract, problemDetail, seedTen, startTestMock, submit } from './helpers.js';

/** Extracts everything for `version` and submits it; `withError` accessions get an error. */
async function processAll(mock: MockBackend, version: number, options: { organism?: string; errorOn?: number } = {}): Promise<void> {
  const organism = options.organism ?? 'dummyOrganism';
  const claimed = await extract(mock, { numberOfSequenceEntries: 100, pipelineVersion: version }, { organism });
  assert.equal(claimed.status, 200);
  const entries: ProcessedEntry[] = claimed.lines.map((line, i) => {
    const entry = validProcessedEntry(line.accession as string);
    if (organism === 'otherOrganism') {
      entry.data = { ...entry.data, metadata: { date: '2020-01-01', region: 'Europe', country: 'CH' }, alignedNucleotideSequences: {}, unalignedNucleotideSequences: {}, nucleotideInsertions: {}, sequenceNameToFastaId: {} };
    }
    if (i === options.errorOn) entry.errors = [{ unprocessedFields: [], processedFields: [], message: 'failed' }];
    return entry;
  });
  const result = await submit(mock, entries, { organism, pipelineVersion: version });
  assert.equal(result.status, 204, result.text);
}

function versionsPresent(mock: MockBackend, organism: string): number[] {
  return Object.keys(mock.state().organisms[organism].pipelineVersions).map(Number).sort();
}

describe('pipeline version upgrade (UseNewerProcessingPipelineVersionTask)', () => {
  let mock: MockBackend;
  beforeEach(async () => {
    mock = await startTestMock();
    seedTen(mock);
  });
  afterEach(() => mock.close());

  it('v1 all OK → stays at 1', async () => {
    await processAll(mock, 1);
    assert.deepEqual(mock.upgradeCheck(), {});
    assert.equal(mock.state().organisms.dummyOrganism.currentPipelineVersion, 1);
  });

  it('v2 with one error where v1 succeeded → stays at 1', async () => {
    await processAll(mock, 1);
    await processAll(mock, 2, { errorOn: 3 });
    assert.deepEqual(mock.upgradeCheck(), {});
  });

  it('v3 all OK → switches to 3, deletes versions below 2, and v2 extracts get 422', async () => {
    await processAll(mock, 1);
    await processAll(mock, 2, { errorOn: 3 });
    await processAll(mock, 3);
    assert.deepEqual(mock.upgradeCheck(), { dummyOrganism: 3 });
    assert.equal(mock.state().organisms.dummyOrganism.currentPipelineVersion, 3);
    assert.deepEqual(versionsPresent(mock, 'dummyOrganism'), [2, 3]);
    const old = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 2 });
    assert.equal(old.status, 422);
    assert.equal(problemDetail(old), 'The processing pipeline version 2 is not accepted anymore. The current pipeline version is 3.');
    assert.equal((await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 4 })).status, 200);
  });

  it('entries that failed in the current version do not block', async () => {
    await processAll(mock, 1, { errorOn: 0 });
    await processAll(mock, 2, { errorOn: 0 });
    assert.deepEqual(mock.upgradeCheck(), { dummyOrganism: 2 });
  });

  it('without successful v1 data, merely extracting with v2 switches', async () => {
    await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 2 });
    assert.deepEqual(mock.upgradeCheck(), { dummyOrganism: 2 });
  });

  it('organisms are independent, and cleanup touches only the switched organism', async () => {
    seedTen(mock, 'otherOrganism');
    await processAll(mock, 1, { organism: 'otherOrganism' });
    await processAll(mock, 1);
    await processAll(mock, 2);
    await processAll(mock, 3);
    assert.deepEqual(mock.upgradeCheck(), { dummyOrganism: 3 });
    assert.equal(mock.state().organisms.otherOrganism.currentPipelineVersion, 1);
    assert.deepEqual(versionsPresent(mock, 'otherOrganism'), [1]);
  });

  it('a repeated check without new data returns an empty map', async () => {
    await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 2 });
    assert.deepEqual(mock.upgradeCheck(), { dummyOrganism: 2 });
    assert.deepEqual(mock.upgradeCheck(), {});
  });

  it('can run before every extract (interval 0) or over HTTP', async () => {
    const eager = await startTestMock({ pipelineVersionUpgradeIntervalSeconds: 0 });
    try {
      seedTen(eager);
      await extract(eager, { numberOfSequenceEntries: 1, pipelineVersion: 2 });
      assert.equal((await extract(eager, { numberOfSequenceEntries: 1, pipelineVersion: 1 })).status, 422);
    } finally {
      await eager.close();
    }
    await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 5 });
    const response = await fetch(`${mock.url}/_mock/upgrade-check`, { method: 'POST' });
    assert.deepEqual(await response.json(), { switched: { dummyOrganism: 5 } });
  });
});
