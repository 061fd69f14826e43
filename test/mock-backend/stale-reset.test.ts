import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validProcessedEntry } from './fixtures/organisms.js';
import { extract, seedTen, startTestMock, submit } from './helpers.js';

describe('stale IN_PROCESSING reset', () => {
  it('timeout 0 → IN_PROCESSING becomes RECEIVED and is handed out again; a late submit fails', async () => {
    const mock = await startTestMock();
    try {
      seedTen(mock);
      const first = await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 });
      assert.equal(mock.staleReset(0), 10);
      assert.equal(mock.state().organisms.dummyOrganism.statuses.RECEIVED, 10);
      const late = await submit(mock, [validProcessedEntry(first.lines[0].accession as string)]);
      assert.equal(late.status, 422);
      assert.match(late.detail!, /does not exist or is not awaiting any processing results$/);
      assert.equal((await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 })).lines.length, 10);
    } finally {
      await mock.close();
    }
  });

  it('leaves fresh claims and processed rows alone', async () => {
    let now = 1_800_000_000_000;
    const mock = await startTestMock({ staleTimeoutSeconds: 600, now: () => now });
    try {
      seedTen(mock);
      const claimed = await extract(mock, { numberOfSequenceEntries: 2, pipelineVersion: 1 });
      assert.equal((await submit(mock, [validProcessedEntry(claimed.lines[0].accession as string)])).status, 204);
      now += 599_000;
      assert.equal(mock.staleReset(), 0);
      now += 2_000;
      assert.equal(mock.staleReset(), 1);
      assert.deepEqual(mock.state().organisms.dummyOrganism.statuses, { RECEIVED: 9, IN_PROCESSING: 0, PROCESSED: 1 });
    } finally {
      await mock.close();
    }
  });

  it('runs on its own with a sweep interval of 0 (before each pipeline request) and over HTTP', async () => {
    const mock = await startTestMock({ staleTimeoutSeconds: 0, sweepIntervalSeconds: 0 });
    try {
      seedTen(mock);
      assert.equal((await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 })).lines.length, 10);
      assert.equal((await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 })).lines.length, 10);
      const response = await fetch(`${mock.url}/_mock/stale-reset`, { method: 'POST', body: JSON.stringify({ timeoutSeconds: 0 }) });
      assert.deepEqual(await response.json(), { reset: 10 });
    } finally {
      await mock.close();
    }
  });
});
