/**
 * Three `prepro run` processes against one mock backend on 20,000 metadata-only entries:
 * every entry processed exactly once, none lost.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { metadataEntries } from '../bench/lib/entries.js';
import { startScenario, type Scenario } from '../bench/lib/scenario.js';

const ENTRIES = 20_000;
let scenario: Scenario | undefined;
after(() => scenario?.close());

test('three replicas process 20,000 entries exactly once', { timeout: 240_000 }, async () => {
  scenario = await startScenario({ entries: metadataEntries(ENTRIES) });
  const workers = [1, 2, 3].map(() => scenario!.startWorker({ flags: { 'batch-size': 200 } }));
  await scenario.waitAllProcessed(200_000);

  const results = await Promise.all(workers.map((w) => w.stop()));
  for (const [i, result] of results.entries()) assert.equal(result.code, 0, `worker ${i + 1} exit code; last lines:\n${workers[i]!.tail()}`);

  const statuses = scenario.statuses();
  assert.deepEqual(statuses, { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: ENTRIES });
  assert.equal(scenario.accepted.counts.size, ENTRIES, 'every accession.version accepted');
  assert.deepEqual(scenario.accepted.duplicates(), [], 'no accession.version accepted twice');
  // Each replica took a share: the claims spread over all three.
  const perWorker = workers.map((w) => w.logsWith('batch submitted').reduce((sum, l) => sum + Number(l.entries), 0));
  assert.equal(perWorker.reduce((a, b) => a + b, 0), ENTRIES, `entries submitted per worker: ${perWorker.join(', ')}`);
  for (const n of perWorker) assert.ok(n > 0, `every replica processed some entries: ${perWorker.join(', ')}`);
});
