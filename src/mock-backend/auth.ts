/**
 * Keycloak stand-in and the backend's bearer-token checks (backend-contract.md §2).
 *
 * Tokens are JWTs signed HS256 with a per-instance secret (the real realm uses RS256; clients
 * never verify, they only decode `exp`). Claims: `exp`, `iat`, `preferred_username`,
 * `realm_access.roles`. Only signature and `exp` are checked, as in the backend.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface MockUser {
  username: string;
  password: string;
  roles: string[];
}

export interface TokenClaims {
  exp: number;
  iat: number;
  preferred_username?: string;
  realm_access?: { roles?: string[] };
  /** Tokens issued before `invalidateAll()` carry an older generation and are refused. */
  mock_generation?: number;
}

export const PIPELINE_ROLE = 'preprocessing_pipeline';
export const DEFAULT_USERS: MockUser[] = [
  { username: 'preprocessing_pipeline', password: 'preprocessing_pipeline', roles: ['preprocessing_pipeline', 'offline_access'] },
];
const RFC6750 = 'https://tools.ietf.org/html/rfc6750#section-3.1';

export interface AuthFailure {
  status: 401 | 403;
  wwwAuthenticate?: string;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export interface TokenIssuerOptions {
  lifetimeSeconds: number;
  /** Tolerance on `exp`; Spring's default is 60 s, the mock defaults to 0 so expiry tests are quick. */
  clockSkewSeconds: number;
  now: () => number;
}

export class TokenIssuer {
  #secret = randomBytes(32);
  #generation = 0;
  constructor(readonly options: TokenIssuerOptions) {}

  issue(username: string, roles: string[], lifetimeSeconds = this.options.lifetimeSeconds): { token: string; claims: TokenClaims } {
    const iat = Math.floor(this.options.now() / 1000);
    const claims: TokenClaims = {
      exp: iat + lifetimeSeconds,
      iat,
      preferred_username: username,
      realm_access: { roles },
      mock_generation: this.#generation,
    };
    return { token: this.sign(claims), claims };
  }

  /** Signs arbitrary claims (tests use it for tokens without a username or with odd roles). */
  sign(claims: object): string {
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(JSON.stringify(claims));
    const signature = createHmac('sha256', this.#secret).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  }

  /** Makes every token issued so far invalid (a 401 for clients still holding one). */
  invalidateAll(): void {
    this.#generation++;
  }

  verify(token: string): { ok: true; claims: TokenClaims } | { ok: false; reason: string } {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'Malformed token' };
    const expected = createHmac('sha256', this.#secret).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2], 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'Signed JWT rejected: Invalid signature' };
    let claims: TokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
    } catch {
      return { ok: false, reason: 'Malformed payload' };
    }
    const now = this.options.now() / 1000;
    if (typeof claims.exp !== 'number' || now >= claims.exp + this.options.clockSkewSeconds) {
      return { ok: false, reason: `Jwt expired at ${new Date((claims.exp ?? 0) * 1000).toISOString()}` };
    }
    if ((claims.mock_generation ?? 0) < this.#generation) return { ok: false, reason: 'Token revoked by the mock' };
    return { ok: true, claims };
  }
}

function invalidToken(reason: string): AuthFailure {
  const description = reason.replace(/"/g, "'");
  return { status: 401, wwwAuthenticate: `Bearer error="invalid_token", error_description="${description}", error_uri="${RFC6750}"` };
}

/**
 * The security filter in front of both pipeline endpoints: null when the caller may proceed.
 * No bearer token on a POST → 403 (CSRF applies to non-bearer requests); bad or expired token,
 * or one without `preferred_username` → 401; valid token without the role → 403.
 */
export function authorizePipelineCall(
  authorization: string | undefined,
  issuer: TokenIssuer,
  staticTokens: Record<string, { username: string; roles: string[] }>,
): AuthFailure | null {
  if (!authorization || !/^bearer /i.test(authorization)) return { status: 403 };
  const token = authorization.slice(7).trim();
  let username: string | undefined;
  let roles: string[];
  const fixed = staticTokens[token];
  if (fixed) {
    username = fixed.username;
    roles = fixed.roles;
  } else {
    const verified = issuer.verify(token);
    if (!verified.ok) return invalidToken(verified.reason);
    username = verified.claims.preferred_username;
    roles = verified.claims.realm_access?.roles ?? [];
  }
  if (!username) return invalidToken('Missing claim preferred_username');
  if (!roles.includes(PIPELINE_ROLE)) {
    return {
      status: 403,
      wwwAuthenticate: `Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", error_uri="${RFC6750}"`,
    };
  }
  return null;
}

export type TokenGrantResult =
  | { status: 200; body: Record<string, unknown> }
  | { status: 400 | 401; body: { error: string; error_description: string } };

/** The password grant of Keycloak's token endpoint, answered the way Keycloak does. */
export function passwordGrant(form: URLSearchParams, users: MockUser[], issuer: TokenIssuer): TokenGrantResult {
  if (form.get('grant_type') !== 'password') {
    return { status: 400, body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant_type' } };
  }
  if (form.get('client_id') !== 'backend-client') {
    return { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' } };
  }
  const user = users.find((u) => u.username === form.get('username') && u.password === form.get('password'));
  if (!user) return { status: 401, body: { error: 'invalid_grant', error_description: 'Invalid user credentials' } };
  const { token, claims } = issuer.issue(user.username, user.roles);
  return {
    status: 200,
    body: {
      access_token: token,
      expires_in: claims.exp - claims.iat,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'profile email',
    },
  };
}
