/**
 * The fast acceptance path of validateBuiltEntry must never accept what the backend would
 * reject: random metadata of every value kind, checked against serialising and re-parsing.
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
  genes: [],
});

const prng = seededRandom;

// No `undefined`: the engine never produces it (validateBuiltEntry treats it as absent, the
// serialiser writes null).
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
