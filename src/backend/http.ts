/**
 * One HTTP call to the backend or Keycloak: timeout, fresh `x-request-id`, metrics, and
 * classification of failures into retryable and permanent errors.
 */
import { randomUUID } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { BackendRejectedError, PreproError, TransientBackendError } from '../shared/errors.js';
import { codeClass, type BackendEndpoint, type Metrics } from '../server/metrics.js';
import { parseRetryAfter } from './retry.js';

export interface HttpCall {
  endpoint: BackendEndpoint;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer | AsyncIterable<Uint8Array | string>;
  /**
   * Time allowed until the response headers arrive and between body chunks (the reference's
   * `requests` timeout). The whole call, body included, is also capped at 10 × this, so a body
   * that trickles in never holds a batch indefinitely, while a large batch streamed at a normal
   * pace is not cut off.
   */
  timeoutMs: number;
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  metrics?: Metrics;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: Dispatcher.ResponseData['body'];
  requestId: string;
  startedAt: number;
}

const TRANSIENT_STATUSES = new Set([408, 429]);

export async function httpCall(call: HttpCall): Promise<HttpResponse> {
  const requestId = randomUUID();
  const startedAt = performance.now();
  const signals = [AbortSignal.timeout(call.timeoutMs * 10)];
  if (call.signal) signals.push(call.signal);
  let response: Dispatcher.ResponseData;
  try {
    response = await request(call.url, {
      method: call.method,
      headers: { 'x-request-id': requestId, ...call.headers },
      body: call.body as Dispatcher.RequestOptions['body'],
      headersTimeout: call.timeoutMs,
      bodyTimeout: call.timeoutMs,
      signal: AbortSignal.any(signals),
      dispatcher: call.dispatcher,
    });
  } catch (error) {
    const kind = isTimeout(error) ? 'timeout' : 'network';
    call.metrics?.backendRequests.inc({ endpoint: call.endpoint, code_class: kind });
    if (call.signal?.aborted) throw error;
    throw new TransientBackendError(`${call.endpoint} request failed (${kind}): ${(error as Error).message}`, { cause: error });
  }
  call.metrics?.backendRequests.inc({ endpoint: call.endpoint, code_class: codeClass(response.statusCode) });
  call.metrics?.backendDuration.observe({ endpoint: call.endpoint }, (performance.now() - startedAt) / 1000);
  return { statusCode: response.statusCode, headers: response.headers, body: response.body, requestId, startedAt };
}

function isTimeout(error: unknown): boolean {
  const code = (error as { code?: string; name?: string })?.code;
  const name = (error as { name?: string })?.name;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || name === 'TimeoutError';
}

/** Reads a (problem+json or text) error body and turns the status into the right error class. */
export async function errorFromResponse(response: HttpResponse, what: string): Promise<PreproError> {
  const text = await readText(response, 64 * 1024);
  const detail = problemDetail(text);
  const status = response.statusCode;
  if (status >= 500 || TRANSIENT_STATUSES.has(status)) {
    return new TransientBackendError(`${what} answered ${status}: ${detail}`, {
      status,
      retryAfterMs: parseRetryAfter(response.headers['retry-after']),
    });
  }
  return new BackendRejectedError(status, detail);
}

export function problemDetail(text: string): string {
  try {
    const json = JSON.parse(text) as { detail?: unknown; error_description?: unknown; title?: unknown };
    const detail = json.detail ?? json.error_description ?? json.title;
    if (typeof detail === 'string' && detail) return detail;
  } catch {
    /* not JSON: use the text */
  }
  return text.slice(0, 2000) || '(empty body)';
}

/** Reads at most `limit` bytes of a body and discards the rest. */
export async function readText(response: HttpResponse, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      if (size < limit) {
        const buffer = Buffer.from(chunk as Uint8Array);
        chunks.push(buffer.subarray(0, limit - size));
        size += buffer.length;
      }
    }
  } catch {
    /* a broken error body still leaves us the status */
  }
  return Buffer.concat(chunks).toString('utf8');
}
