/**
 * `POST {backendHost}/submit-processed-data` with isolation of rejected lines.
 *
 * The backend rolls back the whole request when one line fails (backend-contract.md §6). So on a
 * 400/422 we find the offender — by the accession.version the message names, or by bisecting —
 * resubmit everything else, and answer the offender with an error annotation, which the backend
 * always accepts. Entries whose lease we lost ("not awaiting") are dropped: the backend hands them
 * out again after the stale reset.
 */
import type { Logger } from 'pino';
import { accessionVersion, emptyProcessedData, type Annotation, type ProcessedEntry } from '../contract/entries.js';
import { serialiseProcessedEntry } from '../contract/serialise.js';
import { BackendRejectedError } from '../shared/errors.js';
import type { Metrics } from '../server/metrics.js';
import { errorFromResponse, httpCall, type HttpCall } from './http.js';

export interface SubmitRequest {
  backendHost: string;
  pipelineVersion: number;
  timeoutMs: number;
  signal?: AbortSignal;
  logger: Logger;
  metrics?: Metrics;
  http?: Partial<HttpCall>;
}

export interface SubmitReport {
  /** The entries as the backend took them (offenders with their added error; dropped ones left out). */
  accepted: ProcessedEntry[];
  /** Entries the backend rejected; resubmitted with an error annotation. */
  downgraded: string[];
  /** Entries no longer held by this pipeline version (lease lost); left to the backend. */
  dropped: string[];
  requests: number;
}

/** Sends one request; resolves on 204, throws `BackendRejectedError` on 4xx, transient errors otherwise. */
export type SubmitSender = (lines: string[]) => Promise<void>;

/** One submit request of NDJSON lines, with the given access token. */
export async function submitProcessedData(req: SubmitRequest, token: string, lines: string[]): Promise<void> {
  const response = await httpCall({
    endpoint: 'submit',
    method: 'POST',
    url: `${req.backendHost.replace(/\/+$/, '')}/submit-processed-data?pipelineVersion=${req.pipelineVersion}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: lines.join('\n') + '\n',
    timeoutMs: req.timeoutMs,
    signal: req.signal,
    metrics: req.metrics,
    ...req.http,
  });
  if (response.statusCode === 204 || response.statusCode === 200) {
    await response.body.dump();
    return;
  }
  throw await errorFromResponse(response, 'submit');
}

const LEASE_LOST = /does not exist or is not awaiting any processing results|is not awaiting processing results of version/;
const NAMED_ENTRY = /Accession version (\S+?)\.(\d+)\b/;

interface Pending {
  entry: ProcessedEntry;
  line: string;
  /** 0 = as processed; 1 = errors added (data kept); 2 = data emptied as well. */
  downgrade: number;
}

export async function submitWithIsolation(
  entries: ProcessedEntry[],
  send: SubmitSender,
  options: { logger: Logger; metrics?: Metrics },
): Promise<SubmitReport> {
  const report: SubmitReport = { accepted: [], downgraded: [], dropped: [], requests: 0 };
  const queue: Pending[][] = [entries.map((entry) => ({ entry, line: serialiseProcessedEntry(entry), downgrade: 0 }))];
  const log = options.logger;

  while (queue.length > 0) {
    const chunk = queue.shift()!;
    if (chunk.length === 0) continue;
    report.requests += 1;
    try {
      await send(chunk.map((p) => p.line));
      for (const pending of chunk) report.accepted.push(pending.entry);
      continue;
    } catch (error) {
      if (!(error instanceof BackendRejectedError) || (error.status !== 422 && error.status !== 400)) throw error;
      const detail = error.detail;
      const named = NAMED_ENTRY.exec(detail);
      const index = named ? chunk.findIndex((p) => p.entry.accession === named[1] && p.entry.version === Number(named[2])) : -1;

      if (index !== -1) {
        const offender = chunk[index]!;
        const rest = chunk.filter((_, i) => i !== index);
        const id = accessionVersion(offender.entry);
        if (LEASE_LOST.test(detail)) {
          log.warn({ accessionVersion: id, detail }, 'entry is no longer awaiting our results (lease lost); dropped, the backend will hand it out again');
          report.dropped.push(id);
          options.metrics?.submitIsolations.inc({ reason: 'named_entry' });
          queue.unshift(rest);
          continue;
        }
        options.metrics?.submitIsolations.inc({ reason: 'named_entry' });
        queue.unshift(rest, ...downgradeOrDrop(offender, detail, report, log));
        continue;
      }
      if (chunk.length === 1) {
        options.metrics?.submitIsolations.inc({ reason: 'bisection' });
        queue.unshift(downgradeOrDrop(chunk[0]!, detail, report, log).flat());
        continue;
      }
      const middle = Math.ceil(chunk.length / 2);
      queue.unshift(chunk.slice(0, middle), chunk.slice(middle));
    }
  }
  return report;
}

function downgradeOrDrop(offender: Pending, detail: string, report: SubmitReport, log: Logger): Pending[][] {
  const id = accessionVersion(offender.entry);
  if (offender.downgrade >= 2) {
    log.error({ accessionVersion: id, detail }, 'backend rejects even an empty errored entry; dropped (it returns after the stale reset)');
    report.dropped.push(id);
    return [];
  }
  const next = downgradeEntry(offender.entry, detail, offender.downgrade + 1);
  if (!report.downgraded.includes(id)) report.downgraded.push(id);
  log.warn({ accessionVersion: id, detail, level: offender.downgrade + 1 }, 'backend rejected entry; resubmitting it with an error annotation');
  return [[{ entry: next, line: serialiseProcessedEntry(next), downgrade: offender.downgrade + 1 }]];
}

/** The offender, answered with an error that tells the submitter what the backend objected to. */
export function downgradeEntry(entry: ProcessedEntry, detail: string, level: number): ProcessedEntry {
  const annotation: Annotation = {
    unprocessedFields: [{ name: 'unknown', type: 'Metadata' }],
    processedFields: [{ name: 'unknown', type: 'Metadata' }],
    message: `The Loculus backend rejected the processed data of this entry: ${detail} Please review your submission or contact an administrator.`,
    category: 'backend_validation',
  };
  const data = level >= 2 ? emptyProcessedData() : { ...entry.data, files: null };
  return { ...entry, data, errors: [...entry.errors, annotation] };
}
