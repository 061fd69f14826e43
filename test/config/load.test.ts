import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, parseConfigYaml } from '../../src/config/load.js';
import { ConfigError } from '../../src/shared/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'prepro-config-'));
function yamlFile(text: string): string {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
}

test('defaults match the reference pipeline', () => {
  const { config } = loadConfig({ env: {} });
  assert.equal(config.batch_size, 5);
  assert.equal(config.pipeline_version, 1);
  assert.equal(config.organism, 'mpox');
  assert.equal(config.backend_host, 'http://127.0.0.1:8079/mpox');
  assert.equal(config.keycloak_token_path, 'realms/loculus/protocol/openid-connect/token');
  assert.equal(config.alignment_requirement, 'ALL');
});

test('precedence: CLI flags > PREPROCESSING_* env > YAML > defaults', () => {
  const file = yamlFile('organism: cchf\nbatch_size: 10\npipeline_version: 2\nkeycloak_user: fromfile\n');
  const { config } = loadConfig({
    file,
    env: { PREPROCESSING_BATCH_SIZE: '20', PREPROCESSING_PIPELINE_VERSION: '3' },
    flags: { pipeline_version: '4' },
  });
  assert.equal(config.organism, 'cchf');
  assert.equal(config.keycloak_user, 'fromfile');
  assert.equal(config.batch_size, 20);
  assert.equal(config.pipeline_version, 4);
  assert.equal(config.backend_host, 'http://127.0.0.1:8079/cchf');
});

test('every problem is reported at once, with its key path', () => {
  const file = yamlFile('batch_size: many\nalignment_requirement: SOME\nprocessing_spec:\n  a:\n    function: identity\n');
  try {
    loadConfig({ file, env: { PREPROCESSING_PIPELINE_VERSION: '' } });
    assert.fail('expected a ConfigError');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    const text = error.problems.join('\n');
    assert.match(text, /^batch_size: /m);
    assert.match(text, /^alignment_requirement: /m);
    assert.match(text, /^processing_spec\.a\.inputs: /m);
    assert.match(text, /^pipeline_version: /m);
    assert.ok(error.problems.length >= 4);
  }
});

test('env booleans use Python spellings, not JavaScript truthiness', () => {
  assert.equal(loadConfig({ env: { PREPROCESSING_CREATE_EMBL_FILE: 'false' } }).config.create_embl_file, false);
  assert.equal(loadConfig({ env: { PREPROCESSING_CREATE_EMBL_FILE: 'Yes' } }).config.create_embl_file, true);
  assert.throws(() => loadConfig({ env: { PREPROCESSING_CREATE_EMBL_FILE: 'maybe' } }), ConfigError);
});

test('structured keys are refused from the environment', () => {
  assert.throws(() => loadConfig({ env: { PREPROCESSING_SEGMENTS: '[]' } }), /structured/);
});

test('secrets can come from a file (*_FILE)', () => {
  const secret = join(dir, 'password');
  writeFileSync(secret, 's3cret\n');
  const { config } = loadConfig({ env: { PREPROCESSING_KEYCLOAK_PASSWORD_FILE: secret } });
  assert.equal(config.keycloak_password, 's3cret');
});

test('YAML 1.1 like PyYAML: yes/no are booleans, unquoted dates become yyyy-MM-dd', () => {
  const parsed = parseConfigYaml('a: yes\nb: No\nc: 2021-01-05\nd: "yes"\n');
  assert.deepEqual(parsed, { a: true, b: false, c: new Date('2021-01-05T00:00:00Z'), d: 'yes' });
  const file = yamlFile('processing_spec:\n  x:\n    inputs: {input: x}\n    args:\n      since: 2021-01-05\n      flag: on\n');
  const { config } = loadConfig({ file, env: {} });
  assert.equal(config.processing_spec.x!.args!.since, '2021-01-05');
  assert.equal(config.processing_spec.x!.args!.flag, true);
});

test('unknown keys are kept aside, not rejected', () => {
  const file = yamlFile('taxon_id: 3052518\ngenes: []\norganism: x\n');
  const loaded = loadConfig({ file, env: {} });
  assert.deepEqual(loaded.unknownKeys.sort(), ['genes', 'taxon_id']);
});

test('a local dataset server path is relative to the config file', () => {
  const file = yamlFile('nextclade_dataset_server: ../reference\n');
  assert.equal(loadConfig({ file, env: {} }).config.nextclade_dataset_server, resolve(dir, '../reference'));
});

test('every rendered Helm config and reference test config loads', () => {
  const roots = ['../shared/data/loculus/rendered', '../shared/data/loculus/preprocessing/nextclade/tests'];
  let count = 0;
  for (const root of roots) {
    for (const name of readdirSync(root)) {
      if (!name.endsWith('.yaml')) continue;
      const loaded = loadConfig({ file: join(root, name), env: {} });
      assert.ok(loaded.config.organism, name);
      count++;
    }
  }
  assert.ok(count >= 6, `loaded ${count} configs`);
});

test('an unreadable file is one clear message', () => {
  assert.throws(() => loadConfig({ file: join(dir, 'missing.yaml'), env: {} }), /cannot read config file/);
});
