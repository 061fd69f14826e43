/**
 * Three `prepro run` processes against one mock backend on 20,000 metadata-only entries:
 * every entry processed exactly once, none lost.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { metadataEntries } from '../bench/lib/entries.js';
import { METADATA_ORGANISM } from '../bench/lib/metadata-config.js';
import { startScenario, type Scenario } from '../bench/lib/scenario.js';

const ENTRIES = 20_000;
let scenario: Scenario | undefined;
after(() => scenario?.close());

test('three replicas process 20,000 entries exactly once', { timeout: 240_000 }, async (t) => {
  scenario = await startScenario({ entries: [] });
  const workers = [1, 2, 3].map(() => scenario!.startWorker({ flags: { 'batch-size': 200 } }));
  // Seed once all three are up and polling, so they compete for the same queue.
  await Promise.all(workers.map((w) => w.healthUrl()));
  await sleep(1000);
  scenario.mock.seed(METADATA_ORGANISM, metadataEntries(ENTRIES));
  await scenario.waitAllProcessed(200_000);

  const results = await Promise.all(workers.map((w) => w.stop()));
  for (const [i, result] of results.entries()) assert.equal(result.code, 0, `worker ${i + 1} exit code; last lines:\n${workers[i]!.tail()}`);

  assert.deepEqual(scenario.statuses(), { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: ENTRIES });
  assert.equal(scenario.accepted.counts.size, ENTRIES, 'every accession.version accepted');
  assert.deepEqual(scenario.accepted.duplicates(), [], 'no accession.version accepted twice');
  const perWorker = workers.map((w) => w.logsWith('batch submitted').reduce((sum, l) => sum + Number(l.entries), 0));
  assert.equal(perWorker.reduce((a, b) => a + b, 0), ENTRIES, `entries submitted per worker: ${perWorker.join(', ')}`);
  t.diagnostic(`entries per replica: ${perWorker.join(', ')}`);
});
