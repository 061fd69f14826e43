import { test } from 'node:test';
import assert from 'node:assert/strict';
import { metadataEntries, startHarness, storedRows } from '../helpers/worker-harness.js';

test('every seeded entry is processed exactly once, with typed metadata the strict backend accepts', async () => {
  const h = await startHarness();
  try {
    h.mock.seed('meta', metadataEntries(45, (i): Record<string, string> => (i === 3 ? { ratio: '2' } : {})));
    const worker = h.worker();
    assert.equal(await worker.run(), 0);
    const rows = storedRows(h.mock, 'meta');
    assert.equal(rows.length, 45);
    assert.ok(rows.every(({ row }) => row?.status === 'PROCESSED'), 'all processed');
    // Integral floats went out as JSON floats (1.0) and the strict validation took them.
    const first = rows[0]!.row!.processedData as { metadata: Record<string, unknown> };
    assert.equal(first.metadata.ratio, 1);
    assert.equal(first.metadata.age, 20);
    assert.ok(rows.every(({ row }) => (row!.errors ?? []).length === 0));
    const submits = h.mock.requestLog.list().filter((r) => r.url.includes('submit-processed-data'));
    assert.ok(submits.every((r) => r.status === 204), 'no submit was rejected');
    assert.equal(worker.totals.entries, 45);
  } finally {
    await h.close();
  }
});

test('one entry the backend rejects: all others accepted, the offender answered with an error', async () => {
  // The backend knows `age` as required int but the worker's spec sends a string for one entry
  // it cannot see as wrong: make the mock stricter than the worker's own view.
  const h = await startHarness({
    organism: (o) => ({ ...o, metadata: o.metadata.map((f) => (f.name === 'country' ? { ...f, type: 'int' as const } : f)) }),
  });
  try {
    h.mock.seed('meta', metadataEntries(20, (i) => ({ country: i === 13 ? 'Switzerland' : '' })));
    assert.equal(await h.worker().run(), 0);
    const rows = storedRows(h.mock, 'meta');
    assert.ok(rows.every(({ row }) => row?.status === 'PROCESSED'));
    const withErrors = rows.filter(({ row }) => (row!.errors ?? []).length > 0);
    assert.equal(withErrors.length, 1);
    assert.equal(withErrors[0]!.entry.submissionId, 'sub13');
    assert.match(withErrors[0]!.row!.errors![0]!.message, /Expected type 'integer' for field 'country'/);
    // Metrics count the entry as the backend took it: with its error.
    const text = await h.metrics.registry.metrics();
    assert.match(text, /loculus_preprocessing_entries_total\{result="errors"\} 1\n/);
    assert.match(text, /loculus_preprocessing_entries_total\{result="ok"\} 19\n/);
    assert.match(text, /loculus_preprocessing_annotations_total\{severity="error",category="backend_validation"\} 1\n/);
  } finally {
    await h.close();
  }
});

test('503 bursts and a dropped extract stream lose nothing', async () => {
  const h = await startHarness({ flags: { batch_size: '7' } });
  try {
    h.mock.seed('meta', metadataEntries(30));
    h.mock.faults.add({ kind: 'status', endpoint: 'extract', status: 503, times: 3 });
    h.mock.faults.add({ kind: 'status', endpoint: 'submit', status: 503, times: 2 });
    h.mock.faults.add({ kind: 'drop', endpoint: 'extract', afterLines: 3 });
    const worker = h.worker({ stopWhenIdle: false });
    const done = worker.run();
    const deadline = Date.now() + 20_000;
    // The dropped stream's claimed-but-unsent entries come back after a stale reset.
    while (Date.now() < deadline) {
      const rows = storedRows(h.mock, 'meta');
      if (rows.every(({ row }) => row?.status === 'PROCESSED')) break;
      h.mock.staleReset(1);
      await new Promise((r) => setTimeout(r, 200));
    }
    worker.stop();
    assert.equal(await done, 0);
    const rows = storedRows(h.mock, 'meta');
    assert.equal(rows.filter(({ row }) => row?.status === 'PROCESSED').length, 30);
  } finally {
    await h.close();
  }
});

test('an expired token leads to a fresh login, not a failure', async () => {
  const h = await startHarness({ flags: { batch_size: '5' } });
  try {
    h.mock.seed('meta', metadataEntries(12));
    const worker = h.worker();
    let invalidated = false;
    worker.on('batch', () => {
      if (!invalidated) {
        invalidated = true;
        h.mock.invalidateTokens();
      }
    });
    assert.equal(await worker.run(), 0);
    assert.equal(storedRows(h.mock, 'meta').filter(({ row }) => row?.status === 'PROCESSED').length, 12);
    const tokenCalls = h.mock.requestLog.list().filter((r) => r.url.includes('openid-connect/token'));
    assert.ok(tokenCalls.length >= 2, `token requests: ${tokenCalls.length}`);
  } finally {
    await h.close();
  }
});

test('an outdated pipeline version is logged clearly and ends the loop with exit code 3', async () => {
  const h = await startHarness();
  try {
    h.mock.seed('meta', metadataEntries(3));
    h.mock.store.setCurrentVersion('meta', 2);
    const worker = h.worker({ stopWhenIdle: false });
    const outdated: string[] = [];
    worker.on('outdated', (info) => outdated.push(info.detail));
    assert.equal(await worker.run(), 3);
    assert.match(outdated[0]!, /pipeline version 1 is not accepted anymore/);
    const logged = h.logs.records().find((r) => r.level === 'error' && String(r.msg).includes('no longer accepts this pipeline version'));
    assert.ok(logged, 'error log line');
    assert.equal(logged!.currentVersion, 2);
    assert.equal(h.health.ready().ok, false);
  } finally {
    await h.close();
  }
});

test('an empty queue is polled at a bounded rate (backoff, no hot loop)', async () => {
  const h = await startHarness({ flags: { idle_poll_min_ms: '50', idle_poll_max_ms: '400' } });
  try {
    const worker = h.worker({ stopWhenIdle: false });
    const done = worker.run();
    await new Promise((r) => setTimeout(r, 2000));
    worker.stop();
    await done;
    const extracts = h.mock.requestLog.list().filter((r) => r.url.includes('extract-unprocessed-data')).length;
    // 50+100+200+400+400+... ms: about 8 polls in 2 s; a hot loop would make hundreds.
    assert.ok(extracts >= 3 && extracts <= 12, `extract calls in 2 s: ${extracts}`);
  } finally {
    await h.close();
  }
});
