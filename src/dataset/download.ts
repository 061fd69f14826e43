/** Small HTTP GET with timeouts and retries for dataset files (undici). */
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { backoffDelay } from '../backend/retry.js';

export interface DownloadOptions {
  signal?: AbortSignal;
  /** Per request, for headers and for body inactivity. */
  timeoutMs?: number;
  /** Per attempt, for the whole answer: a body trickling in just under timeoutMs still ends. */
  deadlineMs?: number;
  /** Attempts after the first, for network errors, timeouts and 5xx/429 answers (default 3). */
  retries?: number;
  /** Upper bound on the body size. */
  maxBytes?: number;
}

export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

async function getOnce(url: string, opts: DownloadOptions): Promise<Buffer> {
  const timeout = opts.timeoutMs ?? 30_000;
  const deadlineMs = opts.deadlineMs ?? 300_000;
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, deadline]) : deadline;
  const failure = (error: unknown) =>
    new DownloadError(`GET ${url}: ${deadline.aborted ? `no complete answer within ${deadlineMs} ms` : (error as Error).message}`, true);
  let response;
  try {
    response = await request(url, { method: 'GET', signal, headersTimeout: timeout, bodyTimeout: timeout });
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    throw failure(error);
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    const retryable = response.statusCode >= 500 || response.statusCode === 429;
    throw new DownloadError(`GET ${url}: HTTP ${response.statusCode}`, retryable);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const limit = opts.maxBytes ?? 512 * 1024 * 1024;
  try {
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        response.body.destroy();
        throw new DownloadError(`GET ${url}: body larger than ${limit} bytes`, false);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof DownloadError || opts.signal?.aborted) throw error;
    throw failure(error);
  }
  return Buffer.concat(chunks);
}

export async function download(url: string, opts: DownloadOptions = {}): Promise<Buffer> {
  // Only a whole, non-negative count bounds the loop below (NaN would retry for ever).
  const retries = Number.isInteger(opts.retries) && opts.retries! >= 0 ? opts.retries! : 3;
  const policy = { retries, baseDelayMs: 250, maxDelayMs: 5_000 };
  for (let attempt = 0; ; attempt++) {
    try {
      return await getOnce(url, opts);
    } catch (error) {
      if (!(error instanceof DownloadError) || !error.retryable || attempt >= retries) throw error;
      await sleep(backoffDelay(attempt, policy), undefined, { signal: opts.signal });
    }
  }
}
