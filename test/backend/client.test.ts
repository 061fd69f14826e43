import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BackendClient } from '../../src/backend/client.js';
import { loadConfig } from '../../src/config/load.js';
import { defineOrganism } from '../../src/contract/organism.js';
import { startMockBackend } from '../../src/mock-backend/index.js';
import { AuthError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';

test('a 401 gets one fresh login and one more try; a second 401 is an AuthError, not retried', async () => {
  const mock = await startMockBackend({ organisms: { meta: defineOrganism({ name: 'meta', metadata: [] }) }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  try {
    const { config } = loadConfig({ env: {}, flags: { organism: 'meta', backend_host: mock.backendUrl('meta'), keycloak_host: mock.url } });
    const client = new BackendClient({ config, logger: silentLogger(), retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    mock.faults.add({ kind: 'status', endpoint: 'extract', status: 401, persistent: true });
    await assert.rejects(client.extract(5, null), (error: unknown) => error instanceof AuthError && /401/.test(error.message));
    const calls = mock.requestLog.list();
    assert.equal(calls.filter((r) => r.url.includes('/token')).length, 2, 'initial login and one re-login');
    assert.equal(calls.filter((r) => r.url.includes('extract-unprocessed-data')).length, 2, 'no retries after the re-login failed');

    mock.faults.clear();
    mock.faults.add({ kind: 'status', endpoint: 'extract', status: 401 });
    const result = await client.extract(5, null);
    assert.equal(result.kind, 'batch');
  } finally {
    await mock.close();
  }
});
