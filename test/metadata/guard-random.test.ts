/**
 * The guard's shortcut (metadata kept as it is when every value passes unchanged) gives what the
 * value-by-value check gives: random metadata of every value kind against checkValue.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatValue, type MetadataValue } from '../../src/contract/entries.js';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import { checkValue, guardMetadata } from '../../src/metadata/guard.js';
import { configFrom } from './helpers.js';
import { seededRandom } from '../../src/shared/prng.js';

const config = configFrom({
  processing_spec: {
    s: { inputs: { input: 's' }, args: { type: 'string' } },
    i: { inputs: { input: 'i' }, args: { type: 'int' } },
    f: { inputs: { input: 'f' }, args: { type: 'float' } },
    n: { inputs: { input: 'n' }, args: { type: 'number' } },
    d: { inputs: { input: 'd' }, args: { type: 'date' } },
    b: { inputs: { input: 'b' }, args: { type: 'boolean' } },
    a: { function: 'check_authors', inputs: { authors: 'a' }, args: { type: 'authors' } },
    free: { inputs: { input: 'free' } },
  },
});
const compiled = compileProcessingSpec(config);

const TYPICAL: Record<string, MetadataValue[]> = {
  s: ['text', ''],
  i: [0, 42, -7],
  f: [new FloatValue(0.5), new FloatValue(3)],
  n: [1, 2.5, new FloatValue(4)],
  d: ['2021-01-05', '1999-12-31'],
  b: [true, false],
  a: ['Smith, Anna'],
  free: ['x', 3, true],
};
const ANY: MetadataValue[] = [
  null, '', 'text', '2021-01-05', '2021-1-5', '2021-02-29', '2024-02-29', '0000-01-01', '2021-13-01', '２０２１-01-05', '20210105',
  true, false, 0, -0, 1, 2147483647, 2147483648, -2147483649, 0.5, 1e21, Number.NaN, Infinity,
  new FloatValue(1), new FloatValue(0.25), new FloatValue(Number.NaN), new FloatValue(-Infinity),
];

const prng = seededRandom;

test('random metadata: same values and errors as checking value by value', () => {
  const random = prng(11);
  let clean = 0;
  for (let round = 0; round < 3000; round += 1) {
    const metadata: Record<string, MetadataValue> = {};
    for (const field of compiled.fieldsByKey) {
      const pool = random() < 0.95 ? TYPICAL[field.name] : ANY;
      metadata[field.name] = pool[Math.floor(random() * pool.length)];
    }
    const expected: Record<string, MetadataValue> = {};
    let errors = 0;
    for (const field of compiled.fieldsByKey) {
      const checked = checkValue(metadata[field.name], field.backendType);
      expected[field.name] = checked.ok ? checked.value : null;
      if (!checked.ok) errors += 1;
    }
    const guarded = guardMetadata(compiled, metadata);
    assert.deepEqual(guarded.metadata, expected);
    assert.deepEqual(Object.keys(guarded.metadata), Object.keys(expected));
    assert.equal(guarded.errors.length, errors);
    if (errors === 0) clean += 1;
  }
  assert.ok(clean > 300 && clean < 2900, `clean ${clean}`);
});
