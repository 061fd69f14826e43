/**
 * validateBuiltEntry judges an entry the worker built without serialising it; its verdict and
 * message must be the backend's on the serialised line (validateProcessedEntry).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatValue, emptyProcessedData, type MetadataValue, type ProcessedEntry } from '../../src/contract/entries.js';
import { defineOrganism } from '../../src/contract/organism.js';
import { validateBuiltEntry, validateProcessedEntry } from '../../src/contract/validate.js';
import { seededRandom } from '../../src/shared/prng.js';

const organism = defineOrganism({
  name: 'o',
  metadata: [
    { name: 's', type: 'string' },
    { name: 'a', type: 'authors' },
    { name: 'i', type: 'int' },
    { name: 'f', type: 'float' },
    { name: 'n', type: 'number' },
    { name: 'd', type: 'date' },
    { name: 'b', type: 'boolean' },
    { name: 'r', type: 'string', required: true },
    { name: 'ri', type: 'int', required: true },
    { name: 'rf', type: 'float', required: true },
    { name: 'rd', type: 'date', required: true },
  ],
  nucleotideSequences: [{ name: 'main', length: 8 }],
  genes: [{ name: 'G', length: 3 }],
});

/** An entry whose required fields hold valid values unless `metadata` says otherwise. */
function entry(metadata: Record<string, unknown>, data: Partial<ProcessedEntry['data']> = {}): ProcessedEntry {
  const required = { r: 'x', ri: 1, rf: new FloatValue(2.5), rd: '2020-02-02' };
  return { accession: 'A', version: 1, data: { ...emptyProcessedData(), metadata: { ...required, ...metadata } as never, ...data }, errors: [], warnings: [] };
}

const cases: [string, ProcessedEntry][] = [
  ['valid', entry({ s: 'a', i: 3, f: new FloatValue(1), n: 2, d: '2021-01-05', b: true })],
  ['integral float as plain number', entry({ f: 1 })],
  ['float as FloatValue non-integral', entry({ f: new FloatValue(0.25) })],
  ['int out of 32 bits', entry({ i: 3_000_000_000 })],
  ['int given as float', entry({ i: new FloatValue(2) })],
  ['string for boolean', entry({ b: 'true' })],
  ['bad date', entry({ d: '2021-1-5' })],
  ['unknown field', entry({ zzz: 'x' })],
  ['missing required', { ...entry({}), data: { ...emptyProcessedData(), metadata: {} } }],
  ['NaN float', entry({ f: new FloatValue(Number.NaN) })],
  ['aligned wrong length', entry({}, { alignedNucleotideSequences: { main: 'ACGT' } })],
  ['aligned lowercase ok', entry({}, { alignedNucleotideSequences: { main: 'acgtacgt' }, unalignedNucleotideSequences: { main: 'acgt' }, sequenceNameToFastaId: { main: 'x' } })],
  ['unknown segment', entry({}, { unalignedNucleotideSequences: { other: 'ACGT' }, sequenceNameToFastaId: { other: 'x' } })],
  ['key sets differ', entry({}, { unalignedNucleotideSequences: { main: 'ACGT' } })],
  ['bad symbols', entry({}, { unalignedNucleotideSequences: { main: 'AC-GÄ' }, sequenceNameToFastaId: { main: 'x' } })],
  ['bad insertion text', entry({}, { nucleotideInsertions: { main: ['12-ACG'] } })],
  ['bad insertion letters', entry({}, { nucleotideInsertions: { main: ['12:AXG'] } })],
  ['AA wrong length', entry({}, { alignedAminoAcidSequences: { G: 'MA' } })],
  ['AA unknown gene', entry({}, { alignedAminoAcidSequences: { H: 'MAD' } })],
  ['AA ok with stop', entry({}, { alignedAminoAcidSequences: { G: 'MA*' }, aminoAcidInsertions: { G: ['1:MM'] } })],
];

/** Values the engine does not produce but the serialiser still writes (undefined → null). */
const edgeCases: [string, ProcessedEntry][] = [
  ['undefined for an unknown field', entry({ zzz: undefined })],
  ['undefined for a required field', entry({ r: undefined })],
  ['undefined for an optional field', entry({ s: undefined })],
  ['Infinity for a required float', entry({ rf: Infinity })],
  ['insertion position beyond 32 bits', entry({}, { nucleotideInsertions: { main: ['3000000000:A'] } })],
  ['insertion position with leading zeros', entry({}, { nucleotideInsertions: { main: ['000000000012:A'] } })],
  ['amino-acid insertion without position', entry({}, { aminoAcidInsertions: { G: ['M'] } })],
  ['unreadable insertion on an entry with errors', { ...entry({}, { nucleotideInsertions: { main: ['12-ACG'] } }), errors: [{ unprocessedFields: [], processedFields: [], message: 'x' }] }],
  ['wrong length on an entry with errors', { ...entry({}, { alignedNucleotideSequences: { main: 'ACGT' } }), errors: [{ unprocessedFields: [], processedFields: [], message: 'x' }] }],
];

test('the object-level check gives the same verdict as serialising and re-parsing', () => {
  for (const [name, e] of cases) {
    const viaLine = validateProcessedEntry(e, organism);
    const direct = validateBuiltEntry(e, organism);
    assert.equal(direct === null, viaLine === null, `${name}: ${JSON.stringify(viaLine)} vs ${JSON.stringify(direct)}`);
    if (viaLine && direct && viaLine.status === 422) assert.equal(direct.detail, viaLine.detail, name);
  }
  assert.ok(cases.filter(([, e]) => validateBuiltEntry(e, organism) !== null).length >= 14);
});

test('the object-level check answers the same status and message, 400s and undefined values included', () => {
  for (const [name, e] of [...cases, ...edgeCases]) assert.deepEqual(validateBuiltEntry(e, organism), validateProcessedEntry(e, organism), name);
});

const prng = seededRandom;

// No `undefined`: the engine never produces it (the edge cases above cover it).
const VALUES: MetadataValue[] = [
  null, '', 'text', '2021-01-05', '2021-02-31', '2021-1-5', '0000-01-01', '+12345-01-01', '2021-13-01', '２０２１-01-05',
  true, false, 0, -0, 1, -7, 2147483647, 2147483648, -2147483648, -2147483649, 0.5, 1e21, 1e-7, 3e9, Number.NaN, Infinity, -Infinity,
  new FloatValue(1), new FloatValue(0.25), new FloatValue(1e21), new FloatValue(Number.NaN), new FloatValue(-Infinity), new FloatValue(-0),
];
/** Mostly values of the field's own type, so that many entries pass. */
const TYPICAL: Record<string, MetadataValue[]> = {
  s: ['text', ''],
  a: ['Smith, Anna'],
  i: [0, 42, -7],
  f: [new FloatValue(0.5), new FloatValue(3)],
  n: [1, 2.5, new FloatValue(4)],
  d: ['2021-01-05', '1999-12-31'],
  b: [true, false],
  r: ['x'],
  ri: [1],
  rf: [new FloatValue(2.5)],
  rd: ['2020-02-02'],
};
const NAMES = Object.keys(TYPICAL);

test('random built entries: the verdict equals the one on the serialised line', () => {
  const random = prng(7);
  let rejected = 0;
  for (let round = 0; round < 3000; round += 1) {
    const metadata: Record<string, MetadataValue> = {};
    for (const name of NAMES) {
      if (random() < 0.03) continue;
      const pool = random() < 0.97 ? TYPICAL[name] : VALUES;
      metadata[name] = pool[Math.floor(random() * pool.length)];
    }
    if (random() < 0.02) metadata.unknown = 'x';
    const entry: ProcessedEntry = { accession: 'A', version: 1, data: { ...emptyProcessedData(), metadata }, errors: [], warnings: [] };
    const viaLine = validateProcessedEntry(entry, organism);
    const direct = validateBuiltEntry(entry, organism);
    assert.deepEqual(direct, viaLine, JSON.stringify(metadata, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
    if (viaLine) rejected += 1;
  }
  // Both outcomes are well represented.
  assert.ok(rejected > 300 && rejected < 2700, `rejected ${rejected}`);
});
