/**
 * Data-driven conformance tables, one file per processing function under `tables/`. Each row runs
 * through the real engine (compiled one-field spec, processed entry) and compares the value and
 * the exact messages.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import { PROCESSING_FUNCTIONS } from '../../src/metadata/functions/registry.js';
import { configFrom, makeEntry, messageMatches, plain, run } from './helpers.js';
import type { FunctionCase, FunctionTable } from './tables/types.js';
import { table as identity } from './tables/identity.js';
import { table as processOptions } from './tables/process_options.js';
import { table as checkRegex } from './tables/check_regex.js';
import { table as extractRegex } from './tables/extract_regex.js';
import { table as checkDate } from './tables/check_date.js';
import { table as pastDate } from './tables/parse_and_assert_past_date.js';
import { table as timestamp } from './tables/parse_timestamp.js';
import { table as dateRange } from './tables/parse_date_into_range.js';
import { table as concatenate } from './tables/concatenate.js';
import { table as displayName } from './tables/build_display_name.js';
import { table as authors } from './tables/check_authors.js';
import { table as threshold } from './tables/is_above_threshold.js';
import { table as variant } from './tables/is_variant.js';
import { table as lineage } from './tables/assign_custom_lineage.js';

const TABLES: FunctionTable[] = [identity, processOptions, checkRegex, extractRegex, checkDate, pastDate, timestamp, dateRange, concatenate, displayName, authors, threshold, variant, lineage];

/** Raw metadata key feeding an input argument (kept apart from special paths like `nextclade.*`). */
const keyOf = (argName: string) => `in:${argName}`;

function assertMessages(kind: string, actual: string[], expected: string[]): void {
  const sortedActual = [...actual].sort();
  const sortedExpected = [...expected].sort();
  assert.equal(sortedActual.length, sortedExpected.length, `${kind}: ${JSON.stringify(sortedActual)} vs expected ${JSON.stringify(sortedExpected)}`);
  // Prefix expectations may sort differently; match each expected message to some actual one.
  const remaining = [...sortedActual];
  for (const message of sortedExpected) {
    const index = remaining.findIndex((candidate) => messageMatches(candidate, message));
    assert.ok(index >= 0, `${kind}: expected ${JSON.stringify(message)} among ${JSON.stringify(sortedActual)}`);
    remaining.splice(index, 1);
  }
}

/** `extraInput` adds an input the function does not read, so the engine cannot pass the value alone. */
async function runCase(table: FunctionTable, row: FunctionCase, extraInput = false): Promise<void> {
  const argNames = [...new Set([...table.inputs, ...Object.keys(row.inputs), ...(extraInput ? ['unread'] : [])])];
  const args = { ...(table.args ?? {}), ...(row.args ?? {}) };
  for (const key of Object.keys(args)) if (args[key] === null) delete args[key];
  const config = configFrom({
    organism: 'test-organism',
    processing_spec: {
      [table.field]: { function: table.function, inputs: Object.fromEntries(argNames.map((name) => [name, keyOf(name)])), args },
    },
  });
  const compiled = compileProcessingSpec(config);
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(row.inputs)) if (value !== null) metadata[keyOf(name)] = value;
  const entry = makeEntry(metadata, { accession: row.accession, groupId: row.insdc ? 1 : 2, submittedAt: row.submittedAt });
  const outcome = await run(compiled, entry);
  assert.deepEqual(plain(outcome.metadata[table.field]), row.expect, 'value');
  assertMessages('errors', outcome.errors.map((a) => a.message), row.errors ?? []);
  assertMessages('warnings', outcome.warnings.map((a) => a.message), row.warnings ?? []);
  for (const annotation of [...outcome.errors, ...outcome.warnings]) {
    assert.deepEqual(annotation.processedFields, [{ name: table.field, type: 'Metadata' }]);
  }
}

for (const table of TABLES) {
  describe(`${table.function} conformance table`, () => {
    for (const row of table.cases) {
      test(`${row.source}: ${row.name}`, () => runCase(table, row));
    }
  });
}

// One-input functions are normally handed the bare value; with a second input they go through
// `run` and its input object, which must give the very same results.
for (const table of TABLES.filter((t) => PROCESSING_FUNCTIONS.get(t.function)?.singleInput !== undefined)) {
  describe(`${table.function} conformance table, with an extra input the function does not read`, () => {
    for (const row of table.cases) {
      test(`${row.source}: ${row.name}`, () => runCase(table, row, true));
    }
  });
}
