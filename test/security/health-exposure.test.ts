/**
 * The health and metrics server exposes check states and counters only: while a worker processes
 * entries, none of its answers holds an accession, a submission id or a metadata value, and it
 * refuses request bodies it has no use for.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { request } from 'undici';
import { metadataEntries } from '../../bench/lib/entries.js';
import { METADATA_ORGANISM, writeMetadataConfig } from '../../bench/lib/metadata-config.js';
import { WorkerProcess } from '../../bench/lib/worker-process.js';
import { startMockBackend } from '../../src/mock-backend/index.js';

const PATHS = ['/livez', '/livez?verbose', '/readyz', '/readyz?verbose', '/healthz?verbose', '/metrics'];

test('probes and metrics carry no entry data', { timeout: 60_000 }, async () => {
  const config = writeMetadataConfig();
  const mock = await startMockBackend({ organisms: { [METADATA_ORGANISM]: config.organism }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  const seeded = mock.seed(METADATA_ORGANISM, metadataEntries(400));
  // Slow submits keep batches in flight while we read the probes.
  mock.faults.add({ kind: 'delay', endpoint: 'submit', ms: 300, persistent: true });
  const worker = new WorkerProcess({
    configFile: config.file,
    flags: { 'backend-host': mock.backendUrl(METADATA_ORGANISM), 'keycloak-host': mock.url, 'batch-size': 50, 'idle-poll-min-ms': 100 },
  });
  try {
    const base = await worker.healthUrl();
    const answers: string[] = [];
    const deadline = Date.now() + 40_000;
    let rounds = 0;
    while (Date.now() < deadline) {
      for (const path of PATHS) {
        const response = await request(`${base}${path}`);
        answers.push(await response.body.text());
      }
      rounds++;
      const state = mock.state().organisms[METADATA_ORGANISM]!.statuses;
      if (state.PROCESSED === seeded.length && rounds > 3) break;
      await sleep(100);
    }
    const text = answers.join('\n');
    assert.match(text, /loculus_preprocessing_entries_total/, 'metrics were read');
    const secrets = new Set<string>();
    for (const entry of seeded) {
      secrets.add(entry.accession);
      secrets.add(entry.submissionId);
      for (const value of Object.values(entry.metadata)) if (value && value.length >= 6) secrets.add(value);
    }
    const leaked = [...secrets].filter((s) => text.includes(s));
    assert.deepEqual(leaked, [], 'no accession, submission id or metadata value in any probe or metric');

    // Bodies and huge headers are refused without harm.
    const posted = await request(`${base}/livez`, { method: 'POST', body: 'x'.repeat(1024 * 1024), headers: { 'content-type': 'application/json' } });
    await posted.body.dump();
    assert.ok(posted.statusCode >= 400 && posted.statusCode < 500, `POST with 1 MiB body: ${posted.statusCode}`);
    const bigHeader = await request(`${base}/livez`, { headers: { 'x-filler': 'y'.repeat(64 * 1024) } }).then(
      async (r) => (await r.body.dump(), r.statusCode),
      () => 'connection closed',
    );
    assert.ok(bigHeader === 431 || bigHeader === 'connection closed', `64 KiB header: ${bigHeader}`);
    const live = await request(`${base}/livez`);
    assert.equal(live.statusCode, 200, 'still serving');
    await live.body.dump();
  } finally {
    await worker.stop();
    await mock.close();
    config.remove();
  }
});
