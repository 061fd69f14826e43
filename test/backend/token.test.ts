import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenSource, tokenExpiry } from '../../src/backend/token.js';
import { startMockBackend } from '../../src/mock-backend/index.js';
import { defineOrganism } from '../../src/contract/organism.js';
import { AuthError } from '../../src/shared/errors.js';

const organism = defineOrganism({ name: 'meta', metadata: [] });

test('the token is cached and renewed once fewer than 5 minutes remain', async () => {
  const mock = await startMockBackend({ organisms: { meta: organism }, tokenLifetimeSeconds: 3600, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  let now = Date.now();
  try {
    const tokens = new TokenSource({ keycloakHost: mock.url, tokenPath: 'realms/loculus/protocol/openid-connect/token', user: 'preprocessing_pipeline', password: 'preprocessing_pipeline', timeoutMs: 5000, now: () => now });
    const first = await tokens.token();
    assert.equal(await tokens.token(), first, 'cached');
    assert.ok(Math.abs(tokenExpiry(first)! - (Date.now() / 1000 + 3600)) < 5);
    now += (3600 - 299) * 1000;
    const loginsBefore = mock.requestLog.list().filter((r) => r.url.includes('/token')).length;
    await tokens.token();
    const loginsAfter = mock.requestLog.list().filter((r) => r.url.includes('/token')).length;
    assert.equal(loginsAfter, loginsBefore + 1, 're-login before expiry');
  } finally {
    await mock.close();
  }
});

test('wrong credentials are an AuthError that names the user, never the password', async () => {
  const mock = await startMockBackend({ organisms: { meta: organism }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  try {
    const tokens = new TokenSource({ keycloakHost: mock.url, tokenPath: 'realms/loculus/protocol/openid-connect/token', user: 'preprocessing_pipeline', password: 'Wr0ng-S3cret', timeoutMs: 5000 });
    await assert.rejects(tokens.token(), (error: unknown) => {
      assert.ok(error instanceof AuthError);
      assert.match(error.message, /preprocessing_pipeline/);
      assert.doesNotMatch(error.message, /Wr0ng-S3cret/);
      return true;
    });
    assert.equal(JSON.stringify({ tokens }), '{"tokens":"[TokenSource]"}');
  } finally {
    await mock.close();
  }
});
