/**
 * Adaptive batch size: when batches take longer than the target, the worker asks for fewer
 * entries (log line and metric); when they are fast again, it grows back.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { request } from 'undici';
import { metadataEntries } from '../bench/lib/entries.js';
import { startScenario } from '../bench/lib/scenario.js';

async function batchSizeMetric(healthUrl: string): Promise<number> {
  const response = await request(`${healthUrl}/metrics`);
  const text = await response.body.text();
  const match = /^loculus_preprocessing_batch_size (\d+)/m.exec(text);
  assert.ok(match, 'batch size gauge exported');
  return Number(match[1]);
}

test('slow batches shrink the batch size, fast ones grow it back', { timeout: 120_000 }, async () => {
  const scenario = await startScenario({ entries: metadataEntries(3000) });
  try {
    // Every submit takes 1.5 s, over a 1 s target.
    scenario.mock.faults.add({ kind: 'delay', endpoint: 'submit', ms: 1500, persistent: true });
    const worker = scenario.startWorker({ flags: { 'batch-size': 200, 'batch-target-seconds': 1, 'max-batch-size': 400 } });
    const healthUrl = await worker.healthUrl();
    assert.equal(await batchSizeMetric(healthUrl), 200);

    const shrunk = await worker.waitForLog((l) => l.msg === 'adaptive batch size changed' && Number(l.to) < Number(l.from), 60_000);
    assert.equal(shrunk.from, 200);
    assert.equal(shrunk.to, 100);
    assert.ok(Number(shrunk.batchSeconds) > 1);
    await worker.waitForLog((l) => l.msg === 'adaptive batch size changed' && Number(l.to) <= 50, 60_000);
    assert.ok((await batchSizeMetric(healthUrl)) <= 50, 'the gauge follows');

    // The backend is fast again: the size climbs back.
    scenario.mock.faults.clear();
    await worker.waitForLog((l) => l.msg === 'adaptive batch size changed' && Number(l.to) > Number(l.from), 60_000);
    await scenario.waitAllProcessed(90_000);
    await sleep(100);
    const metrics = await (await request(`${healthUrl}/metrics`)).body.text();
    assert.match(metrics, /loculus_preprocessing_batch_size_adjustments_total\{direction="down"\} [1-9]/);
    assert.match(metrics, /loculus_preprocessing_batch_size_adjustments_total\{direction="up"\} [1-9]/);
    const exit = await worker.stop();
    assert.equal(exit.code, 0, worker.tail());
    assert.deepEqual(scenario.accepted.duplicates(), []);
  } finally {
    await scenario.close();
  }
});
