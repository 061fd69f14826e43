import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { type MockBackend, entriesFromTsvAndFasta, parseFasta } from '../../src/mock-backend/index.js';
import { extract, loculusTestResources, startTestMock } from './helpers.js';

const read = (name: string) => readFileSync(path.join(loculusTestResources, name), 'utf8');

describe('seeding', () => {
  let mock: MockBackend;
  beforeEach(async () => (mock = await startTestMock()));
  afterEach(() => mock.close());

  it('from metadata.tsv + sequences.fasta: id column removed, FASTA id keys, accession order', async () => {
    const seeded = mock.seedFromTsvAndFasta('dummyOrganism', read('metadata.tsv'), read('sequences.fasta'));
    assert.equal(seeded.length, 10);
    const result = await extract(mock, { numberOfSequenceEntries: 100, pipelineVersion: 1 });
    assert.equal(result.lines.length, 10);
    const first = result.lines[0] as { submissionId: string; data: { metadata: Record<string, string>; unalignedNucleotideSequences: Record<string, string> } };
    assert.equal(first.submissionId, 'custom0');
    assert.deepEqual(first.data.metadata, { date: '2020-12-26', region: 'Europe', country: 'Switzerland', division: 'Bern', host: 'Homo sapiens' });
    assert.deepEqual(first.data.unalignedNucleotideSequences, { custom0: 'ACTG' });
    const zurich = result.lines.find((l) => l.submissionId === 'custom4') as { data: { metadata: Record<string, string> } };
    assert.equal(zurich.data.metadata.division, 'Zürich');
  });

  it('multi-segment pair: the fastaIds column lists the FASTA records of each entry', async () => {
    mock.seedFromTsvAndFasta('otherOrganism', read('metadata_multi_segment.tsv'), read('sequences_multi_segment.fasta'));
    const result = await extract(mock, { numberOfSequenceEntries: 100, pipelineVersion: 1 }, { organism: 'otherOrganism' });
    const bySubmission = new Map(result.lines.map((l) => [l.submissionId, l.data as { metadata: Record<string, string>; unalignedNucleotideSequences: Record<string, string> }]));
    assert.deepEqual(bySubmission.get('custom1')!.unalignedNucleotideSequences, { custom1_notOnlySegment: 'ACTG', custom1_secondSegment: 'ACTG' });
    assert.deepEqual(Object.keys(bySubmission.get('custom8')!.unalignedNucleotideSequences), ['custom8_secondSegment']);
    assert.ok(!('fastaIds' in bySubmission.get('custom1')!.metadata));
    assert.ok(!('submissionId' in bySubmission.get('custom1')!.metadata));
  });

  it('from files (as the CLI does) and over HTTP as NDJSON and JSON', async () => {
    const fromFiles = mock.seedFromFiles('dummyOrganism', [path.join(loculusTestResources, 'metadata.tsv'), path.join(loculusTestResources, 'sequences.fasta')]);
    assert.equal(fromFiles.length, 10);
    const ndjson = [
      { accession: 'LOC_0000AAA', version: 1, submissionId: 'x', submitter: 'me', groupId: 3, submittedAt: 1_750_000_000, data: { metadata: { a: '1' }, unalignedNucleotideSequences: { x: 'acgt' }, files: null } },
      { metadata: { b: '' }, sequences: { y: 'NNN' } },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const response = await fetch(`${mock.url}/_mock/seed?organism=dummyOrganism`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: ndjson });
    const body = await response.json();
    assert.equal(body.seeded.length, 2);
    assert.equal(body.seeded[0].accession, 'LOC_0000AAA');
    const stored = mock.describe('LOC_0000AAA', 1)!;
    assert.equal(stored.groupId, 3);
    assert.deepEqual(stored.unalignedNucleotideSequences, { x: 'acgt' });
    const json = await fetch(`${mock.url}/_mock/seed`, { method: 'POST', body: JSON.stringify({ organism: 'dummyOrganism', metadataTsv: 'id\tdate\nr1\t2020-01-01\n', fasta: '>r1 some description\nAC\nGT\n' }) });
    const seeded = (await json.json()).seeded[0];
    assert.deepEqual(mock.describe(seeded.accession, 1)!.unalignedNucleotideSequences, { r1: 'ACGT' });
    assert.deepEqual(mock.describe(seeded.accession, 1)!.metadata, { date: '2020-01-01' });
  });

  it('a seeded revision of an existing accession gets the next version', () => {
    const [first] = mock.seed('dummyOrganism', [{ metadata: {} }]);
    const [revision] = mock.seed('dummyOrganism', [{ accession: first.accession, metadata: {} }]);
    assert.equal(revision.version, 2);
  });

  it('rejects mismatched TSV and FASTA, unknown organisms and bad entries with clear messages', async () => {
    assert.throws(() => entriesFromTsvAndFasta('id\tdate\nr1\t2020\n', '>r2\nACGT\n'), /refers to FASTA id r1/);
    assert.throws(() => entriesFromTsvAndFasta('id\tdate\nr1\t2020\n', '>r1\nA\n>r9\nC\n'), /FASTA ids without a metadata row: r9/);
    assert.throws(() => entriesFromTsvAndFasta('name\tdate\nr1\t2020\n'), /no 'id'/);
    assert.throws(() => mock.seed('nope', []), /Unknown organism nope/);
    const response = await fetch(`${mock.url}/_mock/seed?organism=dummyOrganism`, { method: 'POST', body: JSON.stringify({ entries: [{ metadata: { a: 1 } }] }) });
    assert.equal(response.status, 400);
  });

  it('parseFasta takes the first token of the header as id and joins wrapped lines', () => {
    assert.deepEqual(parseFasta('>a desc\nAC\nGT\n\n>b\r\nTT\r\n'), [
      { id: 'a', sequence: 'ACGT' },
      { id: 'b', sequence: 'TT' },
    ]);
  });
});
