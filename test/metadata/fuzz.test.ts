/**
 * Fuzz: random strings, Unicode, megabyte values and missing keys through every processing
 * function. Nothing may escape as an exception; every outcome is a value, an error or a warning,
 * and after the guard every value is one the backend accepts. Seeded, bounded, a few seconds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FloatValue, type MetadataValue } from '../../src/contract/entries.js';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import { PROCESSING_FUNCTIONS } from '../../src/metadata/functions/registry.js';
import { checkValue, guardMetadata } from '../../src/metadata/guard.js';
import { backendTypeOf } from '../../src/metadata/backend-type.js';
import type { TaxonomyClient } from '../../src/metadata/taxonomy.js';
import { configFrom, makeEntry, run } from './helpers.js';
import { seededRandom } from '../../src/shared/prng.js';

const prng = seededRandom;

const random = prng(20261122);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const INTERESTING = [
  '', ' ', '\t\n', 'None', 'null', 'NaN', '-inf', '1e400', '0', '-0', '٣', '1_000', '2023-02-29', '2024-02-29', '0000-01-01', '9999-12-31',
  '[2021 TO 2020]', '2021/2022/2023', '/', '//', ';;', ',', 'Smith, Anna; ', "O'Brien, Seán", '汉字', '\u0000', '\ud800', '🦠🧬', 'a'.repeat(5000),
  'EPI_ISL_1', 'h1_h1n1pdm', 'true', 'FALSE', '2147483648', '-2147483649', '1.7976931348623157e309', 'Jan 32 2020', '2022-11-01T25:61:00Z',
];
const ALPHABET = 'aZ09 -_/.,;:[]()TO\u00e9\u0142\u4e2d\u0436\u{1F600}\t\n\'"\\';

function randomString(): string {
  const roll = random();
  if (roll < 0.35) return pick(INTERESTING);
  if (roll < 0.37) return pick([' ', 'a', '1', '/', ';', ',', '2']).repeat(1_000_000);
  const chars = [...ALPHABET];
  let text = '';
  const length = Math.floor(random() * 40);
  for (let i = 0; i < length; i += 1) text += pick(chars);
  return text;
}

const ARGS: Record<string, Record<string, unknown>> = {
  identity: {},
  process_options: { options: ['Africa', 'North America', "Côte d'Ivoire"] },
  check_regex: { pattern: '^EPI_ISL_[0-9]+$' },
  extract_regex: { pattern: '^(?P<id>[A-Z]+)?_?(?P<n>[0-9]*)', capture_group: 'n', uppercase: true },
  parse_date_into_range: { fieldType: 'dateRangeString' },
  concatenate: { order: ['a', 'ACCESSION_VERSION', 'date', 'ts', 'range'], type: ['string', 'ACCESSION_VERSION', 'date', 'timestamp', 'dateRangeString'], fallback_value: 'unknown' },
  build_display_name: {
    order: ['a', 'IDENTIFIER', 'date'],
    type: ['string', 'IDENTIFIER', 'string'],
    regex_pattern: '^[^/]+/(?P<identifier>[^/]+)$',
    human_readable_pattern: '<x>/<identifier>',
  },
  is_above_threshold: { threshold: 3 },
  is_variant: { mu: 0.01 },
  assign_custom_lineage: { pattern: '^(?:.*_)?(?P<info>[^_]+)$', capture_group: 'info', uppercase: true },
};
const TYPES = [undefined, 'int', 'float', 'boolean', 'date', 'string', 'number', 'authors', 'str', 'bool'];
const INPUT_NAMES = [
  'input', 'date', 'release_date', 'releaseDate', 'timestamp', 'regex_field', 'authors', 'a', 'ts', 'range', 'host', 'hostTaxonId',
  'specimenCollectorSampleId', 'submissionId', 'length', 'numMutations', 'subtype_seg4', 'subtype_seg6', 'reference_seg4', 'variant_seg1',
];

const taxonomy: TaxonomyClient = {
  byId: async (id) => (id === '7159' ? { taxId: '7159', scientificName: 'Aedes aegypti', commonName: 'mosquito', depth: 1 } : null),
  byScientificName: async () => [],
};

function isMetadataValue(value: unknown): value is MetadataValue {
  return value === null || value instanceof FloatValue || ['string', 'number', 'boolean'].includes(typeof value);
}

test('every function survives random input', { timeout: 120_000 }, async () => {
  let outcomes = 0;
  for (const name of PROCESSING_FUNCTIONS.keys()) {
    for (let round = 0; round < 40; round += 1) {
      const type = name === 'concatenate' || name === 'build_display_name' ? undefined : pick(TYPES);
      const args = { ...(ARGS[name] ?? {}), ...(type ? { type } : {}) };
      const config = configFrom({ processing_spec: { out: { function: name, inputs: Object.fromEntries(INPUT_NAMES.map((n) => [n, n])), args } } });
      const compiled = compileProcessingSpec(config, { taxonomy });
      const metadata: Record<string, string> = {};
      for (const input of INPUT_NAMES) if (random() < 0.7) metadata[input] = randomString();
      const entry = makeEntry(metadata, { groupId: random() < 0.3 ? 1 : 2, submittedAt: random() < 0.1 ? null : '2024-06-15' });
      const outcome = await run(compiled, entry, {}, new Date('2026-11-22T12:00:00Z'), taxonomy);
      assert.deepEqual(Object.keys(outcome.metadata), ['out']);
      assert.ok(isMetadataValue(outcome.metadata.out), `${name}: ${String(outcome.metadata.out)}`);
      for (const annotation of [...outcome.errors, ...outcome.warnings]) {
        assert.equal(typeof annotation.message, 'string');
        assert.ok(annotation.message.length > 0);
        assert.ok(annotation.processedFields.length > 0);
      }
      const guarded = guardMetadata(compiled, outcome.metadata);
      const backendType = backendTypeOf(type);
      assert.ok(checkValue(guarded.metadata.out, backendType).ok, `${name} ${type}: guarded value is valid`);
      outcomes += 1;
    }
  }
  assert.equal(outcomes, PROCESSING_FUNCTIONS.size * 40);
});
