/**
 * The worker's view of the backend: login, extract, submit — each with a timeout and a retry
 * policy, and one re-login on 401 before the 401 counts as a failure.
 */
import type { Logger } from 'pino';
import type { ProcessedEntry } from '../contract/entries.js';
import { AuthError, BackendRejectedError, type PreproError } from '../shared/errors.js';
import type { ParsedConfig } from '../config/schema.js';
import type { Metrics } from '../server/metrics.js';
import { extractUnprocessedData, type ExtractResult } from './extract.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { submitProcessedData, submitWithIsolation, type SubmitReport } from './submit.js';
import { TokenSource } from './token.js';

export interface BackendClientOptions {
  config: ParsedConfig;
  logger: Logger;
  metrics?: Metrics;
  retry?: RetryPolicy;
}

export class BackendClient {
  readonly tokens: TokenSource;
  #config: ParsedConfig;
  #logger: Logger;
  #metrics: Metrics | undefined;
  #retry: RetryPolicy;

  constructor(options: BackendClientOptions) {
    const c = options.config;
    this.#config = c;
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.tokens = new TokenSource({
      keycloakHost: c.keycloak_host,
      tokenPath: c.keycloak_token_path,
      user: c.keycloak_user,
      password: c.keycloak_password,
      timeoutMs: 10_000,
      metrics: options.metrics,
    });
  }

  async extract(count: number, etag: string | null, signal?: AbortSignal): Promise<ExtractResult> {
    return this.#authenticated('extract', signal, (token) =>
      extractUnprocessedData({
        backendHost: this.#config.backend_host,
        token,
        numberOfSequenceEntries: count,
        pipelineVersion: this.#config.pipeline_version,
        etag,
        timeoutMs: this.#config.backend_request_timeout_seconds * 1000,
        maxLineBytes: this.#config.max_line_bytes,
        signal,
        logger: this.#logger,
        http: { metrics: this.#metrics },
      }),
    );
  }

  async submit(entries: ProcessedEntry[], options: { signal?: AbortSignal; logger?: Logger } = {}): Promise<SubmitReport> {
    const logger = options.logger ?? this.#logger;
    const request = {
      backendHost: this.#config.backend_host,
      pipelineVersion: this.#config.pipeline_version,
      timeoutMs: this.#config.backend_request_timeout_seconds * 1000,
      signal: options.signal,
      logger,
      metrics: this.#metrics,
    };
    // Each request of the isolation procedure gets its own retries and re-login.
    const send = (lines: string[]) => this.#authenticated('submit', options.signal, (token) => submitProcessedData(request, token, lines));
    return submitWithIsolation(entries, send, { logger, metrics: this.#metrics });
  }

  /** `call` with a valid token: a 401 gets one fresh login and one more try, then counts as an AuthError. */
  async #authenticated<T>(operation: string, signal: AbortSignal | undefined, call: (token: string) => Promise<T>): Promise<T> {
    let reloggedIn = false;
    return withRetry(
      async () => {
        for (;;) {
          try {
            return await call(await this.tokens.token(signal));
          } catch (error) {
            if (!(error instanceof BackendRejectedError) || (error.status !== 401 && error.status !== 403)) throw error;
            if (error.status === 401 && !reloggedIn) {
              reloggedIn = true;
              this.tokens.invalidate();
              this.#logger.info({ operation }, 'backend refused the token (401); logging in again');
              continue;
            }
            throw new AuthError(`backend refused our credentials on ${operation} (${error.status}): ${error.detail}`, { cause: error });
          }
        }
      },
      {
        policy: this.#retry,
        signal,
        onRetry: (error: PreproError, attempt, delayMs) => {
          this.#metrics?.retries.inc({ operation });
          this.#logger.warn({ operation, attempt, delayMs, err: error.message }, 'backend call failed; retrying');
        },
      },
    );
  }
}
