import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validProcessedEntry } from './fixtures/organisms.js';
import { extract, seedTen, startTestMock, submit } from './helpers.js';

describe('inspection API', () => {
  it('reports counts per status and pipeline version, stored results and the request log', async () => {
    const mock = await startTestMock();
    try {
      seedTen(mock);
      const claimed = await extract(mock, { numberOfSequenceEntries: 3, pipelineVersion: 1 });
      const accession = claimed.lines[0].accession as string;
      const entry = validProcessedEntry(accession);
      entry.warnings = [{ unprocessedFields: [], processedFields: [], message: 'w' }];
      await submit(mock, [entry]);

      const state = await (await fetch(`${mock.url}/_mock/state`)).json();
      const organism = state.organisms.dummyOrganism;
      assert.deepEqual(organism.statuses, { RECEIVED: 7, IN_PROCESSING: 2, PROCESSED: 1 });
      assert.deepEqual(organism.pipelineVersions['1'], { IN_PROCESSING: 2, PROCESSED: 1, NO_ISSUES: 0, HAS_WARNINGS: 1, HAS_ERRORS: 0 });

      const list = await (await fetch(`${mock.url}/_mock/entries/dummyOrganism`)).json();
      assert.equal(list.length, 10);
      const one = await (await fetch(`${mock.url}/_mock/entries/dummyOrganism/${accession}/1`)).json();
      assert.equal(one.status, 'PROCESSED');
      assert.equal(one.rows[0].warnings[0].message, 'w');
      assert.equal(one.rows[0].processedData.metadata.region, 'Europe');
      assert.equal((await fetch(`${mock.url}/_mock/entries/dummyOrganism/LOC_NOPE/1`)).status, 404);

      const log = await (await fetch(`${mock.url}/_mock/requests`)).json();
      assert.equal(log.length, 2);
      assert.match(log[0].url, /extract-unprocessed-data\?numberOfSequenceEntries=3/);
      assert.equal(log[0].status, 200);
      assert.equal(log[1].status, 204);
      assert.equal(log[1].headers['content-type'], 'application/x-ndjson');
      assert.equal(JSON.parse(log[1].body.split('\n')[0]).accession, accession);

      const token = await (await fetch(`${mock.url}/_mock/tokens`, { method: 'POST', body: JSON.stringify({ roles: ['x'] }) })).json();
      assert.equal((await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 }, { token: token.access_token })).status, 403);
    } finally {
      await mock.close();
    }
  });

  it('serves the backend health helpers without auth', async () => {
    const mock = await startTestMock();
    try {
      assert.deepEqual(await (await fetch(`${mock.url}/actuator/health`)).json(), { status: 'UP' });
      assert.equal((await (await fetch(`${mock.url}/`)).json()).status, 'Healthy');
    } finally {
      await mock.close();
    }
  });
});
