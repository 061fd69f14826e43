/**
 * `POST {backendHost}/extract-unprocessed-data` (backend-contract.md §3): streamed NDJSON,
 * parsed line by line as it arrives, ETag / 304 handling, the backend's in-stream error line.
 */
import type { Logger } from 'pino';
import { OutdatedPipelineVersionError } from '../shared/errors.js';
import { parseEntryLine, type ParsedLine } from '../pipeline/parse.js';
import { readNdjsonLines } from './ndjson.js';
import { errorFromResponse, httpCall, type HttpCall } from './http.js';

const BACKEND_STREAM_ERROR = 'An unexpected error occurred while streaming';

export type ExtractResult =
  | { kind: 'not_modified'; etag: string | null }
  | {
      kind: 'batch';
      etag: string | null;
      lines: ParsedLine[];
      /** Set when the stream ended abnormally; the lines received before that are kept. */
      streamError: string | null;
    };

export interface ExtractRequest {
  backendHost: string;
  token: string;
  numberOfSequenceEntries: number;
  pipelineVersion: number;
  etag: string | null;
  timeoutMs: number;
  maxLineBytes: number;
  signal?: AbortSignal;
  logger: Logger;
  http?: Partial<HttpCall>;
}

export async function extractUnprocessedData(req: ExtractRequest): Promise<ExtractResult> {
  const form = new URLSearchParams({
    numberOfSequenceEntries: String(req.numberOfSequenceEntries),
    pipelineVersion: String(req.pipelineVersion),
  });
  const headers: Record<string, string> = {
    authorization: `Bearer ${req.token}`,
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/x-ndjson',
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  const response = await httpCall({
    endpoint: 'extract',
    method: 'POST',
    url: `${req.backendHost.replace(/\/+$/, '')}/extract-unprocessed-data`,
    headers,
    body: form.toString(),
    timeoutMs: req.timeoutMs,
    signal: req.signal,
    ...req.http,
  });
  const etag = headerValue(response.headers.etag);
  const log = req.logger.child({ requestId: response.requestId, echoedRequestId: headerValue(response.headers['x-request-id']) });

  if (response.statusCode === 304) {
    await response.body.dump();
    return { kind: 'not_modified', etag: etag ?? req.etag };
  }
  if (response.statusCode !== 200) {
    const error = await errorFromResponse(response, 'extract');
    if (response.statusCode === 422 && /not accepted anymore/.test(error.message)) {
      throw new OutdatedPipelineVersionError((error as { detail?: string }).detail ?? error.message);
    }
    throw error;
  }

  const lines: ParsedLine[] = [];
  let streamError: string | null = null;
  try {
    for await (const item of readNdjsonLines(response.body, req.maxLineBytes)) {
      if (item.kind === 'line' && item.text.startsWith(BACKEND_STREAM_ERROR)) {
        streamError = item.text.slice(0, 500);
        break;
      }
      // Lines that name no entry are logged by the pipeline, which sees them all.
      lines.push(parseEntryLine(item));
    }
  } catch (error) {
    streamError = `extract stream broke after ${lines.length} entries: ${(error as Error).message}`;
  }
  if (streamError) {
    log.warn({ received: lines.length, streamError }, 'extract stream ended abnormally; processing the entries received');
    await response.body.dump().catch(() => undefined);
  }
  return { kind: 'batch', etag, lines, streamError };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

