import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'undici';
import { HealthState } from '../../src/server/health-state.js';
import { startHealthServer } from '../../src/server/health-server.js';
import { createMetrics } from '../../src/server/metrics.js';

async function get(url: string) {
  const response = await request(url);
  return { status: response.statusCode, text: await response.body.text(), type: String(response.headers['content-type']) };
}

test('/readyz fails until config, datasets, token and backend are good, and again when shutting down', async () => {
  const health = new HealthState();
  const metrics = createMetrics({ defaultMetrics: false });
  const server = await startHealthServer(health, metrics, { port: 0, host: '127.0.0.1' });
  try {
    assert.equal((await get(`${server.url}/readyz`)).status, 503);
    for (const check of ['config', 'datasets', 'token', 'backend']) health.set(check, true);
    assert.equal((await get(`${server.url}/readyz`)).status, 200);
    health.set('pipeline_version', false, 'outdated');
    const verbose = await get(`${server.url}/readyz?verbose`);
    assert.equal(verbose.status, 503);
    assert.equal(JSON.parse(verbose.text).checks.pipeline_version.ok, false);
    health.set('pipeline_version', true);
    health.set('not_shutting_down', false);
    assert.equal((await get(`${server.url}/readyz`)).status, 503);
  } finally {
    await server.close();
  }
});

test('/livez follows the loop heartbeat; /healthz is its alias', async () => {
  const health = new HealthState({ livenessWindowMs: 150 });
  const server = await startHealthServer(health, createMetrics({ defaultMetrics: false }), { port: 0, host: '127.0.0.1' });
  try {
    health.beat();
    assert.equal((await get(`${server.url}/livez`)).status, 200);
    assert.equal((await get(`${server.url}/healthz`)).status, 200);
    await new Promise((r) => setTimeout(r, 250));
    assert.equal((await get(`${server.url}/livez`)).status, 503);
    health.beat();
    assert.equal((await get(`${server.url}/livez`)).status, 200);
  } finally {
    await server.close();
  }
});

test('/metrics serves the Prometheus text format with the worker metrics', async () => {
  const metrics = createMetrics();
  metrics.entries.inc({ result: 'ok' }, 3);
  metrics.backendRequests.inc({ endpoint: 'extract', code_class: '2xx' });
  const server = await startHealthServer(new HealthState(), metrics, { port: 0, host: '127.0.0.1' });
  try {
    const response = await get(`${server.url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.type, /text\/plain/);
    assert.match(response.text, /loculus_preprocessing_entries_total\{result="ok"\} 3/);
    assert.match(response.text, /loculus_preprocessing_backend_requests_total\{endpoint="extract",code_class="2xx"\} 1/);
    assert.match(response.text, /process_resident_memory_bytes/);
  } finally {
    await server.close();
  }
});
