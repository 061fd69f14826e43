import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

test('with code generation disabled (--disallow-code-generation-from-strings) the plain builder gives the same object', () => {
  const keys = ['b', 'a', '10', 'quote"key', ...Array.from({ length: 30 }, (_, i) => `field${i}`)];
  const values = keys.map((_, i) => (i % 2 === 0 ? null : `v${i}`));
  const module = pathToFileURL(resolve(dirname(fileURLToPath(import.meta.url)), '../../src/metadata/record-builder.ts')).href;
  const script = `
    const { recordBuilder } = await import(${JSON.stringify(module)});
    let generates = true;
    try { new Function('return 1'); } catch { generates = false; }
    const { keys, values } = JSON.parse(process.env.RECORD_BUILDER_INPUT);
    const built = recordBuilder(keys)(values);
    process.stdout.write(JSON.stringify({ generates, keys: Object.keys(built), built }));`;
  const output = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, RECORD_BUILDER_INPUT: JSON.stringify({ keys, values }) },
    encoding: 'utf8',
  });
  const result = JSON.parse(output);
  assert.equal(result.generates, false, 'the child really cannot generate code');
  assert.deepEqual(result.keys, Object.keys(assigned(keys, values)));
  assert.deepEqual(result.built, assigned(keys, values));
});
