/**
 * Secrets never leak: a worker run against the mock with a distinctive password, through logins,
 * token revocations (re-login), failed calls and a rejected password, never prints the password
 * or any token it was issued — not in its log, not in its process arguments, not in a URL it calls.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { metadataEntries } from '../../bench/lib/entries.js';
import { METADATA_ORGANISM, writeMetadataConfig } from '../../bench/lib/metadata-config.js';
import { WorkerProcess } from '../../bench/lib/worker-process.js';
import { startMockBackend } from '../../src/mock-backend/index.js';

test('the password and issued tokens appear in no log line, argument or URL', { timeout: 60_000 }, async () => {
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const user = 'secret-test-pipeline';
  const config = writeMetadataConfig();
  const mock = await startMockBackend({
    organisms: { [METADATA_ORGANISM]: config.organism },
    users: [{ username: user, password, roles: ['preprocessing_pipeline'] }],
    sweepIntervalSeconds: null,
    pipelineVersionUpgradeIntervalSeconds: null,
  });
  const tokens: string[] = [];
  const issuer = mock.context.issuer;
  const issue = issuer.issue.bind(issuer);
  issuer.issue = (...args) => {
    const issued = issue(...args);
    tokens.push(issued.token);
    return issued;
  };
  mock.seed(METADATA_ORGANISM, metadataEntries(300));
  // Failures that make the worker log about its calls: a 5xx, a reset, a revoked token.
  mock.faults.add({ kind: 'status', endpoint: 'extract', status: 503 });
  mock.faults.add({ kind: 'reset', endpoint: 'submit' });

  const worker = new WorkerProcess({
    configFile: config.file,
    flags: { 'backend-host': mock.backendUrl(METADATA_ORGANISM), 'keycloak-host': mock.url, 'keycloak-user': user, 'batch-size': 50, 'idle-poll-min-ms': 100, 'idle-poll-max-ms': 200 },
    env: { PREPROCESSING_KEYCLOAK_PASSWORD: password, PREPROCESSING_LOG_LEVEL: 'debug' },
  });
  try {
    await worker.waitForLog('batch submitted', 30_000);
    mock.invalidateTokens();
    await worker.waitForLog('backend refused the token (401); logging in again', 30_000);
    for (let waited = 0; tokens.length < 2 && waited < 10_000; waited += 20) await sleep(20);
    await worker.waitForLog((l) => l.msg === 'batch submitted' && Number(l.batchId) > 1, 30_000);
    const cmdline = readFileSync(`/proc/${worker.pid}/cmdline`, 'utf8');
    // Now the password stops working: the worker logs failed logins.
    mock.context.users.splice(0, 1, { username: user, password: `${password}-rotated`, roles: ['preprocessing_pipeline'] });
    mock.invalidateTokens();
    await worker.waitForLog((l) => JSON.stringify(l).includes(`Keycloak login as '${user}' failed`), 30_000);
    await sleep(500);
    await worker.stop();

    assert.ok(tokens.length >= 2, `tokens issued: ${tokens.length}`);
    const output = worker.rawOutput.join('\n');
    assert.ok(output.length > 1000, 'the worker did log');
    assert.ok(!output.includes(password), 'password not in the log output');
    for (const token of tokens) {
      assert.ok(!output.includes(token), 'token not in the log output');
      // Not even the signature alone.
      assert.ok(!output.includes(token.split('.')[2]!), 'token signature not in the log output');
    }
    assert.ok(!cmdline.includes(password), 'password not in the process arguments');
    for (const logged of mock.requestLog.list()) {
      assert.ok(!logged.url.includes(password), `password not in URL ${logged.url}`);
      for (const token of tokens) assert.ok(!logged.url.includes(token), 'token not in a URL');
    }
    // The password only travels in a login form body, never to the backend endpoints.
    for (const logged of mock.requestLog.list().filter((r) => !r.url.includes('/openid-connect/token'))) {
      assert.ok(!(logged.body ?? '').includes(password), `password not sent to ${logged.url}`);
    }
  } finally {
    await worker.stop();
    await mock.close();
    config.remove();
  }
});
