/**
 * Error classes that say whether to retry (conventions.md §10: encode retry semantics in types).
 * Every error carries a stable code; docs/errors.md documents each one and a test keeps the two in sync.
 */
export const ERROR_CODES = {
  PREPRO_CONFIG_INVALID: 'The configuration failed validation; every problem is listed with its key path.',
  PREPRO_CONFIG_UNREADABLE: 'The configuration file could not be read or is not valid YAML.',
  PREPRO_INPUT_UNREADABLE: 'The input file of `prepro process` could not be opened or read.',
  PREPRO_DATASET_UNAVAILABLE: 'A Nextclade dataset could not be found, downloaded or parsed.',
  PREPRO_BACKEND_TRANSIENT: 'A backend or Keycloak call failed in a way that may succeed later (network error, timeout, 408, 429, 5xx).',
  PREPRO_BACKEND_REJECTED: 'The backend refused a request permanently (4xx other than 408/429); not retried.',
  PREPRO_AUTH_FAILED: 'Keycloak refused the credentials, or the backend refused the token after a fresh login.',
  PREPRO_PIPELINE_VERSION_OUTDATED: 'The backend no longer accepts this pipeline version (422 on extract).',
  PREPRO_SHUTDOWN: 'Work was cancelled because the worker is shutting down.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class PreproError extends Error {
  readonly code: ErrorCode;
  /** True when the same call may succeed if tried again later. */
  readonly retryable: boolean;
  constructor(code: ErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}

export class ConfigError extends PreproError {
  readonly problems: string[];
  constructor(problems: string[], code: ErrorCode = 'PREPRO_CONFIG_INVALID') {
    super(code, `invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export class TransientBackendError extends PreproError {
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super('PREPRO_BACKEND_TRANSIENT', message, { retryable: true, cause: options.cause });
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export class BackendRejectedError extends PreproError {
  readonly status: number;
  readonly detail: string;
  constructor(status: number, detail: string) {
    super('PREPRO_BACKEND_REJECTED', `backend answered ${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

export class AuthError extends PreproError {
  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super('PREPRO_AUTH_FAILED', message, options);
  }
}

export class OutdatedPipelineVersionError extends PreproError {
  readonly currentVersion: number | null;
  constructor(detail: string) {
    super('PREPRO_PIPELINE_VERSION_OUTDATED', detail);
    const match = /current pipeline version is (\d+)/.exec(detail);
    this.currentVersion = match ? Number(match[1]) : null;
  }
}

export class ShutdownError extends PreproError {
  constructor() {
    super('PREPRO_SHUTDOWN', 'cancelled: the worker is shutting down');
  }
}
