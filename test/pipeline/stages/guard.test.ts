import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyProcessedData, type ProcessedEntry } from '../../../src/contract/entries.js';
import { defineOrganism } from '../../../src/contract/organism.js';
import { serialiseProcessedEntry } from '../../../src/contract/serialise.js';
import { validateProcessedLine } from '../../../src/contract/validate.js';
import type { EntryWork, StageContext } from '../../../src/pipeline/stage.js';
import { createGuardStage } from '../../../src/pipeline/stages/guard.js';

const organism = defineOrganism({ name: 'o', metadata: [{ name: 'host', type: 'string' }], nucleotideSequences: [{ name: 'main', length: 4 }], genes: [] });

function work(output: ProcessedEntry): EntryWork {
  return { output } as unknown as EntryWork;
}

async function guarded(outputs: ProcessedEntry[]): Promise<ProcessedEntry[]> {
  const batch = outputs.map(work);
  await createGuardStage(organism).run(batch, {} as StageContext);
  return batch.map((w) => w.output);
}

const otherError = { unprocessedFields: [], processedFields: [], message: 'earlier error' };
const insertion = { ...emptyProcessedData(), metadata: { host: 'x' }, nucleotideInsertions: { main: ['12-ACG'] } };

test('every entry leaves the guard in a form the backend accepts', async () => {
  const outputs = await guarded([
    { accession: 'A', version: 1, data: { ...emptyProcessedData(), metadata: { host: 'x' } }, errors: [], warnings: [] },
    { accession: 'B', version: 1, data: { ...emptyProcessedData(), metadata: { host: 1 } }, errors: [], warnings: [] },
    { accession: 'C', version: 1, data: structuredClone(insertion), errors: [], warnings: [] },
    { accession: 'D', version: 1, data: structuredClone(insertion), errors: [otherError], warnings: [] },
  ]);
  for (const output of outputs) assert.equal(validateProcessedLine(serialiseProcessedEntry(output), organism), null, output.accession);
  assert.deepEqual(outputs.map((o) => o.errors.length), [0, 1, 1, 2]);
  assert.match(outputs[1].errors[0].message, /^The processed entry would be rejected by the Loculus backend: Expected type 'string' for field 'host'/);
  // Metadata of a 422 stays for the submitter to see; unreadable data cannot be sent at all.
  assert.deepEqual(outputs[1].data.metadata, { host: 1 });
  assert.deepEqual(outputs[2].data, emptyProcessedData());
  assert.match(outputs[3].errors[1].message, /Invalid insertion '12-ACG'/);
});
