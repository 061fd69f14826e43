/**
 * Every reference config loads: the reference's test configs and the Helm-rendered ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import { configFrom, referenceTests, renderedConfigs, yamlConfig } from './helpers.js';
import type { TaxonomyClient } from '../../src/metadata/taxonomy.js';

const yamlFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.yaml')).map((name) => resolve(dir, name));
const files = [...yamlFiles(referenceTests), ...yamlFiles(renderedConfigs)];

test('there are reference configs to load', () => {
  assert.ok(files.length >= 14, `found ${files.length}`);
});

for (const file of files) {
  test(`compiles ${file.split('/').slice(-2).join('/')}`, () => {
    const raw = yamlConfig(file);
    const config = configFrom(raw);
    const compiled = compileProcessingSpec(config);
    assert.deepEqual(compiled.keys, Object.keys(config.processing_spec));
    assert.equal(compiled.fields.length, compiled.keys.length);
    // Dependencies come before their dependents.
    const seen = new Set<string>();
    for (const field of compiled.fields) {
      for (const input of field.inputs) if (input.source.kind === 'processed') assert.ok(seen.has(input.source.field), `${field.name} after ${input.source.field}`);
      seen.add(field.name);
    }
  });
}

test('host functions without a taxonomy service are refused at startup', () => {
  const raw = yamlConfig(resolve(referenceTests, 'host_processing_config.yaml'));
  delete raw.taxonomy_service_url;
  assert.throws(() => compileProcessingSpec(configFrom(raw)), /taxonomy_service_url is not configured/);
  const injected: TaxonomyClient = { byId: async () => null, byScientificName: async () => [] };
  assert.doesNotThrow(() => compileProcessingSpec(configFrom(raw), { taxonomy: injected }));
});
