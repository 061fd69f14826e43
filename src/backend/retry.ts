/**
 * Retry policy: exponential backoff with full jitter and a cap; only errors marked retryable are
 * retried; a `Retry-After` hint is honoured (conventions.md §9.3).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PreproError, ShutdownError, TransientBackendError } from '../shared/errors.js';

export interface RetryPolicy {
  /** Attempts after the first; Infinity retries until the signal aborts. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: {
    policy?: RetryPolicy;
    signal?: AbortSignal;
    onRetry?: (error: PreproError, attempt: number, delayMs: number) => void;
  } = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof PreproError) || !error.retryable || attempt >= policy.retries) throw error;
      if (options.signal?.aborted) throw new ShutdownError();
      let delay = backoffDelay(attempt, policy);
      if (error instanceof TransientBackendError && error.retryAfterMs !== undefined) {
        delay = Math.min(Math.max(delay, error.retryAfterMs), policy.maxDelayMs * 4);
      }
      options.onRetry?.(error, attempt + 1, delay);
      try {
        await sleep(delay, undefined, { signal: options.signal });
      } catch {
        throw new ShutdownError();
      }
    }
  }
}

/** Parses `Retry-After` (seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
