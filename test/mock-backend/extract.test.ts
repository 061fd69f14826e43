import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { MockBackend } from '../../src/mock-backend/index.js';
import { bearer, extract, post, problemDetail, seedTen, startTestMock } from './helpers.js';

describe('extract-unprocessed-data', () => {
  let mock: MockBackend;
  beforeEach(async () => (mock = await startTestMock()));
  afterEach(() => mock.close());

  it('no entries → 200 with an empty body and an ETag', async () => {
    const result = await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 });
    assert.equal(result.status, 200);
    assert.equal(result.text, '');
    assert.match(String(result.headers.etag), /^".+"$/);
    assert.equal(result.headers['content-type'], 'application/x-ndjson');
  });

  it('ETag sequence: A with data → A gives 200 empty + B → B gives 304 repeating B', async () => {
    seedTen(mock);
    const first = await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 });
    assert.equal(first.lines.length, 10);
    const etagA = String(first.headers.etag);
    const second = await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 }, { headers: { 'if-none-match': etagA } });
    assert.equal(second.status, 200);
    assert.equal(second.text, '');
    const etagB = String(second.headers.etag);
    assert.notEqual(etagB, etagA);
    const third = await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 }, { headers: { 'if-none-match': etagB } });
    assert.equal(third.status, 304);
    assert.equal(third.text, '');
    assert.equal(third.headers.etag, etagB);
  });

  it('If-None-Match is compared by exact string equality (no weak or list forms)', async () => {
    const etag = String((await extract(mock, { numberOfSequenceEntries: 0, pipelineVersion: 1 })).headers.etag);
    for (const variant of [`W/${etag}`, `${etag}, "x"`, etag.slice(1, -1)]) {
      assert.equal((await extract(mock, { numberOfSequenceEntries: 0, pipelineVersion: 1 }, { headers: { 'if-none-match': variant } })).status, 200, variant);
    }
  });

  it('the ETag is scoped per organism', async () => {
    const other = String((await extract(mock, { numberOfSequenceEntries: 0, pipelineVersion: 1 }, { organism: 'otherOrganism' })).headers.etag);
    seedTen(mock);
    await extract(mock, { numberOfSequenceEntries: 5, pipelineVersion: 1 });
    const again = await extract(mock, { numberOfSequenceEntries: 0, pipelineVersion: 1 }, { organism: 'otherOrganism', headers: { 'if-none-match': other } });
    assert.equal(again.status, 304);
  });

  it('claims by a newer pipeline version leave the current ETag alone', async () => {
    seedTen(mock);
    const etag = String((await extract(mock, { numberOfSequenceEntries: 0, pipelineVersion: 1 })).headers.etag);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 2 })).lines.length, 10);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 0, pipelineVersion: 1 }, { headers: { 'if-none-match': etag } })).status, 304);
  });

  it('10 submitted: ask 7 → 7, ask 5 → 3, then 0; in accession order, each claimed once', async () => {
    seedTen(mock);
    const first = await extract(mock, { numberOfSequenceEntries: 7, pipelineVersion: 1 });
    const second = await extract(mock, { numberOfSequenceEntries: 5, pipelineVersion: 1 });
    const third = await extract(mock, { numberOfSequenceEntries: 5, pipelineVersion: 1 });
    assert.deepEqual([first.lines.length, second.lines.length, third.lines.length], [7, 3, 0]);
    const accessions = [...first.lines, ...second.lines].map((l) => l.accession as string);
    assert.deepEqual(accessions, [...accessions].sort());
    assert.equal(new Set(accessions).size, 10);
    assert.equal(mock.state().organisms.dummyOrganism.statuses.IN_PROCESSING, 10);
  });

  it('streams the unprocessed-entry shape, one newline-terminated line per entry', async () => {
    seedTen(mock);
    const result = await extract(mock, { numberOfSequenceEntries: 3, pipelineVersion: 1 });
    assert.ok(result.text.endsWith('\n'));
    assert.equal(result.text.split('\n').length, 4);
    const line = result.lines[0] as { accession: string; version: number; submissionId: string; submitter: string; groupId: number; submittedAt: number; data: Record<string, unknown> };
    assert.match(line.accession, /^LOC_[0-9A-HJ-NP-Z]{6,}[0-9A-HJ-NP-Z]$/);
    assert.equal(line.version, 1);
    assert.match(line.submissionId, /^custom[0-9]$/);
    assert.ok(line.submittedAt > 1_700_000_000);
    assert.equal(typeof line.submitter, 'string');
    assert.equal(typeof line.groupId, 'number');
    assert.deepEqual(Object.keys(line.data), ['metadata', 'unalignedNucleotideSequences', 'files']);
    assert.equal(line.data.files, null);
  });

  it('each pipeline version gets its own copy', async () => {
    seedTen(mock);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 })).lines.length, 10);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 2 })).lines.length, 10);
  });

  it("other organisms' entries stay RECEIVED", async () => {
    seedTen(mock);
    seedTen(mock, 'otherOrganism');
    await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 });
    assert.equal(mock.state().organisms.otherOrganism.statuses.RECEIVED, 10);
  });

  it('organism without consensus sequences → empty unalignedNucleotideSequences', async () => {
    mock.seed('dummyOrganismWithoutConsensusSequences', [{ metadata: { date: '2020-01-01' } }]);
    const result = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 }, { organism: 'dummyOrganismWithoutConsensusSequences' });
    assert.deepEqual((result.lines[0].data as Record<string, unknown>).unalignedNucleotideSequences, {});
  });

  it('accepts the parameters as a form body', async () => {
    seedTen(mock);
    const result = await post(`${mock.backendUrl('dummyOrganism')}/extract-unprocessed-data`, {
      headers: { ...bearer(mock.issueToken()), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'numberOfSequenceEntries=4&pipelineVersion=1',
    });
    assert.equal(result.status, 200);
    assert.equal(result.text.split('\n').filter(Boolean).length, 4);
  });

  it('0 entries asked → 200 empty, nothing claimed', async () => {
    seedTen(mock);
    const result = await extract(mock, { numberOfSequenceEntries: 0, pipelineVersion: 1 });
    assert.equal(result.status, 200);
    assert.equal(result.text, '');
    assert.equal(mock.state().organisms.dummyOrganism.statuses.RECEIVED, 10);
  });

  it('100001 → 400 with the backend message; missing and non-numeric parameters → 400', async () => {
    const tooMany = await extract(mock, { numberOfSequenceEntries: 100001, pipelineVersion: 1 });
    assert.equal(tooMany.status, 400);
    assert.match(problemDetail(tooMany), /You can extract at max 100000 sequence entries at once\./);
    assert.equal(tooMany.headers['content-type'], 'application/problem+json');
    assert.equal((await extract(mock, { numberOfSequenceEntries: 100000, pipelineVersion: 1 })).status, 200);
    assert.equal((await extract(mock, { pipelineVersion: 1 })).status, 400);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 1 })).status, 400);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 'ten', pipelineVersion: 1 })).status, 400);
    assert.equal((await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: '1.5' })).status, 400);
  });

  it('a negative count fails inside the started 200 stream', async () => {
    const result = await post(`${mock.backendUrl('dummyOrganism')}/extract-unprocessed-data?numberOfSequenceEntries=-1&pipelineVersion=1`, {
      headers: bearer(mock.issueToken()),
    });
    assert.equal(result.status, 200);
    assert.match(result.text, /^An unexpected error occurred while streaming, aborting the stream: /);
  });

  it('unknown organism → 400 naming the possible values', async () => {
    const result = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 }, { organism: 'nope' });
    assert.equal(result.status, 400);
    assert.equal(problemDetail(result), 'Invalid organism: nope, possible values are: [dummyOrganism, otherOrganism, dummyOrganismWithoutConsensusSequences]');
  });

  it('Accept without NDJSON → 406', async () => {
    const result = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 }, { headers: { accept: 'application/json' } });
    assert.equal(result.status, 406);
  });
});
