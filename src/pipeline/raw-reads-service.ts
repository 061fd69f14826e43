/**
 * The raw reads processing service (preprocessing-config.md §6.6): `POST <url>/process-files` with
 * the entry's raw read files; the service answers the problems it found, which become `File` errors
 * on the entry. A service that fails becomes an internal error on that entry only.
 */
import type { Annotation, FileReference } from '../contract/entries.js';
import { errorFromResponse, httpCall, readText } from '../backend/http.js';
import { withRetry } from '../backend/retry.js';
import { BackendRejectedError } from '../shared/errors.js';

export interface RawReadsRequest {
  serviceUrl: string;
  timeoutMs: number;
  accessionVersion: string;
  files: FileReference[];
  signal?: AbortSignal;
}

const RETRY = { retries: 2, baseDelayMs: 500, maxDelayMs: 5000 };

export async function checkRawReads(req: RawReadsRequest): Promise<Annotation[]> {
  let text: string;
  try {
    text = await withRetry(
      async () => {
        const response = await httpCall({
          endpoint: 'raw_reads',
          method: 'POST',
          url: `${req.serviceUrl.replace(/\/+$/, '')}/process-files`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ files: req.files.map((f) => ({ fileId: f.fileId, name: f.name, url: f.url ?? null })), accessionVersion: req.accessionVersion }),
          timeoutMs: req.timeoutMs,
          signal: req.signal,
        });
        if (response.statusCode >= 200 && response.statusCode < 300) return readText(response, 16 * 1024 * 1024);
        throw await errorFromResponse(response, 'raw reads processing service');
      },
      { policy: RETRY, signal: req.signal },
    );
  } catch (error) {
    if (error instanceof BackendRejectedError) return [internalError('Raw reads processing service failed.')];
    const status = (error as { status?: number }).status;
    if (status !== undefined) return [internalError(`Raw reads processing service failed: ${(error as Error).message}.`)];
    return [internalError(`Raw reads processing request failed: ${(error as Error).message}.`)];
  }
  return problemsOf(text);
}

function problemsOf(text: string): Annotation[] {
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return [internalError('Raw reads processing service answered something that is not JSON.')];
  }
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((problem) => {
    const p = problem as { fileNames?: unknown; message?: unknown };
    const name = Array.isArray(p.fileNames) ? p.fileNames.map(String).join(', ') : 'rawReads';
    const field = { name, type: 'File' as const };
    return { unprocessedFields: [field], processedFields: [field], message: String(p.message ?? 'The raw reads processing service reported a problem.'), category: 'file' as const };
  });
}

function internalError(text: string): Annotation {
  const field = { name: 'rawReads', type: 'File' as const };
  return { unprocessedFields: [field], processedFields: [field], message: `Internal Error. ${text} Please contact the administrator.`, category: 'internal' };
}
