/**
 * `POST /{organism}/extract-unprocessed-data` (backend-contract.md §3, §4, §7.1).
 *
 * Parameters come from the query string or a form body. The ETag is computed before claiming
 * (claiming is itself a write, hence the A → 200 empty + B → 304 sequence). Entries are claimed
 * for (accession, version, pipelineVersion) in accession order and streamed as NDJSON, one
 * `\n`-terminated line each; claims stay even when the stream is cut.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MockContext } from './context.js';
import { STREAM_ERROR_PREFIX } from './faults.js';
import { pipelineGate, sleep } from './gate.js';
import { sendProblem } from './problem.js';
import type { SequenceEntry } from './store.js';

export const MAX_EXTRACTED_SEQUENCE_ENTRIES = 100000;

type ExtractRequest = FastifyRequest<{ Params: { organism: string } }>;

/** Query parameters first, then a form body (Spring's @RequestParam reads both). */
function requestParameters(request: ExtractRequest): URLSearchParams {
  const params = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
  const contentType = request.headers['content-type'] ?? '';
  if (typeof request.body === 'string' && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(request.body)) if (!params.has(key)) params.set(key, value);
  }
  return params;
}

/** Parses a required numeric parameter like Spring does, or returns the 400 detail. */
function numberParameter(params: URLSearchParams, name: string, javaType: 'java.lang.Integer' | 'java.lang.Long'): number | string {
  const raw = params.get(name);
  if (raw === null) return `Required request parameter '${name}' for method parameter type ${javaType.split('.').pop()} is not present`;
  const limit = javaType === 'java.lang.Integer' ? 2 ** 31 : 2 ** 63;
  const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || value < -limit || value >= limit) {
    return `Failed to convert value of type 'java.lang.String' to required type '${javaType}'; For input string: "${raw}"`;
  }
  return value;
}

function acceptsNdjson(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept
    .split(',')
    .map((part) => part.split(';')[0].trim().toLowerCase())
    .some((type) => type === 'application/x-ndjson' || type === 'application/*' || type === '*/*');
}

export function unprocessedLine(entry: SequenceEntry): string {
  return `${JSON.stringify({
    accession: entry.accession,
    version: entry.version,
    data: { metadata: entry.metadata, unalignedNucleotideSequences: entry.unalignedNucleotideSequences, files: entry.files },
    submissionId: entry.submissionId,
    submitter: entry.submitter,
    groupId: entry.groupId,
    submittedAt: entry.submittedAt,
  })}\n`;
}

async function writeLine(raw: FastifyReply['raw'], text: string): Promise<void> {
  if (raw.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      raw.off('drain', done);
      raw.off('close', done);
      resolve();
    };
    raw.on('drain', done);
    raw.on('close', done);
  });
}

async function streamEntries(ctx: MockContext, request: ExtractRequest, reply: FastifyReply, etag: string, entries: SequenceEntry[], streamError: string | null): Promise<void> {
  const slow = ctx.faults.take('extract', ['slowStream']);
  const cut = ctx.faults.take('extract', ['drop', 'errorLine']);
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { 'content-type': 'application/x-ndjson', etag, 'x-request-id': request.id });
  raw.flushHeaders();
  let written = 0;
  for (const entry of entries) {
    if (raw.destroyed) return;
    if (cut && written >= cut.afterLines) break;
    if (slow) await sleep(slow.perLineMs);
    await writeLine(raw, unprocessedLine(entry));
    written++;
  }
  if (raw.destroyed) return;
  if (cut?.kind === 'drop') {
    raw.socket?.resetAndDestroy();
    return;
  }
  if (cut?.kind === 'errorLine') streamError = cut.message ?? 'Injected streaming failure';
  // The backend appends this non-JSON line, without a newline, and ends the 200 response.
  if (streamError !== null) raw.write(`${STREAM_ERROR_PREFIX}${streamError}`);
  raw.end();
}

export function registerExtractRoute(app: FastifyInstance, ctx: MockContext): void {
  app.post<{ Params: { organism: string } }>('/:organism/extract-unprocessed-data', async (request, reply) => {
    const organism = await pipelineGate(ctx, 'extract', request, reply);
    if (organism === null) return reply;
    const params = requestParameters(request);
    const count = numberParameter(params, 'numberOfSequenceEntries', 'java.lang.Integer');
    if (typeof count === 'string') return sendProblem(request, reply, 400, count);
    const pipelineVersion = numberParameter(params, 'pipelineVersion', 'java.lang.Long');
    if (typeof pipelineVersion === 'string') return sendProblem(request, reply, 400, pipelineVersion);
    if (count > MAX_EXTRACTED_SEQUENCE_ENTRIES) {
      return sendProblem(request, reply, 400, `extractUnprocessedData.numberOfSequenceEntries: You can extract at max ${MAX_EXTRACTED_SEQUENCE_ENTRIES} sequence entries at once.`);
    }
    if (!acceptsNdjson(request.headers.accept)) return sendProblem(request, reply, 406, 'No acceptable representation');
    const current = ctx.store.currentVersion(organism);
    if (pipelineVersion < current) {
      return sendProblem(request, reply, 422, `The processing pipeline version ${pipelineVersion} is not accepted anymore. The current pipeline version is ${current}.`);
    }
    const etag = ctx.store.etag(organism);
    if (request.headers['if-none-match'] === etag) {
      return reply.code(304).header('etag', etag).send();
    }
    if (count < 0) {
      // A negative LIMIT fails inside the already-started stream in the real backend.
      await streamEntries(ctx, request, reply, etag, [], 'ERROR: LIMIT must not be negative');
      return reply;
    }
    const entries = ctx.store.claim(organism, pipelineVersion, count);
    await streamEntries(ctx, request, reply, etag, entries, null);
    return reply;
  });
}
