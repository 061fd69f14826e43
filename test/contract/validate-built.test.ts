import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatValue, emptyProcessedData, type ProcessedEntry } from '../../src/contract/entries.js';
import { defineOrganism } from '../../src/contract/organism.js';
import { validateBuiltEntry, validateProcessedEntry } from '../../src/contract/validate.js';

const organism = defineOrganism({
  name: 'o',
  metadata: [
    { name: 's', type: 'string' },
    { name: 'i', type: 'int' },
    { name: 'f', type: 'float' },
    { name: 'n', type: 'number' },
    { name: 'd', type: 'date' },
    { name: 'b', type: 'boolean' },
    { name: 'r', type: 'string', required: true },
  ],
  nucleotideSequences: [{ name: 'main', length: 8 }],
  genes: [{ name: 'G', length: 3 }],
});

function entry(metadata: Record<string, unknown>, data: Partial<ProcessedEntry['data']> = {}): ProcessedEntry {
  return { accession: 'A', version: 1, data: { ...emptyProcessedData(), metadata: { r: 'x', ...metadata } as never, ...data }, errors: [], warnings: [] };
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

test('the object-level check gives the same verdict as serialising and re-parsing', () => {
  for (const [name, e] of cases) {
    const viaLine = validateProcessedEntry(e, organism);
    const direct = validateBuiltEntry(e, organism);
    assert.equal(direct === null, viaLine === null, `${name}: ${JSON.stringify(viaLine)} vs ${JSON.stringify(direct)}`);
    if (viaLine && direct && viaLine.status === 422) assert.equal(direct.detail, viaLine.detail, name);
  }
  assert.ok(cases.filter(([, e]) => validateBuiltEntry(e, organism) !== null).length >= 14);
});
