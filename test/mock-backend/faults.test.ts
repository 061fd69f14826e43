import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { request } from 'undici';
import { READ_ONLY_DETAIL, STREAM_ERROR_PREFIX, type MockBackend } from '../../src/mock-backend/index.js';
import { validProcessedEntry } from './fixtures/organisms.js';
import { bearer, extract, post, problemDetail, seedTen, startTestMock, submit } from './helpers.js';

describe('read-only mode and fault injection', () => {
  let mock: MockBackend;
  beforeEach(async () => {
    mock = await startTestMock();
    seedTen(mock);
  });
  afterEach(() => mock.close());
  const extractUrl = () => `${mock.backendUrl('dummyOrganism')}/extract-unprocessed-data?numberOfSequenceEntries=10&pipelineVersion=1`;

  it('read-only → 503 on both endpoints with the backend detail; switchable over HTTP', async () => {
    mock.setReadOnly(true);
    const extracted = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 });
    assert.equal(extracted.status, 503);
    assert.equal(problemDetail(extracted), READ_ONLY_DETAIL);
    assert.equal((await submit(mock, '')).status, 503);
    await fetch(`${mock.url}/_mock/faults`, { method: 'POST', body: JSON.stringify({ readOnly: false }) });
    assert.equal((await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 })).status, 200);
  });

  it('fails the next K calls of one endpoint with a 5xx, then recovers', async () => {
    mock.faults.add({ kind: 'status', endpoint: 'extract', status: 503, times: 2, retryAfterSeconds: 3 });
    const failed = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 });
    assert.equal(failed.status, 503);
    assert.equal(failed.headers['retry-after'], '3');
    assert.equal((await submit(mock, '')).status, 204);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 })).status, 503);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 })).status, 200);
    assert.equal(mock.state().organisms.dummyOrganism.statuses.IN_PROCESSING, 1);
  });

  it('a failed submit changes nothing', async () => {
    const claimed = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 });
    mock.faults.add({ kind: 'status', endpoint: 'submit' });
    const entry = validProcessedEntry(claimed.lines[0].accession as string);
    assert.equal((await submit(mock, [entry])).status, 500);
    assert.equal((await submit(mock, [entry])).status, 204);
  });

  it('drops the stream after N lines with a connection reset; the claims stay until the stale reset', async () => {
    mock.faults.add({ kind: 'drop', afterLines: 3 });
    const response = await request(extractUrl(), { method: 'POST', headers: bearer(mock.issueToken()) });
    assert.equal(response.statusCode, 200);
    await assert.rejects(response.body.text());
    assert.equal(mock.state().organisms.dummyOrganism.statuses.IN_PROCESSING, 10);
    assert.equal(mock.staleReset(0), 10);
  });

  it('ends a 200 stream with the backend error line (no trailing newline)', async () => {
    mock.faults.add({ kind: 'errorLine', afterLines: 2, message: 'boom' });
    const result = await post(extractUrl(), { headers: bearer(mock.issueToken()) });
    assert.equal(result.status, 200);
    const lines = result.text.split('\n');
    assert.equal(lines.length, 3);
    JSON.parse(lines[0]);
    JSON.parse(lines[1]);
    assert.equal(lines[2], `${STREAM_ERROR_PREFIX}boom`);
  });

  it('resets the connection without answering', async () => {
    mock.faults.add({ kind: 'reset', endpoint: 'submit' });
    await assert.rejects(request(`${mock.backendUrl('dummyOrganism')}/submit-processed-data?pipelineVersion=1`, { method: 'POST', body: '' }));
    assert.equal((await submit(mock, '')).status, 204);
  });

  it('delays before the headers: a client timeout fires first', async () => {
    mock.faults.add({ kind: 'delay', endpoint: 'extract', ms: 2000 });
    await assert.rejects(request(extractUrl(), { method: 'POST', headers: bearer(mock.issueToken()), headersTimeout: 100 }));
  });

  it('slow stream: the client keeps receiving lines, only slowly (body timeout between lines)', async () => {
    mock.faults.add({ kind: 'slowStream', perLineMs: 1000 });
    const response = await request(extractUrl(), { method: 'POST', headers: bearer(mock.issueToken()), bodyTimeout: 100 });
    assert.equal(response.statusCode, 200);
    await assert.rejects(response.body.text());
  });

  it('faults on the token endpoint, persistent faults and clearing over HTTP', async () => {
    const control = (body: unknown) => fetch(`${mock.url}/_mock/faults`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
    const listed = await control({ add: { kind: 'status', endpoint: 'token', status: 502, persistent: true } });
    assert.equal(listed.faults[0].remaining, 'persistent');
    const login = () => post(mock.tokenUrl, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&client_id=backend-client&username=preprocessing_pipeline&password=preprocessing_pipeline' });
    assert.equal((await login()).status, 502);
    assert.equal((await login()).status, 502);
    await control({ clear: true });
    assert.equal((await login()).status, 200);
    const bad = await fetch(`${mock.url}/_mock/faults`, { method: 'POST', body: JSON.stringify({ add: { kind: 'nope' } }) });
    assert.equal(bad.status, 400);
  });
});
