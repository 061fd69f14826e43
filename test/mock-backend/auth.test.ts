import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MockBackend } from '../../src/mock-backend/index.js';
import { bearer, extract, post, startTestMock, submit } from './helpers.js';

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const pipelineLogin = { grant_type: 'password', client_id: 'backend-client', username: 'preprocessing_pipeline', password: 'preprocessing_pipeline' };

describe('token endpoint (password grant)', () => {
  let mock: MockBackend;
  before(async () => (mock = await startTestMock({ tokenLifetimeSeconds: 120 })));
  after(() => mock.close());

  it('issues a JWT with exp, preferred_username and realm roles', async () => {
    const result = await post(mock.tokenUrl, form(pipelineLogin));
    assert.equal(result.status, 200);
    const body = JSON.parse(result.text);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 120);
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1], 'base64url').toString());
    assert.equal(claims.preferred_username, 'preprocessing_pipeline');
    assert.deepEqual(claims.realm_access.roles, ['preprocessing_pipeline', 'offline_access']);
    assert.equal(claims.exp - claims.iat, 120);
    const used = await extract(mock, { numberOfSequenceEntries: 1, pipelineVersion: 1 }, { token: body.access_token });
    assert.equal(used.status, 200);
  });

  it('refuses wrong credentials, another client and another grant type the way Keycloak does', async () => {
    const wrong = await post(mock.tokenUrl, form({ ...pipelineLogin, password: 'nope' }));
    assert.equal(wrong.status, 401);
    assert.equal(JSON.parse(wrong.text).error, 'invalid_grant');
    assert.equal((await post(mock.tokenUrl, form({ ...pipelineLogin, client_id: 'x' }))).status, 401);
    const grant = await post(mock.tokenUrl, form({ ...pipelineLogin, grant_type: 'client_credentials' }));
    assert.equal(grant.status, 400);
    assert.equal(JSON.parse(grant.text).error, 'unsupported_grant_type');
  });
});

describe('auth on the pipeline endpoints', () => {
  let mock: MockBackend;
  before(async () => (mock = await startTestMock({ staticTokens: { 'static-pipeline': { username: 'ci', roles: ['preprocessing_pipeline'] } } })));
  after(() => mock.close());
  const params = { numberOfSequenceEntries: 1, pipelineVersion: 1 };

  it('no token → 403 on both endpoints', async () => {
    assert.equal((await extract(mock, params, { token: null })).status, 403);
    assert.equal((await submit(mock, '', { token: null })).status, 403);
  });

  it('invalid token → 401 with WWW-Authenticate: Bearer error="invalid_token"', async () => {
    for (const call of [extract(mock, params, { token: 'not.a.jwt' }), submit(mock, '', { token: 'garbage' })]) {
      const result = await call;
      assert.equal(result.status, 401);
      assert.match(String(result.headers['www-authenticate']), /^Bearer error="invalid_token"/);
    }
  });

  it('expired token → 401', async () => {
    const expired = mock.issueToken({ lifetimeSeconds: -1 });
    const result = await extract(mock, params, { token: expired });
    assert.equal(result.status, 401);
    assert.match(String(result.headers['www-authenticate']), /error="invalid_token"/);
  });

  it('tokens invalidated by the mock → 401, a fresh login works again', async () => {
    const token = mock.issueToken();
    mock.invalidateTokens();
    assert.equal((await extract(mock, params, { token })).status, 401);
    assert.equal((await extract(mock, params)).status, 200);
  });

  it('token without preferred_username → 401', async () => {
    const token = mock.context.issuer.sign({ exp: Math.floor(Date.now() / 1000) + 60, iat: 0, realm_access: { roles: ['preprocessing_pipeline'] } });
    assert.equal((await extract(mock, params, { token })).status, 401);
  });

  it('user without the preprocessing_pipeline role → 403 with a Bearer challenge', async () => {
    const token = mock.issueToken({ username: 'testuser', roles: ['offline_access'] });
    for (const call of [extract(mock, params, { token }), submit(mock, '', { token })]) {
      const result = await call;
      assert.equal(result.status, 403);
      assert.match(String(result.headers['www-authenticate']), /^Bearer error="insufficient_scope"/);
    }
  });

  it('accepts a configured static token', async () => {
    assert.equal((await extract(mock, params, { token: 'static-pipeline' })).status, 200);
  });

  it('echoes x-request-id, or generates one', async () => {
    const echoed = await post(`${mock.backendUrl('dummyOrganism')}/extract-unprocessed-data?numberOfSequenceEntries=0&pipelineVersion=1`, {
      headers: { ...bearer(mock.issueToken()), 'x-request-id': 'abc-123' },
    });
    assert.equal(echoed.headers['x-request-id'], 'abc-123');
    const generated = await extract(mock, params, { token: null });
    assert.match(String(generated.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });
});
