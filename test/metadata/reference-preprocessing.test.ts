/**
 * The reference's end-to-end metadata tests (preprocessing-config.md §8.1, §8.2) on its own
 * configs: `no_alignment_config.yaml` (+ `metadata_dependency.yaml`). Whole entries are compared:
 * every spec key, every error and warning with its fields.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import { ConfigError } from '../../src/shared/errors.js';
import { compileYaml, configFrom, makeEntry, plainMetadata, referenceTests, run, summary } from './helpers.js';

const NO_ALIGNMENT = resolve(referenceTests, 'no_alignment_config.yaml');
const DEPENDENCY = resolve(referenceTests, 'metadata_dependency.yaml');
const { compiled } = compileYaml([NO_ALIGNMENT]);

const ALL_NULL = Object.fromEntries(compiled.keys.map((key) => [key, null]));
const BASE = { name_required: 'name', ncbi_required_collection_date: '2022-11-01' };

/** What BASE yields for entry LOC_<accession>, with `extra` on top. */
function fromBase(accession: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name_required: 'name', required_collection_date: '2022-11-01', concatenated_string: `LOC_${accession}.1/2022-11-01`, ...extra };
}

interface Case {
  name: string;
  metadata: Record<string, string>;
  accession: number;
  group?: number;
  expected: Record<string, unknown>;
  errors?: string[];
  warnings?: string[];
}

const cases: Case[] = [
  {
    name: 'missing_required_fields',
    metadata: {},
    accession: 0,
    expected: { concatenated_string: 'LOC_0.1' },
    errors: [
      'name_required: Metadata field `name_required` is required.',
      'required_collection_date: Metadata field `required_collection_date` is required. Please provide input metadata field(s): `ncbi_required_collection_date`',
    ],
  },
  {
    name: 'missing_one_required_field',
    metadata: { name_required: 'name' },
    accession: 1,
    expected: { name_required: 'name', concatenated_string: 'LOC_1.1' },
    errors: ['required_collection_date: Metadata field `required_collection_date` is required. Please provide input metadata field(s): `ncbi_required_collection_date`'],
  },
  { name: 'INSDC group skips required checks', metadata: { name_required: 'name' }, accession: 21, group: 1, expected: { name_required: 'name', concatenated_string: 'LOC_21.1' } },
  {
    name: 'invalid_option',
    metadata: { ...BASE, continent: 'Afrika' },
    accession: 2,
    expected: fromBase(2, { concatenated_string: 'Afrika/LOC_2.1/2022-11-01' }),
    errors: ["continent: Metadata field continent:'Afrika' - not in list of accepted options."],
  },
  {
    name: 'collection_date_in_future',
    metadata: { ...BASE, collection_date: '2088-12-01' },
    accession: 3,
    expected: fromBase(3, { collection_date: '2088-12-01' }),
    errors: ["collection_date: Metadata field collection_date:'2088-12-01' is in the future."],
  },
  {
    name: 'invalid_collection_date',
    metadata: { ...BASE, collection_date: '01-02-2024' },
    accession: 4,
    expected: fromBase(4),
    errors: ['collection_date: Metadata field collection_date: Date format is not recognized.'],
  },
  {
    name: 'invalid_timestamp',
    metadata: { ...BASE, sequenced_timestamp: ' 2022-11-01Europe' },
    accession: 5,
    expected: fromBase(5),
    errors: ['sequenced_timestamp: Timestamp is  2022-11-01Europe which is not in parseable YYYY-MM-DD. Parsing error: Unknown string format:  2022-11-01Europe'],
  },
  {
    name: 'date_only_year',
    metadata: { ...BASE, collection_date: '2023' },
    accession: 6,
    expected: fromBase(6, { collection_date: '2023-01-01' }),
    warnings: ["collection_date: Metadata field collection_date:'2023' - Month and day are missing. Assuming January 1st."],
  },
  {
    name: 'regex_empty_capture_group',
    metadata: { ...BASE, regex_field: 'EPI_ISL_' },
    accession: 6,
    expected: fromBase(6),
    errors: ["regex_field: The value 'EPI_ISL_' does not match the expected regex pattern: '^EPI_ISL_[0-9]+$'."],
  },
  {
    name: 'nan_float',
    metadata: { ...BASE, percentage_float: 'NaN' },
    accession: 9,
    expected: fromBase(9),
  },
  {
    name: 'and_in_authors',
    metadata: { ...BASE, authors: 'Smith, Anna; Perez, Tom J. and Xu X.L.' },
    accession: 14,
    expected: fromBase(14, { authors: 'Smith, Anna; Perez, Tom J. and Xu X. L.' }),
    warnings: [
      "authors: Authors list contains 'and'. This may indicate a misformatted authors list. Authors should always be separated by semi-colons only e.g. `Smith, Anna; Perez, Tom J.; Xu, X.L.`.",
    ],
  },
  {
    name: 'strip_spaces_in_metadata',
    metadata: { ...BASE, authors: ' Smith, John II; Doe, A.B.C. \t', regex_field: '\n EPI_ISL_123456 \n' },
    accession: 15,
    expected: fromBase(15, { authors: 'Smith, John II; Doe, A. B. C.', regex_field: 'EPI_ISL_123456', extracted_regex_field: '123456' }),
  },
];

describe('§8.1 test_preprocessing (no_alignment_config.yaml)', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const entry = makeEntry(c.metadata, { accession: `LOC_${c.accession}`, groupId: c.group ?? 2 });
      const outcome = await run(compiled, entry);
      assert.deepEqual(plainMetadata(outcome.metadata), { ...ALL_NULL, ...c.expected });
      assert.deepEqual(summary(outcome.errors), [...(c.errors ?? [])].sort());
      assert.deepEqual(summary(outcome.warnings), [...(c.warnings ?? [])].sort());
    });
  }

  test('required error points at the raw input; function errors at input and output field', async () => {
    const outcome = await run(compiled, makeEntry({ continent: 'Afrika' }, { accession: 'LOC_0' }));
    const required = outcome.errors.find((a) => a.processedFields[0].name === 'required_collection_date')!;
    assert.deepEqual(required.unprocessedFields, [{ name: 'ncbi_required_collection_date', type: 'Metadata' }]);
    const option = outcome.errors.find((a) => a.processedFields[0].name === 'continent')!;
    assert.deepEqual(option.unprocessedFields, [{ name: 'continent', type: 'Metadata' }]);
    assert.equal(option.category, 'metadata');
  });

  test('extract_regex errors name the input field, not the output', async () => {
    const outcome = await run(compiled, makeEntry({ ...BASE, regex_field: 'EPIISL_123456' }));
    const extracted = outcome.errors.find((a) => a.processedFields[0].name === 'extracted_regex_field')!;
    assert.deepEqual(extracted.unprocessedFields, [{ name: 'regex_field', type: 'Metadata' }]);
  });
});

describe('§8.2 dependencies, required_when, ordering (metadata_dependency.yaml)', () => {
  const { compiled: dependent } = compileYaml([NO_ALIGNMENT, DEPENDENCY]);
  const rawReads = { rawReads: [{ fileId: 'f1', name: 'reads.fastq', url: 'https://example.org/r' }] };
  const full = { ...BASE, continent: 'Asia', A: '2022', required_when_processed_A: 'x', required_when_input_A: 'y', required_when_raw_reads: 'z', multi_dep: 'w' };

  test('all present, raw reads given: A is processed first and feeds depends_on_A', async () => {
    const outcome = await run(dependent, makeEntry(full, { accession: 'LOC_18', files: rawReads }));
    assert.equal(outcome.metadata.A, '2022-01-01');
    assert.equal(outcome.metadata.depends_on_A, 'Asia/LOC_18.1/2022-01-01');
    assert.deepEqual(summary(outcome.errors), []);
    assert.deepEqual(summary(outcome.warnings), ["A: Metadata field A:'2022' - Month and day are missing. Assuming January 1st."]);
  });

  test('raw-reads prerequisite', async () => {
    const outcome = await run(dependent, makeEntry({ ...full, required_when_raw_reads: '' }, { files: rawReads }));
    assert.deepEqual(summary(outcome.errors), ['required_when_raw_reads: Metadata field `required_when_raw_reads` is required when `rawReads` files are provided.']);
  });

  test('processed prerequisite', async () => {
    const outcome = await run(dependent, makeEntry({ ...full, required_when_processed_A: '' }));
    assert.deepEqual(summary(outcome.errors), ['required_when_processed_A: Metadata field `required_when_processed_A` is required when `A` exists.']);
    assert.deepEqual(outcome.errors[0].unprocessedFields, [{ name: 'required_when_processed_A', type: 'Metadata' }]);
  });

  test('raw input prerequisite: raw A counts even when processed A is null', async () => {
    const outcome = await run(dependent, makeEntry({ ...full, A: 'not_a_date', required_when_input_A: '' }, { accession: 'LOC_32' }));
    assert.equal(outcome.metadata.A, null);
    assert.equal(outcome.metadata.depends_on_A, 'Asia/LOC_32.1');
    assert.deepEqual(summary(outcome.errors), [
      'A: Metadata field A: Date format is not recognized.',
      'required_when_input_A: Metadata field `required_when_input_A` is required when `A` is provided.',
    ]);
  });

  test('multi_dep: one error per satisfied condition', async () => {
    const onlyA = await run(dependent, makeEntry({ ...full, multi_dep: '' }));
    assert.deepEqual(summary(onlyA.errors), ['multi_dep: Metadata field `multi_dep` is required when `A` exists.']);
    const both = await run(dependent, makeEntry({ ...full, multi_dep: '' }, { files: rawReads }));
    assert.deepEqual(summary(both.errors), [
      'multi_dep: Metadata field `multi_dep` is required when `A` exists.',
      'multi_dep: Metadata field `multi_dep` is required when `rawReads` files are provided.',
    ]);
  });

  test('processing order puts dependencies first whatever the config order', async () => {
    const config = configFrom({
      processing_spec: {
        dependent: { function: 'concatenate', inputs: { continent: 'continent', date: 'processed.date' }, args: { order: ['continent', 'ACCESSION_VERSION', 'date'], type: ['string', 'ACCESSION_VERSION', 'date'] } },
        date: { function: 'parse_and_assert_past_date', inputs: { date: 'date' } },
      },
    });
    const outcome = await run(compileProcessingSpec(config), makeEntry({ continent: 'Asia', date: '2022-11-01' }, { accession: 'LOC_40' }));
    assert.equal(outcome.metadata.dependent, 'Asia/LOC_40.1/2022-11-01');
    assert.deepEqual(Object.keys(outcome.metadata), ['dependent', 'date'], 'output keeps the config order');
  });

  test('required message lists only user-input paths', async () => {
    const config = configFrom({
      processing_spec: {
        required_field: {
          function: 'identity',
          inputs: { a: 'user_input', b: 'extra_user_input', c: 'non_user_input', d: 'ASSIGNED_REFERENCE' },
          required: true,
        },
        user_input: { inputs: { input: 'user_input' } },
        non_user_input: { inputs: { input: 'non_user_input' }, no_input: true },
      },
    });
    const outcome = await run(compileProcessingSpec(config), makeEntry({}));
    const required = outcome.errors.find((a) => a.message.startsWith('Metadata field `required_field` is required.'))!;
    assert.equal(required.message, 'Metadata field `required_field` is required. Please provide input metadata field(s): `user_input`, `extra_user_input`');
    assert.deepEqual(
      required.unprocessedFields.map((f) => f.name),
      ['user_input', 'extra_user_input', 'non_user_input', 'ASSIGNED_REFERENCE'],
    );
  });

  test('empty spec: metadata {} and no annotations', async () => {
    const outcome = await run(compileProcessingSpec(configFrom({})), makeEntry({ anything: 'x' }));
    assert.deepEqual(outcome, { metadata: {}, errors: [], warnings: [] });
  });
});

describe('§3.2 startup validation', () => {
  function problemsOf(spec: Record<string, unknown>, extra: Record<string, unknown> = {}): string[] {
    try {
      compileProcessingSpec(configFrom({ processing_spec: spec, ...extra }));
    } catch (error) {
      assert.ok(error instanceof ConfigError);
      return error.problems;
    }
    return [];
  }

  test('required_when: unknown file category and self reference', () => {
    const problems = problemsOf({
      a: { inputs: { input: 'a' }, required_when: ['files.not_a_category'] },
      field: { inputs: { input: 'field' }, required_when: ['processed.field'] },
    });
    assert.deepEqual(problems, [
      "invalid configuration: field 'a' has a requiredWhen condition referencing non-existing file category 'not_a_category'.",
      "invalid configuration: field 'field' lists itself in `requiredWhen`",
    ]);
  });

  test('required and required_when together', () => {
    assert.deepEqual(problemsOf({ a: { inputs: { input: 'a' }, required: true, required_when: ['b'] } }), [
      "invalid configuration: field 'a' sets both 'required: true' and 'requiredWhen'. This is not allowed.",
    ]);
  });

  test('dangling processed reference', () => {
    assert.deepEqual(problemsOf({ a: { inputs: { input: 'processed.ghost' } } }), [
      "invalid configuration: metadata field 'a' requested non-existing field 'ghost' as input or as a requiredWhen condition.",
    ]);
  });

  test('cycle', () => {
    assert.deepEqual(problemsOf({ a: { inputs: { x: 'processed.b' } }, b: { inputs: { x: 'processed.a' } } }), [
      "invalid configuration: computation of metadata processing order resulted in a Cycle error: ('nodes are in a cycle', ['a', 'b', 'a'])",
    ]);
  });

  test('unknown function, bad args, missing taxonomy service: all reported at once', () => {
    const problems = problemsOf({
      a: { function: 'process_date', inputs: { date: 'a' } },
      b: { function: 'parse_date_into_range', inputs: { date: 'b' } },
      c: { function: 'parse_date_into_range', inputs: { date: 'c' }, args: { fieldType: 'dateRangeMiddle' } },
      d: { function: 'check_regex', inputs: { regex_field: 'd' }, args: { pattern: '(unclosed' } },
      e: { function: 'extract_regex', inputs: { regex_field: 'e' }, args: { pattern: '^(?P<x>a)$', capture_group: 'y' } },
      f: { function: 'resolve_host_taxon_id', inputs: { host: 'f' } },
      g: { function: 'check_regex', inputs: { regex_field: 'g' }, args: { pattern: '(?>atomic)' } },
    });
    assert.equal(problems.length, 7);
    assert.match(problems[0], /field 'a' uses unknown function 'process_date'/);
    assert.match(problems[1], /field 'b' \(function parse_date_into_range\): argument 'fieldType' is required/);
    assert.match(problems[2], /Config error: Unknown fieldType: dateRangeMiddle/);
    assert.match(problems[3], /regex pattern '\(unclosed' is not valid/);
    assert.match(problems[4], /Pattern '\^\(\?P<x>a\)\$' does not contain capture group 'y'/);
    assert.match(problems[5], /taxonomy_service_url is not configured/);
    assert.match(problems[6], /atomic groups/);
  });
});

test('§9 parse_date_into_range without submittedAt: internal error on that field only', async () => {
  const config = configFrom({
    processing_spec: {
      range: { function: 'parse_date_into_range', inputs: { date: 'date' }, args: { fieldType: 'dateRangeString' } },
      other: { inputs: { input: 'other' } },
    },
  });
  const outcome = await run(compileProcessingSpec(config), makeEntry({ date: '2021', other: 'kept' }, { submittedAt: null }));
  assert.deepEqual(outcome.metadata, { range: null, other: 'kept' });
  assert.equal(outcome.errors.length, 1);
  assert.equal(outcome.errors[0].category, 'internal');
  assert.match(outcome.errors[0].message, /^Internal Error\. parse_date_into_range raised an unexpected exception for output field 'range': .* Please contact the administrator\.$/);
});
