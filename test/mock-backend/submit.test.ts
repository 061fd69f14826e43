import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { FloatValue, type ProcessedEntry } from '../../src/contract/entries.js';
import { serialiseProcessedEntry } from '../../src/contract/serialise.js';
import type { MockBackend } from '../../src/mock-backend/index.js';
import { ALIGNED_MAIN, validProcessedEntry } from './fixtures/organisms.js';
import { extract, seedTen, startTestMock, submit } from './helpers.js';

describe('submit-processed-data', () => {
  let mock: MockBackend;
  let accessions: string[];

  beforeEach(async () => {
    mock = await startTestMock();
    seedTen(mock);
    const claimed = await extract(mock, { numberOfSequenceEntries: 10, pipelineVersion: 1 });
    accessions = claimed.lines.map((l) => l.accession as string);
  });
  afterEach(() => mock.close());

  const entryOf = (i: number, change?: (e: ProcessedEntry) => void) => {
    const entry = validProcessedEntry(accessions[i]);
    change?.(entry);
    return entry;
  };
  const statusOf = (i: number) => mock.describe(accessions[i], 1)!;

  it('success → 204, PROCESSED, typed metadata stored', async () => {
    const result = await submit(mock, [entryOf(0), entryOf(1)]);
    assert.equal(result.status, 204);
    assert.equal(result.text, '');
    const stored = statusOf(0);
    assert.equal(stored.status, 'PROCESSED');
    assert.equal(stored.processingResult, 'NO_ISSUES');
    const metadata = (stored.rows[0].processedData as { metadata: Record<string, unknown> }).metadata;
    assert.equal(metadata.qc, 0.987654321);
    assert.equal(metadata.age, 42);
    assert.equal(metadata.region, 'Europe');
    assert.equal(metadata.booleanColumn, true);
    assert.equal(statusOf(2).status, 'IN_PROCESSING');
  });

  it('accepts an integral float written as 1.0 and rejects it written as 1', async () => {
    assert.equal((await submit(mock, [entryOf(0, (e) => (e.data.metadata.qc = new FloatValue(1)))])).status, 204);
    const asInteger = await submit(mock, [entryOf(1, (e) => (e.data.metadata.qc = 1))]);
    assert.equal(asInteger.status, 422);
    assert.equal(asInteger.detail, "Expected type 'float' for field 'qc', found value '1'.");
  });

  it('null sequences are accepted', async () => {
    const entry = entryOf(0, (e) => {
      e.data.unalignedNucleotideSequences.main = null;
      e.data.alignedNucleotideSequences.main = null;
      e.data.alignedAminoAcidSequences.someLongGene = null;
    });
    assert.equal((await submit(mock, [entry])).status, 204);
  });

  it('lowercase sequences are stored upper-cased', async () => {
    const entry = entryOf(0, (e) => {
      e.data.unalignedNucleotideSequences.main = 'nnactgnn';
      e.data.alignedNucleotideSequences.main = ALIGNED_MAIN.toLowerCase();
      e.data.alignedAminoAcidSequences.someShortGene = 'mads';
      e.data.nucleotideInsertions.main = ['123:actg'];
    });
    assert.equal((await submit(mock, [entry])).status, 204);
    const data = statusOf(0).rows[0].processedData as Record<string, Record<string, unknown>>;
    assert.equal(data.unalignedNucleotideSequences.main, 'NNACTGNN');
    assert.equal(data.alignedNucleotideSequences.main, ALIGNED_MAIN);
    assert.equal(data.alignedAminoAcidSequences.someShortGene, 'MADS');
    assert.deepEqual(data.nucleotideInsertions.main, ['123:ACTG']);
  });

  it('errors → PROCESSED with errors, even when the data is invalid', async () => {
    const entry = entryOf(0, (e) => {
      e.data.metadata.date = '1.2.2021';
      e.errors = [{ unprocessedFields: [{ name: 'date', type: 'Metadata' }], processedFields: [{ name: 'date', type: 'Metadata' }], message: 'Not a date' }];
    });
    assert.equal((await submit(mock, [entry])).status, 204);
    assert.equal(statusOf(0).processingResult, 'HAS_ERRORS');
    assert.equal(statusOf(0).rows[0].errors![0].message, 'Not a date');
  });

  it('warnings → PROCESSED with warnings', async () => {
    const entry = entryOf(0, (e) => (e.warnings = [{ unprocessedFields: [], processedFields: [], message: 'hm' }]));
    assert.equal((await submit(mock, [entry])).status, 204);
    assert.equal(statusOf(0).processingResult, 'HAS_WARNINGS');
  });

  const invalidCases: { name: string; change: (e: ProcessedEntry) => void; detail: string }[] = [
    { name: 'unknown metadata field', change: (e) => (e.data.metadata.unknown = 'x'), detail: 'Unknown fields in metadata: unknown.' },
    { name: 'missing required field', change: (e) => delete e.data.metadata.region, detail: "Missing the required field 'region'." },
    { name: 'wrong boolean', change: (e) => (e.data.metadata.booleanColumn = 'true'), detail: "Expected type 'boolean' for field 'booleanColumn', found value '\"true\"'." },
    {
      name: 'wrong aligned length',
      change: (e) => (e.data.alignedNucleotideSequences.main = 'ACGT'),
      detail: "The length of 'main' in 'alignedNucleotideSequences' is 4, but it should be 49.",
    },
    {
      name: 'invalid unaligned symbols',
      change: (e) => (e.data.unalignedNucleotideSequences.main = 'ÄÖ-'),
      detail: "The sequence of segment 'main' in 'unalignedNucleotideSequences' contains invalid symbols: [Ä, Ö, -].",
    },
    { name: 'unknown gene', change: (e) => (e.data.alignedAminoAcidSequences.nope = 'M'), detail: "Unknown genes in 'alignedAminoAcidSequences': nope." },
  ];
  for (const c of invalidCases) {
    it(`invalid data (${c.name}) → 422 with the exact detail, entry stays IN_PROCESSING`, async () => {
      const result = await submit(mock, [entryOf(0, c.change)]);
      assert.equal(result.status, 422);
      assert.equal(result.detail, c.detail);
      assert.equal(result.headers['content-type'], 'application/problem+json');
      assert.equal(statusOf(0).status, 'IN_PROCESSING');
    });
  }

  it('all or nothing: one bad line rolls back the valid lines before it', async () => {
    const result = await submit(mock, [entryOf(0), entryOf(1), entryOf(2, (e) => (e.data.metadata.unknown = 'x'))]);
    assert.equal(result.status, 422);
    for (const i of [0, 1, 2]) assert.equal(statusOf(i).status, 'IN_PROCESSING');
    assert.equal((await submit(mock, [entryOf(0), entryOf(1)])).status, 204);
  });

  it('unknown accession and unknown version → 422, whole batch rolled back', async () => {
    const unknown = await submit(mock, [entryOf(0), validProcessedEntry('999')]);
    assert.equal(unknown.status, 422);
    assert.equal(unknown.detail, 'Accession version 999.1 does not exist or is not awaiting any processing results');
    const version = await submit(mock, [entryOf(0), validProcessedEntry(accessions[1], 999)]);
    assert.equal(version.detail, `Accession version ${accessions[1]}.999 does not exist or is not awaiting any processing results`);
    assert.equal(statusOf(0).status, 'IN_PROCESSING');
  });

  it('already processed → 422', async () => {
    assert.equal((await submit(mock, [entryOf(0)])).status, 204);
    const again = await submit(mock, [entryOf(0)]);
    assert.equal(again.status, 422);
    assert.equal(again.detail, `Accession version ${accessions[0]}.1 does not exist or is not awaiting any processing results`);
  });

  it('a duplicated line fails the whole request', async () => {
    const result = await submit(mock, [entryOf(0), entryOf(0)]);
    assert.equal(result.status, 422);
    assert.equal(result.detail, `Accession version ${accessions[0]}.1 does not exist or is not awaiting any processing results`);
    assert.equal(statusOf(0).status, 'IN_PROCESSING');
  });

  it('wrong pipeline version → 422 naming the version', async () => {
    const result = await submit(mock, [entryOf(0)], { pipelineVersion: 2 });
    assert.equal(result.status, 422);
    assert.equal(result.detail, `Accession version ${accessions[0]}.1 is not awaiting processing results of version 2 (anymore)`);
  });

  it('entry of another organism → 422 (only checked for entries without errors)', async () => {
    const result = await submit(mock, [entryOf(0)], { organism: 'otherOrganism' });
    assert.equal(result.status, 422);
    assert.equal(result.detail, `Accession version ${accessions[0]}.1 is for organism dummyOrganism, but submitted data is for organism otherOrganism`);
  });

  it('missing metadata → 400 naming the property', async () => {
    const line = serialiseProcessedEntry(entryOf(0)).replace(/"metadata":\{[^}]*\},/, '');
    const result = await submit(mock, `${line}\n`);
    assert.equal(result.status, 400);
    assert.match(result.detail!, /^Failed to deserialize NDJSON line: .*failed for JSON property metadata/);
  });

  it('wrong content type → 415', async () => {
    assert.equal((await submit(mock, [entryOf(0)], { contentType: 'application/json' })).status, 415);
    assert.equal((await submit(mock, [entryOf(0)], { contentType: 'application/x-ndjson; charset=utf-8' })).status, 204);
  });

  it('line handling: one trailing newline is fine, a blank middle line is a 400, an empty body is a 204', async () => {
    const a = serialiseProcessedEntry(entryOf(0));
    const b = serialiseProcessedEntry(entryOf(1));
    const blank = await submit(mock, `${a}\n\n${b}\n`);
    assert.equal(blank.status, 400);
    assert.match(blank.detail!, /^Failed to deserialize NDJSON line: /);
    assert.equal((await submit(mock, `${a}\n\n`)).status, 400);
    assert.equal((await submit(mock, '')).status, 204);
    assert.equal((await submit(mock, `${a}\n${b}`)).status, 204);
  });

  it('missing or non-numeric pipelineVersion → 400', async () => {
    assert.equal((await submit(mock, [entryOf(0)], { pipelineVersion: 'x' })).status, 400);
  });

  it('a null insertion list on an entry without errors → 500', async () => {
    const object = JSON.parse(serialiseProcessedEntry(entryOf(0)));
    object.data.nucleotideInsertions.main = null;
    assert.equal((await submit(mock, `${JSON.stringify(object)}\n`)).status, 500);
  });

  describe('file mappings (checked for every line)', () => {
    const withFiles = (i: number, files: ProcessedEntry['data']['files'], errors = false) =>
      entryOf(i, (e) => {
        e.data.files = files;
        if (errors) e.errors = [{ unprocessedFields: [], processedFields: [], message: 'x' }];
      });

    it('valid registered file → 204', async () => {
      const fileId = '11111111-2222-3333-4444-555555555555';
      mock.store.files.set(fileId, { fileId, groupId: 1, uploaded: true });
      assert.equal((await submit(mock, [withFiles(0, { myProcessedOnlyFileCategory: [{ fileId, name: 'a.embl' }] })])).status, 204);
    });

    it('unknown category, duplicate names, unknown id, other group → 422, also on entries with errors', async () => {
      const fileId = '11111111-2222-3333-4444-555555555555';
      const unknownCategory = await submit(mock, [withFiles(0, { nope: [{ fileId, name: 'a' }] }, true)]);
      assert.equal(unknownCategory.detail, 'The category nope is not part of the configured output categories for dummyOrganism. Allowed categories are: myProcessedOnlyFileCategory.');
      const duplicate = await submit(mock, [withFiles(0, { myProcessedOnlyFileCategory: [{ fileId, name: 'a' }, { fileId, name: 'a' }] })]);
      assert.equal(duplicate.detail, 'The files in category myProcessedOnlyFileCategory contain duplicate file names: a');
      const unknownId = await submit(mock, [withFiles(0, { myProcessedOnlyFileCategory: [{ fileId, name: 'a' }] })]);
      assert.equal(unknownId.detail, `The following file IDs do not exist: ${fileId}`);
      mock.store.files.set(fileId, { fileId, groupId: 7, uploaded: true });
      const otherGroup = await submit(mock, [entryOf(1), withFiles(0, { myProcessedOnlyFileCategory: [{ fileId, name: 'a' }] })]);
      assert.equal(otherGroup.detail, `Accession version ${accessions[0]}.1 belongs to group 1 but the attached file ${fileId} belongs to the group 7.`);
      assert.equal(statusOf(1).status, 'IN_PROCESSING');
    });
  });
});
