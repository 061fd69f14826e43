/**
 * The extract stream's line limit holds in the worker: a line longer than `--max-line-bytes` is
 * never buffered whole — the entry is answered with an error naming its size — and the entries
 * after it are processed normally.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { extractLine } from '../../bench/lib/bad-input.js';
import { metadataEntry } from '../../bench/lib/entries.js';
import { METADATA_ORGANISM, writeMetadataConfig } from '../../bench/lib/metadata-config.js';
import { startRawBackend } from '../../bench/lib/raw-backend.js';
import { WorkerProcess } from '../../bench/lib/worker-process.js';
import { startMockBackend } from '../../src/mock-backend/index.js';

test('an oversized extract line becomes an error on its entry, the rest of the batch is processed', { timeout: 60_000 }, async () => {
  const config = writeMetadataConfig();
  const mock = await startMockBackend({ organisms: { [METADATA_ORGANISM]: config.organism }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  const raw = await startRawBackend();
  const big = extractLine('BIG_1', 1, { ...metadataEntry(1, true).metadata, notes: 'z'.repeat(8 * 1024 * 1024) });
  const lines = [extractLine('OK_1', 1, metadataEntry(2, true).metadata!), big, extractLine('OK_2', 1, metadataEntry(3, true).metadata!)];
  raw.queue(Buffer.from(lines.join('\n') + '\n'));
  const worker = new WorkerProcess({
    configFile: config.file,
    flags: { 'backend-host': `${raw.url}/${METADATA_ORGANISM}`, 'keycloak-host': mock.url, 'max-line-bytes': 1024 * 1024, 'idle-poll-min-ms': 100 },
  });
  try {
    await worker.waitForLog('batch submitted', 30_000);
    for (let waited = 0; raw.submitted.length < 3 && waited < 5000; waited += 50) await sleep(50);
    const byAccession = new Map(raw.submitted.map((s) => [s.accession, s]));
    assert.deepEqual(byAccession.get('OK_1')?.errors, []);
    assert.deepEqual(byAccession.get('OK_2')?.errors, []);
    assert.match(byAccession.get('BIG_1')?.errors[0]?.message ?? '', /is \d+ bytes long, more than this pipeline accepts per entry/);
  } finally {
    await worker.stop();
    await raw.close();
    await mock.close();
    config.remove();
  }
});
