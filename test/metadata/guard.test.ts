/**
 * Output guard: whatever a function produced, the metadata that leaves passes the backend's own
 * validation (the mock backend's validator), and a rejected value becomes null plus an error.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyProcessedData, FloatValue, type MetadataValue, type ProcessedEntry } from '../../src/contract/entries.js';
import type { BackendMetadataType, OrganismSchema } from '../../src/contract/organism.js';
import { validateProcessedEntry } from '../../src/contract/validate.js';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import { checkValue, guardMetadata } from '../../src/metadata/guard.js';
import { configFrom, makeEntry, plainMetadata, run } from './helpers.js';

const TYPES: BackendMetadataType[] = ['string', 'int', 'float', 'number', 'date', 'boolean', 'authors'];

function organismWith(type: BackendMetadataType): OrganismSchema {
  return { name: 'test', metadata: [{ name: 'f', type }], nucleotideSequences: [], genes: [], outputFileCategories: [] };
}

function entryWith(value: MetadataValue): ProcessedEntry {
  const data = emptyProcessedData();
  data.metadata = { f: value };
  return { accession: 'LOC_1', version: 1, data, errors: [], warnings: [] };
}

const SAMPLES: MetadataValue[] = [
  'text', '', '2023-01-05', '2023-1-5', '99-01-01', '0099-01-01', '2023-13-45', '2023-02-29', '2024-02-29', '20230105', 'true',
  0, 1, -1, 42, 2147483647, 2147483648, -2147483649, 1.5, -0.25, 1e300, Number.NaN, Infinity, -Infinity,
  new FloatValue(1), new FloatValue(0.987654321), new FloatValue(Number.NaN), true, false, null,
];

describe('guard output always passes the backend validator', () => {
  for (const type of TYPES) {
    test(`type ${type}`, () => {
      let accepted = 0;
      for (const sample of SAMPLES) {
        const checked = checkValue(sample, type);
        const value = checked.ok ? checked.value : null;
        if (checked.ok && value !== null) accepted += 1;
        const failure = validateProcessedEntry(entryWith(value), organismWith(type));
        assert.equal(failure, null, `${type} ${String(sample)} → ${String(value)}: ${JSON.stringify(failure)}`);
      }
      assert.ok(accepted >= 1, `some ${type} values pass`);
    });
  }
});

describe('guard on processed fields', () => {
  const config = configFrom({
    processing_spec: {
      date: { inputs: { input: 'date' }, args: { type: 'date' } },
      checked: { function: 'check_date', inputs: { date: 'checked' }, args: { type: 'date' } },
      count: { inputs: { input: 'count' }, args: { type: 'int' } },
      ratio: { inputs: { input: 'ratio' }, args: { type: 'float' } },
      flag: { function: 'is_above_threshold', inputs: { input: 'flag' }, args: { threshold: 1, type: 'string' } },
      free: { inputs: { input: 'free' } },
    },
  });
  const compiled = compileProcessingSpec(config);

  test('identity date: padded when valid, null plus error when not (§10 #1)', async () => {
    const outcome = await run(compiled, makeEntry({ date: '2023-13-45', checked: '2023-1-5', count: '7', ratio: '1', flag: '3', free: 'x' }));
    const guarded = guardMetadata(compiled, outcome.metadata);
    assert.deepEqual(plainMetadata(guarded.metadata), { date: null, checked: '2023-01-05', count: 7, ratio: { float: 1 }, flag: null, free: 'x' });
    assert.deepEqual(
      guarded.errors.map((a) => [a.processedFields[0].name, a.message]),
      [
        ['date', "Metadata field date: the value '2023-13-45' is not an existing calendar date, so it was not stored."],
        ['flag', 'Metadata field flag: the value True is not a text value, so it was not stored.'],
      ],
    );
    assert.deepEqual(guarded.errors[0].unprocessedFields, [{ name: 'date', type: 'Metadata' }]);
  });

  test('unpadded identity date is zero-padded', async () => {
    const outcome = await run(compiled, makeEntry({ date: '2023-1-5' }));
    assert.equal(guardMetadata(compiled, outcome.metadata).metadata.date, '2023-01-05');
  });
});
