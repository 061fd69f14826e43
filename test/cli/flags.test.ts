import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../src/cli/flags.js';

test('the reference pipeline flags, as the Helm chart passes them, become config keys', () => {
  const args = parseArgs(
    ['run', '--backend-host=http://backend:8079/cchf', '--keycloak-host', 'http://kc:8083', '--pipeline-version=3', '--config=/etc/config/preprocessing-config.yaml', '--no-create-embl-file', '--require-nextclade-sort-match'],
    [],
  );
  assert.equal(args.command, 'run');
  assert.equal(args.configFile, '/etc/config/preprocessing-config.yaml');
  assert.deepEqual(args.configFlags, {
    backend_host: 'http://backend:8079/cchf',
    keycloak_host: 'http://kc:8083',
    pipeline_version: '3',
    create_embl_file: false,
    require_nextclade_sort_match: true,
  });
  assert.deepEqual(args.unknown, []);
  assert.equal(parseArgs(['run', '--config-file', 'x.yaml'], []).configFile, 'x.yaml');
});

test('command options; multi-value options take every value up to the next flag; unknown arguments are reported', () => {
  const args = parseArgs(['mock-backend', '--seed', 'a.ndjson', 'b.tsv', 'b.fasta', '--port', '0', '--bogus', 'stray'], ['seed', 'port'], ['seed']);
  assert.deepEqual(args.options, { seed: ['a.ndjson', 'b.tsv', 'b.fasta'], port: ['0'] });
  assert.deepEqual(args.unknown, ['--bogus', 'stray']);
  assert.deepEqual(parseArgs(['process', '--input', '-', '--output', '-'], ['input', 'output']).options, { input: ['-'], output: ['-'] });
  assert.deepEqual(parseArgs(['x', '--seed', 'a', 'b'], ['seed']).options.seed, ['a'], 'single-valued unless declared');
});

test('structured config keys cannot be set as flags', () => {
  assert.deepEqual(parseArgs(['run', '--segments', '[]'], []).unknown, ['--segments', '[]']);
});
