/**
 * `POST /{organism}/submit-processed-data` (backend-contract.md §5, §6).
 *
 * The body is read line by line and parsed in chunks of 1000 (a bad line is a 400), file
 * mappings are checked per chunk, then every line gets the row-state checks and — only when it
 * carries no errors — the organism check, upper-casing and the content rules. The request is one
 * transaction: nothing is written unless every line passed. Because the checks and the writes run
 * synchronously, no other request can observe or change the rows in between.
 */
import type { FastifyInstance } from 'fastify';
import { toPlainJson } from '../contract/lossless-json.js';
import { type SubmitFailure, type SubmittedData, type SubmittedEntry, deserialiseProcessedLine } from '../contract/submitted-entry.js';
import { isFailure, storedIfValid } from '../contract/validate.js';
import type { MockContext } from './context.js';
import { validateFileMappings } from './file-mappings.js';
import { pipelineGate } from './gate.js';
import { sendProblem } from './problem.js';
import { type MockStore, type PreprocessedRow, rowKey } from './store.js';

const CHUNK_SIZE = 1000;

interface StagedUpdate {
  row: PreprocessedRow;
  entry: SubmittedEntry;
  stored: SubmittedData;
}

/** Splits like Kotlin's `lineSequence()`, tolerating exactly one trailing newline. */
export function splitNdjsonLines(body: string): string[] {
  if (body === '') return [];
  const lines = body.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The row that this line may update, or the backend's answer (§5.5). */
function checkRowState(store: MockStore, entry: SubmittedEntry, pipelineVersion: number, consumed: Set<string>): PreprocessedRow | SubmitFailure {
  const av = `${entry.accession}.${entry.version}`;
  const rows = store.rowsOf(entry.accession, entry.version);
  const awaiting = (row: PreprocessedRow) => row.status === 'IN_PROCESSING' && !consumed.has(rowKey(row.accession, row.version, row.pipelineVersion));
  const own = rows.find((row) => row.pipelineVersion === pipelineVersion);
  if (own && awaiting(own)) return own;
  const othersAwaiting = rows.filter((row) => row.pipelineVersion !== pipelineVersion && awaiting(row));
  if (othersAwaiting.length === 0) {
    return { status: 422, detail: `Accession version ${av} does not exist or is not awaiting any processing results` };
  }
  if (own) {
    return { status: 500, detail: `Update processed data: Unexpected error for accession versions ${av}` };
  }
  return { status: 422, detail: `Accession version ${av} is not awaiting processing results of version ${pipelineVersion} (anymore)` };
}

function checkLine(store: MockStore, organism: string, entry: SubmittedEntry, pipelineVersion: number, consumed: Set<string>): StagedUpdate | SubmitFailure {
  const row = checkRowState(store, entry, pipelineVersion, consumed);
  if (isFailure(row)) return row;
  if (entry.errors.length > 0) return { row, entry, stored: entry.data };
  if (row.organism !== organism) {
    return {
      status: 422,
      detail: `Accession version ${entry.accession}.${entry.version} is for organism ${row.organism}, but submitted data is for organism ${organism}`,
    };
  }
  const stored = storedIfValid(entry.data, store.organisms[organism]);
  if (isFailure(stored)) return stored;
  return { row, entry, stored };
}

/** Checks a whole request; returns the staged updates, or the first failure. Writes nothing. */
export function checkSubmission(store: MockStore, organism: string, pipelineVersion: number, body: string): StagedUpdate[] | SubmitFailure {
  const lines = splitNdjsonLines(body);
  const staged: StagedUpdate[] = [];
  const consumed = new Set<string>();
  for (let start = 0; start < lines.length; start += CHUNK_SIZE) {
    const entries: SubmittedEntry[] = [];
    for (const line of lines.slice(start, start + CHUNK_SIZE)) {
      const parsed = deserialiseProcessedLine(line);
      if (!parsed.ok) return parsed.failure;
      entries.push(parsed.entry);
    }
    const fileFailure = validateFileMappings(store, organism, store.organisms[organism], entries);
    if (fileFailure) return fileFailure;
    for (const entry of entries) {
      const result = checkLine(store, organism, entry, pipelineVersion, consumed);
      if (isFailure(result)) return result;
      consumed.add(rowKey(result.row.accession, result.row.version, result.row.pipelineVersion));
      staged.push(result);
    }
  }
  return staged;
}

function storedForm(update: StagedUpdate): Pick<PreprocessedRow, 'processedData' | 'errors' | 'warnings'> {
  const data = update.stored;
  return {
    processedData: { ...data, metadata: toPlainJson(data.metadata) },
    errors: update.entry.errors,
    warnings: update.entry.warnings,
  };
}

export function registerSubmitRoute(app: FastifyInstance, ctx: MockContext): void {
  app.post<{ Params: { organism: string }; Querystring: Record<string, string | undefined> }>(
    '/:organism/submit-processed-data',
    async (request, reply) => {
      const organism = await pipelineGate(ctx, 'submit', request, reply);
      if (organism === null) return reply;
      const raw = request.query.pipelineVersion;
      if (raw === undefined) return sendProblem(request, reply, 400, "Required request parameter 'pipelineVersion' for method parameter type Long is not present");
      if (!/^[+-]?\d+$/.test(raw)) {
        return sendProblem(request, reply, 400, `Failed to convert value of type 'java.lang.String' to required type 'java.lang.Long'; For input string: "${raw}"`);
      }
      const body = typeof request.body === 'string' ? request.body : '';
      const result = checkSubmission(ctx.store, organism, Number(raw), body);
      if (!Array.isArray(result)) return sendProblem(request, reply, result.status, result.detail);
      for (const update of result) ctx.store.finishProcessing(update.row, storedForm(update));
      return reply.code(204).send();
    },
  );
}
