/**
 * The annotate stage on a batch: metadata written, annotations merged without duplicates in a
 * stable order, halted entries left alone, a broken entry turned into the errored entry (§6.4).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import pino from 'pino';
import { FloatValue, type UnprocessedEntry } from '../../../src/contract/entries.js';
import { newWork } from '../../../src/pipeline/pipeline.js';
import { createAnnotateStage } from '../../../src/pipeline/stages/annotate.js';
import type { TaxonomyClient } from '../../../src/metadata/taxonomy.js';
import { compileYaml, makeEntry, NOW, referenceTests } from '../../metadata/helpers.js';

const { config, compiled } = compileYaml([resolve(referenceTests, 'no_alignment_config.yaml')]);
const context = { signal: new AbortController().signal, logger: pino({ level: 'silent' }) };

function stage() {
  return createAnnotateStage({ config, compiled, clock: () => NOW });
}

test('writes guarded metadata and merges annotations deterministically', async () => {
  const good = newWork(makeEntry({ name_required: 'name', ncbi_required_collection_date: '2022-11-01', percentage_float: '1', authors: 'Smith, Anna' }, { accession: 'LOC_1' }));
  const bad = newWork(makeEntry({ continent: 'Afrika', age_int: 'x', authors: 'Smith, Анна' }, { accession: 'LOC_2' }));
  await stage().run([good, bad], context);

  assert.equal(good.output.data.metadata.name_required, 'name');
  assert.ok(good.output.data.metadata.percentage_float instanceof FloatValue);
  assert.deepEqual(good.output.errors, []);
  assert.deepEqual(Object.keys(good.output.data.metadata), compiled.keys);

  const messages = bad.output.errors.map((a) => a.message);
  // The duplicate Cyrillic "н" error appears once.
  assert.equal(messages.filter((m) => m.includes('U+043D')).length, 1);
  const again = newWork(bad.input);
  await stage().run([again], context);
  assert.deepEqual(again.output.errors, bad.output.errors, 'same input, same order');
});

test('leaves halted entries alone', async () => {
  const halted = newWork(makeEntry({ name_required: 'x' }));
  halted.halted = true;
  await stage().run([halted], context);
  assert.deepEqual(halted.output.data.metadata, {});
  assert.deepEqual(halted.output.errors, []);
});

test('an entry that breaks processing becomes the errored entry; the batch carries on', async () => {
  const broken = newWork({ ...makeEntry({}), accession: 'LOC_9', metadata: null } as unknown as UnprocessedEntry);
  const fine = newWork(makeEntry({ name_required: 'n', ncbi_required_collection_date: '2022-11-01' }));
  await stage().run([broken, fine], context);
  assert.equal(broken.halted, true);
  assert.deepEqual(broken.output.data.metadata, {});
  assert.equal(broken.output.data.files, null);
  assert.deepEqual(broken.output.warnings, []);
  assert.deepEqual(broken.output.errors.map((a) => [a.processedFields[0].name, a.message]), [
    ['unknown', 'Failed to process submission with id: LOC_9.1 - please review your submission or reach out to an administrator if this error persists.'],
  ]);
  assert.equal(fine.output.data.metadata.name_required, 'n');
});

test('functions that wait on the taxonomy service: every entry of a batch larger than the concurrency is annotated', async () => {
  const { config: hostConfig, compiled: hostCompiled } = compileYaml([resolve(referenceTests, 'host_processing_config.yaml')]);
  const aedes = { taxId: '7159', scientificName: 'Aedes aegypti', commonName: 'yellow fever mosquito', depth: 30 };
  // Answers on a later turn, as a real lookup would.
  const taxonomy: TaxonomyClient = {
    byId: async (taxId) => (await Promise.resolve(), taxId === '7159' ? aedes : null),
    byScientificName: async () => [],
  };
  const hostStage = createAnnotateStage({ config: hostConfig, compiled: hostCompiled, clock: () => NOW, taxonomy });
  const batch = Array.from({ length: 40 }, (_, i) => newWork(makeEntry({ host: i % 2 === 0 ? '7159' : '1' }, { accession: `LOC_${i}` })));
  await hostStage.run(batch, context);
  for (const [i, work] of batch.entries()) {
    if (i % 2 === 0) {
      assert.deepEqual(work.output.data.metadata, { hostNameScientific: 'Aedes aegypti', hostNameCommon: 'yellow fever mosquito', hostTaxonId: '7159' });
      assert.deepEqual(work.output.errors, []);
    } else {
      assert.deepEqual(work.output.data.metadata, { hostNameScientific: null, hostNameCommon: null, hostTaxonId: null });
      assert.deepEqual(work.output.errors.map((a) => a.message), ["Host validation for '1' failed."]);
    }
  }
});
