import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { startMockBackend } from '../../src/mock-backend/index.js';
import { defineOrganism } from '../../src/contract/organism.js';
import { METADATA_CONFIG, metadataEntries, writeConfig } from '../helpers/worker-harness.js';

const organism = defineOrganism({
  name: 'meta',
  metadata: [
    { name: 'country', type: 'string' },
    { name: 'age', type: 'int' },
    { name: 'ratio', type: 'float' },
    { name: 'date', type: 'date' },
  ],
});

function startWorker(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return { child, output: () => output, exit: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]> };
}

test('SIGTERM mid-batch: the batch in hand is submitted, then the worker exits 0', { timeout: 60_000 }, async () => {
  const mock = await startMockBackend({ organisms: { meta: organism }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  try {
    mock.seed('meta', metadataEntries(8));
    // A slow stream keeps the first batch in flight long enough to signal mid-batch.
    mock.faults.add({ kind: 'slowStream', endpoint: 'extract', perLineMs: 300 });
    const config = writeConfig(METADATA_CONFIG);
    const worker = startWorker(['--config', config, '--backend-host', mock.backendUrl('meta'), '--keycloak-host', mock.url, '--health-port', '0', '--batch-size', '8']);
    const deadline = Date.now() + 30_000;
    while (!mock.requestLog.list().some((r) => r.url.includes('extract-unprocessed-data')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500));
    worker.child.kill('SIGTERM');
    const [code] = await worker.exit;
    assert.equal(code, 0, worker.output());
    const version = mock.store.currentVersion('meta');
    const processed = mock.store.entries('meta').filter((e) => mock.store.row(e.accession, e.version, version)?.status === 'PROCESSED');
    assert.equal(processed.length, 8, 'the batch claimed before SIGTERM was submitted');
    assert.match(worker.output(), /shutdown signal received; draining/);
  } finally {
    await mock.close();
  }
});

test('outdated pipeline version: clear log line and a non-zero exit', { timeout: 60_000 }, async () => {
  const mock = await startMockBackend({ organisms: { meta: organism }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  try {
    mock.store.setCurrentVersion('meta', 5);
    const worker = startWorker(['--config', writeConfig(METADATA_CONFIG), '--backend-host', mock.backendUrl('meta'), '--keycloak-host', mock.url, '--health-port', '0', '--pipeline-version', '4']);
    const [code] = await worker.exit;
    assert.equal(code, 3);
    assert.match(worker.output(), /no longer accepts this pipeline version/);
    assert.match(worker.output(), /"currentVersion":5/);
  } finally {
    await mock.close();
  }
});

test('a bad config is one clear message listing every problem, exit 2, before any connection', { timeout: 30_000 }, async () => {
  const config = writeConfig('batch_size: lots\nprocessing_spec:\n  a:\n    function: no_such_function\n    inputs: {input: a}\n');
  const worker = startWorker(['--config', config, '--backend-host', 'http://127.0.0.1:9']);
  const [code] = await worker.exit;
  assert.equal(code, 2);
  assert.match(worker.output(), /batch_size/);
});
