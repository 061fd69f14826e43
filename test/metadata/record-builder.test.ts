import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordBuilder } from '../../src/metadata/record-builder.js';

function assigned(keys: string[], values: unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  keys.forEach((key, index) => (record[key] = values[index]));
  return record;
}

test('builds the same object, in the same key order, as assigning the keys one by one', () => {
  const keys = ['b', 'a', '10', '2', 'quote"key', "it's", 'back\\slash', 'line\nbreak', '\u2028sep', 'ünï', ...Array.from({ length: 40 }, (_, i) => `field${i}`)];
  const values = keys.map((_, i) => (i % 3 === 0 ? null : i % 3 === 1 ? `v${i}` : i));
  const built = recordBuilder(keys)(values as never);
  assert.deepEqual(Object.keys(built), Object.keys(assigned(keys, values)));
  assert.deepEqual(built, assigned(keys, values));
});

test('a __proto__ key behaves exactly as an assignment does', () => {
  const keys = ['x', '__proto__'];
  const built = recordBuilder(keys)(['1', 'text']);
  assert.deepEqual(Object.keys(built), Object.keys(assigned(keys, ['1', 'text'])));
  assert.equal(Object.getPrototypeOf(built), Object.prototype);
});

test('no keys: an empty object', () => {
  assert.deepEqual(recordBuilder([])([]), {});
});
