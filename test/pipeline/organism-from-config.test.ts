import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/config/load.js';
import { organismFromConfig } from '../../src/pipeline/organism-from-config.js';
import { writeConfig } from '../helpers/worker-harness.js';

test('field types come from args.type spelled as the reference spells them; other outputs by function', () => {
  const { config } = loadConfig({
    env: {},
    file: writeConfig(`
organism: x
processing_spec:
  a: {inputs: {input: a}, args: {type: int}}
  b: {inputs: {input: b}, args: {type: bool}}
  c: {inputs: {input: c}, args: {type: Int}}
  d: {inputs: {input: d}, function: is_above_threshold, args: {threshold: 1}}
  length: {inputs: {}, args: {type: float}}
  length_L: {inputs: {}}
`),
  });
  const types = Object.fromEntries(organismFromConfig(config, []).metadata.map((f) => [f.name, f.type]));
  // `Int` is no type the reference knows (identity then returns the text), so the output is a string,
  // which is also what the metadata guard checks.
  assert.deepEqual(types, { a: 'int', b: 'boolean', c: 'string', d: 'boolean', length: 'float', length_L: 'int', versionComment: 'string' });
});
