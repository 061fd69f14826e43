import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FloatValue, emptyProcessedData, type ProcessedEntry } from '../../src/contract/entries.js';
import { defineOrganism } from '../../src/contract/organism.js';
import { serialiseProcessedEntry } from '../../src/contract/serialise.js';
import {
  checkProcessedLine,
  isBackendDate,
  renderInvalidSymbols,
  validateProcessedEntry,
  validateBuiltEntry,
  validateProcessedLine,
} from '../../src/contract/validate.js';
import { loadTestBackendConfig, validProcessedEntry } from '../mock-backend/fixtures/organisms.js';

const config = loadTestBackendConfig();
const dummy = config.organisms.dummyOrganism;
const other = config.organisms.otherOrganism;

function modified(change: (entry: ProcessedEntry) => void): ProcessedEntry {
  const entry = validProcessedEntry('LOC_000001Y');
  change(entry);
  return entry;
}

/** A line with one metadata value replaced by raw JSON text (to send what the serialiser never would). */
function lineWithRawMetadata(field: string, rawJson: string): string {
  const line = serialiseProcessedEntry(validProcessedEntry('LOC_000001Y'));
  return line.replace('"metadata":{', `"metadata":{${JSON.stringify(field)}:${rawJson},`);
}

describe('validateProcessedEntry: valid data', () => {
  it('accepts the canonical entry', () => {
    assert.equal(validateProcessedEntry(validProcessedEntry('A'), dummy), null);
  });
  it('accepts lowercase sequences and stores them upper-cased', () => {
    const entry = modified((e) => {
      e.data.unalignedNucleotideSequences.main = 'nnactgnn';
      e.data.alignedNucleotideSequences.main = 'n'.repeat(49);
      e.data.alignedAminoAcidSequences.someShortGene = 'mads';
      e.data.nucleotideInsertions.main = ['123:actg'];
    });
    const result = checkProcessedLine(serialiseProcessedEntry(entry), dummy);
    assert.ok(result.ok);
    assert.equal(result.value.stored.unalignedNucleotideSequences.main, 'NNACTGNN');
    assert.equal(result.value.stored.alignedAminoAcidSequences.someShortGene, 'MADS');
    assert.deepEqual(result.value.stored.nucleotideInsertions.main, ['123:ACTG']);
  });
  it('accepts every valid symbol', () => {
    const entry = modified((e) => {
      e.data.unalignedNucleotideSequences.main = 'ACGTMRWSYKVHDBN';
      e.data.alignedNucleotideSequences.main = 'ACGTMRWSYKVHDBN-'.padEnd(49, 'N');
      e.data.nucleotideInsertions.main = ['1:ACGTMRWSYKVHDBN'];
      e.data.aminoAcidInsertions.someLongGene = ['1:ACDEFGHIKLMNPQRSTVWYBZX-*'];
    });
    assert.equal(validateProcessedEntry(entry, dummy), null);
  });
  it('accepts null sequences, absent segments and null for non-required fields', () => {
    const entry = modified((e) => {
      e.data.alignedNucleotideSequences = { main: null };
      e.data.unalignedNucleotideSequences = { main: null };
      e.data.alignedAminoAcidSequences = { someLongGene: null };
      e.data.nucleotideInsertions = {};
      e.data.aminoAcidInsertions = {};
      e.data.metadata.age = null;
      e.data.metadata.qc = null;
      delete e.data.metadata.host;
    });
    assert.equal(validateProcessedEntry(entry, dummy), null);
  });
  it('accepts integral floats written by the serialiser (1.0) and large ones (1e+21)', () => {
    assert.equal(validateProcessedEntry(modified((e) => (e.data.metadata.qc = new FloatValue(1))), dummy), null);
    assert.equal(validateProcessedEntry(modified((e) => (e.data.metadata.qc = new FloatValue(1e21))), dummy), null);
  });
  it('accepts any number for a number field and a string for authors', () => {
    assert.equal(validateProcessedLine(lineWithRawMetadata('numberField', '3'), dummy), null);
    assert.equal(validateProcessedLine(lineWithRawMetadata('numberField', '3.5e2'), dummy), null);
    assert.equal(validateProcessedLine(lineWithRawMetadata('authors', '"Doe, J."'), dummy), null);
  });
  it('skips content validation for entries with errors', () => {
    const entry = modified((e) => {
      e.data.metadata.date = '1.2.2021';
      e.data.metadata.unknown = 'x';
      e.errors = [{ unprocessedFields: [{ name: 'date', type: 'Metadata' }], processedFields: [], message: 'bad date' }];
    });
    assert.equal(validateProcessedEntry(entry, dummy), null);
  });
  it('accepts the 32-bit int bounds', () => {
    assert.equal(validateProcessedLine(lineWithRawMetadata('age', '2147483647').replace('"age":42,', ''), dummy), null);
    assert.equal(validateProcessedLine(lineWithRawMetadata('age', '-2147483648').replace('"age":42,', ''), dummy), null);
  });
});

describe('segment and gene names that are also result field names', () => {
  it('accepts insertions of a segment called status and a gene called detail', () => {
    const organism = defineOrganism({
      name: 'o',
      metadata: [],
      nucleotideSequences: [{ name: 'status', length: 4 }],
      genes: [{ name: 'detail', length: 2 }],
    });
    const entry: ProcessedEntry = {
      accession: 'A',
      version: 1,
      data: {
        ...emptyProcessedData(),
        unalignedNucleotideSequences: { status: 'acgt' },
        alignedNucleotideSequences: { status: 'acgt' },
        sequenceNameToFastaId: { status: 'x' },
        nucleotideInsertions: { status: ['1:a'] },
        alignedAminoAcidSequences: { detail: 'm*' },
        aminoAcidInsertions: { detail: ['1:m'] },
      },
      errors: [],
      warnings: [],
    };
    assert.equal(validateProcessedEntry(entry, organism), null);
    assert.equal(validateBuiltEntry(entry, organism), null);
  });
});

describe('validateProcessedEntry: invalid data (422, exact detail)', () => {
  const cases: { name: string; entry: ProcessedEntry; detail: string }[] = [
    {
      name: 'unknown metadata fields',
      entry: modified((e) => {
        e.data.metadata['unknown field 2'] = 'x';
        e.data.metadata['unknown field 1'] = 'y';
      }),
      detail: 'Unknown fields in metadata: unknown field 1, unknown field 2.',
    },
    { name: 'missing required field', entry: modified((e) => delete e.data.metadata.date), detail: "Missing the required field 'date'." },
    { name: 'explicit null for required', entry: modified((e) => (e.data.metadata.region = null)), detail: "Field 'region' is null, but a value is required." },
    { name: 'wrong type (string)', entry: modified((e) => (e.data.metadata.region = 5)), detail: "Expected type 'string' for field 'region', found value '5'." },
    { name: 'wrong type (int as string)', entry: modified((e) => (e.data.metadata.age = '1')), detail: "Expected type 'integer' for field 'age', found value '\"1\"'." },
    { name: 'int beyond 32 bits', entry: modified((e) => (e.data.metadata.age = 3000000000)), detail: "Expected type 'integer' for field 'age', found value '3000000000'." },
    { name: 'int written as float', entry: modified((e) => (e.data.metadata.age = new FloatValue(1))), detail: "Expected type 'integer' for field 'age', found value '1.0'." },
    { name: 'float written as integer', entry: modified((e) => (e.data.metadata.qc = 1)), detail: "Expected type 'float' for field 'qc', found value '1'." },
    {
      name: 'wrong date format',
      entry: modified((e) => (e.data.metadata.date = '1.2.2021')),
      detail: "Expected type 'date' in format 'yyyy-MM-dd' for field 'date', found value '\"1.2.2021\"'.",
    },
    { name: 'wrong boolean', entry: modified((e) => (e.data.metadata.booleanColumn = 'true')), detail: "Expected type 'boolean' for field 'booleanColumn', found value '\"true\"'." },
    {
      name: 'unknown segment in aligned',
      entry: modified((e) => (e.data.alignedNucleotideSequences.someOtherSegment = 'A')),
      detail: "Unknown segments in 'alignedNucleotideSequences': someOtherSegment.",
    },
    {
      name: 'unknown segment in unaligned',
      entry: modified((e) => (e.data.unalignedNucleotideSequences.someOtherSegment = 'A')),
      detail: "Unknown segments in 'unalignedNucleotideSequences': someOtherSegment.",
    },
    {
      name: 'unknown segment in sequenceNameToFastaId',
      entry: modified((e) => (e.data.sequenceNameToFastaId.someOtherSegment = 'x')),
      detail: "Unknown segments in 'sequenceNameToFastaId': someOtherSegment.",
    },
    {
      name: 'fasta-id map missing a key',
      entry: modified((e) => (e.data.sequenceNameToFastaId = {})),
      detail: "'sequenceNameToFastaId': is missing the keys 'main'.",
    },
    {
      name: 'unaligned map missing a key',
      entry: modified((e) => (e.data.unalignedNucleotideSequences = {})),
      detail: "'unalignedNucleotideSequences': is missing the keys 'main'.",
    },
    {
      name: 'unknown segment in insertions',
      entry: modified((e) => (e.data.nucleotideInsertions.someOtherSegment = ['123:ACTG'])),
      detail: "Unknown segments in 'nucleotideInsertions': someOtherSegment.",
    },
    {
      name: 'wrong aligned length',
      entry: modified((e) => (e.data.alignedNucleotideSequences.main = 'ACT')),
      detail: "The length of 'main' in 'alignedNucleotideSequences' is 3, but it should be 49.",
    },
    {
      name: 'invalid symbols in aligned',
      entry: modified((e) => (e.data.alignedNucleotideSequences.main = 'ÄÖ'.padEnd(49, 'A'))),
      detail: "The sequence of segment 'main' in 'alignedNucleotideSequences' contains invalid symbols: [Ä, Ö].",
    },
    {
      name: 'invalid symbols in unaligned (incl. -)',
      entry: modified((e) => (e.data.unalignedNucleotideSequences.main = 'AÄCÖG-T')),
      detail: "The sequence of segment 'main' in 'unalignedNucleotideSequences' contains invalid symbols: [Ä, Ö, -].",
    },
    {
      name: 'invalid symbols in insertions',
      entry: modified((e) => (e.data.nucleotideInsertions.main = ['123:ÄÖ'])),
      detail: "The insertion 123:ÄÖ of segment 'main' in 'nucleotideInsertions' contains invalid symbols: [Ä, Ö].",
    },
    {
      name: 'unknown gene in aligned amino acids',
      entry: modified((e) => (e.data.alignedAminoAcidSequences.someOtherGene = 'MADS')),
      detail: "Unknown genes in 'alignedAminoAcidSequences': someOtherGene.",
    },
    {
      name: 'unknown gene in amino-acid insertions',
      entry: modified((e) => (e.data.aminoAcidInsertions.someOtherGene = ['123:RN'])),
      detail: "Unknown genes in 'aminoAcidInsertions': someOtherGene.",
    },
    {
      name: 'wrong amino-acid length',
      entry: modified((e) => (e.data.alignedAminoAcidSequences.someShortGene = 'MAD')),
      detail: "The length of 'someShortGene' in 'alignedAminoAcidSequences' is 3, but it should be 4.",
    },
    {
      name: 'invalid amino-acid symbols',
      entry: modified((e) => (e.data.alignedAminoAcidSequences.someShortGene = 'ÄÖ#$')),
      detail: "The gene 'someShortGene' in 'alignedAminoAcidSequences' contains invalid symbols: [Ä, Ö, #, $].",
    },
    {
      name: 'invalid amino-acid insertion symbols',
      entry: modified((e) => (e.data.aminoAcidInsertions.someLongGene = ['123:ÄÖ#$'])),
      detail: "An insertion of gene 'someLongGene' in 'aminoAcidInsertions' contains invalid symbols: [Ä, Ö, #, $].",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(validateProcessedEntry(c.entry, dummy), { status: 422, detail: c.detail });
    });
  }

  it('reports the first failing rule only (metadata before sequences)', () => {
    const entry = modified((e) => {
      e.data.metadata.date = 'x';
      e.data.alignedNucleotideSequences.main = 'A';
    });
    assert.match(validateProcessedEntry(entry, dummy)!.detail, /^Expected type 'date'/);
  });

  it('reports another organism field as unknown', () => {
    const entry = modified((e) => (e.data.metadata.specialOtherField = 'x'));
    assert.equal(validateProcessedEntry(entry, dummy)!.detail, 'Unknown fields in metadata: specialOtherField.');
  });

  it('checks aligned lengths per segment of a multi-segment organism in config order', () => {
    const entry = modified((e) => {
      e.data.metadata = { date: '2020-01-01', region: 'Europe', country: 'Spain' };
      e.data.alignedNucleotideSequences = { secondSegment: 'A', notOnlySegment: 'AC' };
      e.data.unalignedNucleotideSequences = {};
      e.data.sequenceNameToFastaId = {};
      e.data.nucleotideInsertions = {};
    });
    assert.equal(validateProcessedEntry(entry, other)!.detail, "The length of 'notOnlySegment' in 'alignedNucleotideSequences' is 2, but it should be 4.");
  });

  it('renders at most ten invalid symbols, then ...', () => {
    assert.equal(renderInvalidSymbols('ÄÖÜäöüß#$%&'.split('')), '[Ä, Ö, Ü, ä, ö, ü, ß, #, $, %, ...]');
  });
});

describe('deserialisation (400)', () => {
  const base = validProcessedEntry('LOC_000001Y');
  it('rejects a missing metadata map with the Jackson wording', () => {
    const line = serialiseProcessedEntry(base).replace(/"metadata":\{[^}]*\},/, '');
    const failure = validateProcessedLine(line, dummy)!;
    assert.equal(failure.status, 400);
    assert.match(failure.detail, /^Failed to deserialize NDJSON line: .*failed for JSON property metadata/);
  });
  it('rejects each missing required map, even with errors', () => {
    for (const key of ['unalignedNucleotideSequences', 'alignedNucleotideSequences', 'nucleotideInsertions', 'alignedAminoAcidSequences', 'aminoAcidInsertions']) {
      const object = JSON.parse(serialiseProcessedEntry(base));
      delete object.data[key];
      object.errors = [{ unprocessedFields: [], processedFields: [], message: 'x' }];
      const failure = validateProcessedLine(JSON.stringify(object), dummy)!;
      assert.equal(failure.status, 400, key);
      assert.match(failure.detail, new RegExp(`failed for JSON property ${key}`));
    }
  });
  it('rejects malformed JSON, an empty line, an unknown annotation type and a malformed insertion', () => {
    assert.equal(validateProcessedLine('{"accession":', dummy)!.status, 400);
    assert.equal(validateProcessedLine('', dummy)!.status, 400);
    const object = JSON.parse(serialiseProcessedEntry(base));
    object.errors = [{ unprocessedFields: [{ name: 'x', type: 'metadata' }], processedFields: [], message: 'x' }];
    assert.equal(validateProcessedLine(JSON.stringify(object), dummy)!.status, 400);
    const insertion = JSON.parse(serialiseProcessedEntry(base));
    insertion.data.nucleotideInsertions.main = ['ACTG'];
    assert.equal(validateProcessedLine(JSON.stringify(insertion), dummy)!.status, 400);
  });
  it('ignores unknown properties', () => {
    const object = JSON.parse(serialiseProcessedEntry(base));
    object.extra = 1;
    object.data.extra = { a: 1 };
    assert.equal(validateProcessedLine(JSON.stringify(object), dummy), null);
  });
  it('answers 500 for a null insertion list on an entry without errors', () => {
    const object = JSON.parse(serialiseProcessedEntry(base));
    object.data.nucleotideInsertions.main = null;
    assert.equal(validateProcessedLine(JSON.stringify(object), dummy)!.status, 500);
  });
});

describe('isBackendDate', () => {
  it('follows LocalDate.parse with yyyy-MM-dd (strict widths, SMART day clamping)', () => {
    for (const ok of ['2023-01-05', '2023-02-30', '2024-02-29', '0001-01-01']) assert.ok(isBackendDate(ok), ok);
    for (const bad of ['2023-1-5', '99-01-01', '20230105', '2023-02-32', '2023-13-01', '0000-01-01', '2023-01-05T00:00', '12345-01-01']) {
      assert.ok(!isBackendDate(bad), bad);
    }
  });
});
