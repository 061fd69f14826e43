/**
 * Keycloak password-grant login with a cached token, refreshed 5 minutes before `exp`
 * (backend-contract.md §2). The password never leaves this object except in the form body.
 */
import type { Dispatcher } from 'undici';
import { AuthError, BackendRejectedError } from '../shared/errors.js';
import type { Metrics } from '../server/metrics.js';
import { errorFromResponse, httpCall, readText } from './http.js';

const REFRESH_MARGIN_SECONDS = 300;

export interface TokenSourceOptions {
  keycloakHost: string;
  tokenPath: string;
  user: string;
  password: string;
  timeoutMs: number;
  dispatcher?: Dispatcher;
  metrics?: Metrics;
  now?: () => number;
}

export class TokenSource {
  #options: TokenSourceOptions;
  #token: string | null = null;
  #expiresAt = 0;
  #pending: Promise<string> | null = null;

  constructor(options: TokenSourceOptions) {
    this.#options = options;
  }

  /** A valid access token, logging in again when none is cached or it expires within 5 minutes. */
  async token(signal?: AbortSignal): Promise<string> {
    const now = (this.#options.now ?? Date.now)() / 1000;
    if (this.#token && now < this.#expiresAt - REFRESH_MARGIN_SECONDS) return this.#token;
    this.#pending ??= this.#login(signal).finally(() => {
      this.#pending = null;
    });
    return this.#pending;
  }

  /** Forget the cached token (after a 401), so the next call logs in again. */
  invalidate(): void {
    this.#token = null;
    this.#expiresAt = 0;
  }

  get expiresAt(): number {
    return this.#expiresAt;
  }

  toJSON(): string {
    return '[TokenSource]';
  }

  async #login(signal?: AbortSignal): Promise<string> {
    const o = this.#options;
    const url = `${o.keycloakHost.replace(/\/+$/, '')}/${o.tokenPath.replace(/^\/+/, '')}`;
    const form = new URLSearchParams({ grant_type: 'password', client_id: 'backend-client', username: o.user, password: o.password });
    const response = await httpCall({
      endpoint: 'token',
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      timeoutMs: o.timeoutMs,
      signal,
      dispatcher: o.dispatcher,
      metrics: o.metrics,
    });
    if (response.statusCode !== 200) {
      const error = await errorFromResponse(response, 'Keycloak');
      if (error instanceof BackendRejectedError) throw new AuthError(`Keycloak login as '${o.user}' failed (${error.status}): ${error.detail}`);
      throw error;
    }
    const text = await readText(response, 1024 * 1024);
    let accessToken: unknown;
    try {
      accessToken = (JSON.parse(text) as { access_token?: unknown }).access_token;
    } catch {
      accessToken = undefined;
    }
    if (typeof accessToken !== 'string' || !accessToken) throw new AuthError('Keycloak answered without an access_token', { retryable: true });
    this.#token = accessToken;
    this.#expiresAt = tokenExpiry(accessToken) ?? (o.now ?? Date.now)() / 1000 + 600;
    return accessToken;
  }
}

/** `exp` of a JWT, read without verifying the signature (we only need to know when to refresh). */
export function tokenExpiry(jwt: string): number | null {
  const payload = jwt.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp : null;
  } catch {
    return null;
  }
}
