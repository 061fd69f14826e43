/**
 * The worker's main loop: extract → process → submit, with the next extract overlapping the
 * current batch and submits running asynchronously (at most one in flight), an idle backoff when
 * the queue is empty, and a drain on shutdown.
 */
import { EventEmitter, setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { BackendClient } from '../backend/client.js';
import type { ExtractResult } from '../backend/extract.js';
import type { ProcessedEntry } from '../contract/entries.js';
import type { ParsedConfig } from '../config/schema.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { AuthError, OutdatedPipelineVersionError, ShutdownError } from '../shared/errors.js';
import type { HealthState } from '../server/health-state.js';
import type { Metrics } from '../server/metrics.js';
import { AdaptiveBatchSize } from './batch-size.js';
import type { BatchSummary, WorkerEvents } from './events.js';

export const EXIT_OK = 0;
export const EXIT_ABANDONED = 1;
export const EXIT_OUTDATED_VERSION = 3;

const ETAG_MAX_AGE_MS = 3600_000;
const FAILURE_BACKOFF_MAX_MS = 60_000;

export interface WorkerOptions {
  config: ParsedConfig;
  backend: BackendClient;
  pipeline: Pipeline;
  logger: Logger;
  metrics: Metrics;
  health: HealthState;
  /** Stop after the queue was found empty once (used by the demo and tests). */
  stopWhenIdle?: boolean;
}

type ExtractOutcome = { ok: true; result: ExtractResult; seconds: number } | { ok: false; error: unknown; seconds: number };

export class Worker extends EventEmitter<WorkerEvents> {
  readonly batchSize: AdaptiveBatchSize;
  #o: WorkerOptions;
  #stopping = new AbortController();
  #forced = new AbortController();
  #etag: string | null = null;
  #etagSetAt = 0;
  #batchCounter = 0;
  #submitting: Promise<void> = Promise.resolve();
  #abandoned = 0;
  #memoryBudgetBytes: number;
  totals = { entries: 0, errors: 0, warnings: 0, batches: 0, downgraded: 0, dropped: 0 };

  constructor(options: WorkerOptions) {
    super();
    this.#o = options;
    this.#memoryBudgetBytes = options.config.memory_budget_mb * 1024 * 1024;
    // Every in-flight alignment listens for a forced shutdown.
    setMaxListeners(0, this.#forced.signal, this.#stopping.signal);
    const c = options.config;
    const target = c.batch_target_seconds ?? Math.max(5, Math.min(60, Math.floor(c.backend_stale_timeout_seconds / 10)));
    this.batchSize = new AdaptiveBatchSize(c.batch_size, c.max_batch_size ?? c.batch_size * 10, target, c.memory_budget_mb * 1024 * 1024);
    options.metrics.batchSize.set(this.batchSize.current);
  }

  /** First call: stop extracting and drain. Second call: abort in-flight work. */
  stop(reason = 'shutdown requested'): void {
    if (!this.#stopping.signal.aborted) {
      this.#o.logger.info({ reason }, 'stopping: no new batches, finishing the batch in hand');
      this.#o.health.set('not_shutting_down', false, reason);
      this.#stopping.abort();
    } else {
      this.#o.logger.warn('second stop request: aborting in-flight work');
      this.#forced.abort();
    }
  }

  get stopping(): boolean {
    return this.#stopping.signal.aborted;
  }

  async run(): Promise<number> {
    const { logger, health } = this.#o;
    let prefetched: Promise<ExtractOutcome> | null = null;
    let idleDelay = this.#o.config.idle_poll_min_ms;
    let failureDelay = 1000;
    let exitCode = EXIT_OK;
    let reason = 'stopped';

    try {
      while (!this.stopping) {
        health.beat();
        this.#o.metrics.heartbeat.set(Date.now() / 1000);
        const outcome = await (prefetched ?? this.#extract());
        prefetched = null;

        if (!outcome.ok) {
          const error = outcome.error;
          if (error instanceof OutdatedPipelineVersionError) {
            this.#onOutdated(error);
            if (this.#o.config.exit_on_outdated_version) {
              exitCode = EXIT_OUTDATED_VERSION;
              reason = 'pipeline version outdated';
              break;
            }
            await this.#pause(60_000);
            continue;
          }
          if (error instanceof ShutdownError || this.stopping) break;
          this.#o.metrics.batches.inc({ outcome: 'extract_failed' });
          health.set('backend', false, (error as Error).message);
          if (error instanceof AuthError) health.set('token', false, error.message);
          logger.error({ err: error, retryInMs: failureDelay }, 'extract failed');
          await this.#pause(failureDelay);
          failureDelay = Math.min(FAILURE_BACKOFF_MAX_MS, failureDelay * 2);
          continue;
        }
        failureDelay = 1000;
        health.set('backend', true);
        health.set('token', true);
        const result = outcome.result;

        if (result.kind === 'not_modified' || result.lines.length === 0) {
          this.#o.metrics.batches.inc({ outcome: result.kind === 'not_modified' ? 'not_modified' : 'empty' });
          if (result.kind === 'batch' && result.streamError) this.#dropEtag();
          else if (result.etag) this.#keepEtag(result.etag);
          if (this.#o.stopWhenIdle) {
            reason = 'queue empty';
            break;
          }
          this.emit('idle', { notModified: result.kind === 'not_modified', nextPollMs: idleDelay });
          await this.#pause(idleDelay);
          idleDelay = Math.min(this.#o.config.idle_poll_max_ms, idleDelay * 2);
          continue;
        }
        idleDelay = this.#o.config.idle_poll_min_ms;
        // A non-empty batch: never reuse the ETag (backend-contract.md §3.3).
        this.#dropEtag();
        // Fetch the next batch while this one is processed — unless memory is over the budget,
        // where a third batch in memory would only push it higher.
        if (!this.stopping && process.memoryUsage.rss() < this.#memoryBudgetBytes) prefetched = this.#extract();
        await this.#handleBatch(result.lines, outcome.seconds);
      }
      // Entries claimed by a prefetch are ours: process them too before leaving.
      if (prefetched) {
        const outcome = await prefetched;
        if (outcome.ok && outcome.result.kind === 'batch' && outcome.result.lines.length > 0) {
          await this.#handleBatch(outcome.result.lines, outcome.seconds);
        }
      }
      await this.#submitting;
    } catch (error) {
      if (!(error instanceof ShutdownError) && !this.#forced.signal.aborted) throw error;
      reason = 'forced shutdown';
      exitCode = EXIT_ABANDONED;
    }
    if (this.#abandoned > 0 && exitCode === EXIT_OK) exitCode = EXIT_ABANDONED;
    this.emit('stopped', { exitCode, reason });
    return exitCode;
  }

  async #handleBatch(lines: Extract<ExtractResult, { kind: 'batch' }>['lines'], extractSeconds: number): Promise<void> {
    const { logger, metrics, health, pipeline } = this.#o;
    const batchId = ++this.#batchCounter;
    const log = logger.child({ batchId });
    const claimedAt = Date.now() - extractSeconds * 1000;
    metrics.batchEntries.observe(lines.length);
    metrics.inProgress.inc(lines.length);
    health.batchStarted();
    const started = performance.now();
    try {
      const result = await pipeline.process(lines, { signal: this.#forced.signal, logger: log });
      const processSeconds = (performance.now() - started) / 1000;
      metrics.stageDuration.observe({ stage: 'process' }, processSeconds);
      for (const t of result.timings) if (t.stage === 'align') metrics.stageDuration.observe({ stage: 'align' }, t.seconds);
      // Submits run one at a time, behind the next batch's processing.
      const previous = this.#submitting;
      this.#submitting = previous.then(() => this.#submit(batchId, result.entries, claimedAt, { extractSeconds, processSeconds, unanswerable: result.unanswerable, timings: result.timings }, log));
      await previous;
    } catch (error) {
      if (this.#forced.signal.aborted) throw new ShutdownError();
      metrics.batches.inc({ outcome: 'process_failed' });
      log.error({ err: error }, 'processing the batch failed; its entries return after the stale reset');
    } finally {
      metrics.inProgress.dec(lines.length);
      health.batchFinished();
      health.beat();
    }
  }

  async #submit(batchId: number, entries: ProcessedEntry[], claimedAt: number, timing: Omit<BatchSummary, 'batchId' | 'entries' | 'errors' | 'warnings' | 'submitSeconds' | 'submit'>, log: Logger): Promise<void> {
    const { metrics, config } = this.#o;
    const ageSeconds = (Date.now() - claimedAt) / 1000;
    if (ageSeconds > config.backend_stale_timeout_seconds) {
      metrics.leaseOverrun.inc();
      metrics.batches.inc({ outcome: 'abandoned' });
      this.#abandoned += entries.length;
      log.error({ entries: entries.length, ageSeconds }, 'batch outlived the backend stale timeout; not submitted, the backend re-queues it');
      return;
    }
    const started = performance.now();
    try {
      const report = await this.#o.backend.submit(entries, { signal: this.#forced.signal, logger: log });
      // Counted as accepted: an entry the backend rejected is counted with the error it got.
      const tally = tallyEntries(report.accepted);
      const { errors, warnings } = tally;
      const submitSeconds = (performance.now() - started) / 1000;
      metrics.stageDuration.observe({ stage: 'submit' }, submitSeconds);
      metrics.batches.inc({ outcome: report.downgraded.length || report.dropped.length ? 'submit_rejected' : 'submitted' });
      metrics.lastSubmit.set(Date.now() / 1000);
      metrics.entries.inc({ result: 'ok' }, report.accepted.length - errors - warnings);
      metrics.entries.inc({ result: 'warnings' }, warnings);
      metrics.entries.inc({ result: 'errors' }, errors);
      for (const [key, count] of tally.annotations) {
        const [severity, category] = key.split('|') as [string, string];
        metrics.annotations.inc({ severity, category }, count);
      }
      this.totals.entries += entries.length;
      this.totals.errors += errors;
      this.totals.warnings += warnings;
      this.totals.batches += 1;
      this.totals.downgraded += report.downgraded.length;
      this.totals.dropped += report.dropped.length;
      const summary: BatchSummary = { batchId, entries: entries.length, errors, warnings, submitSeconds, submit: report, ...timing };
      const batchSeconds = timing.extractSeconds + timing.processSeconds + submitSeconds;
      const change = this.batchSize.observe(entries.length, batchSeconds, process.memoryUsage.rss());
      if (change) {
        metrics.batchSize.set(change.to);
        metrics.batchSizeChanges.inc({ direction: change.to > change.from ? 'up' : 'down' });
        log.info({ ...change, batchSeconds }, 'adaptive batch size changed');
        this.emit('batchSize', { ...change, seconds: batchSeconds });
      }
      log.info(
        { entries: entries.length, errors, warnings, downgraded: report.downgraded.length, dropped: report.dropped.length, requests: report.requests, extractSeconds: timing.extractSeconds, processSeconds: timing.processSeconds, submitSeconds },
        'batch submitted',
      );
      this.emit('batch', summary);
    } catch (error) {
      if (error instanceof ShutdownError || this.#forced.signal.aborted) {
        this.#abandoned += entries.length;
        log.error({ entries: entries.length }, 'submit aborted by forced shutdown; entries return after the stale reset');
        return;
      }
      metrics.batches.inc({ outcome: 'submit_failed' });
      log.error({ err: error, entries: entries.length }, 'submit failed after retries; entries return after the stale reset');
    }
  }

  async #extract(): Promise<ExtractOutcome> {
    const started = performance.now();
    if (this.#etag && Date.now() - this.#etagSetAt > ETAG_MAX_AGE_MS) this.#dropEtag();
    try {
      const result = await this.#o.backend.extract(this.batchSize.current, this.#etag, this.#forced.signal);
      const seconds = (performance.now() - started) / 1000;
      this.#o.metrics.stageDuration.observe({ stage: 'extract' }, seconds);
      return { ok: true, result, seconds };
    } catch (error) {
      return { ok: false, error, seconds: (performance.now() - started) / 1000 };
    }
  }

  #keepEtag(etag: string): void {
    if (etag !== this.#etag) this.#etagSetAt = Date.now();
    this.#etag = etag;
  }

  #dropEtag(): void {
    this.#etag = null;
  }

  #onOutdated(error: OutdatedPipelineVersionError): void {
    this.#o.health.set('pipeline_version', false, error.message);
    this.#o.logger.error(
      { pipelineVersion: this.#o.config.pipeline_version, currentVersion: error.currentVersion, detail: error.message },
      'the backend no longer accepts this pipeline version; roll out the new version of the pipeline',
    );
    this.emit('outdated', { detail: error.message, currentVersion: error.currentVersion });
  }

  /** Sleeps, waking early on shutdown; the heartbeat keeps going while we wait. */
  async #pause(ms: number): Promise<void> {
    const end = Date.now() + ms;
    while (!this.stopping && Date.now() < end) {
      this.#o.health.beat();
      try {
        await sleep(Math.min(1000, end - Date.now()), undefined, { signal: this.#stopping.signal });
      } catch {
        return;
      }
    }
  }
}

/** Entries with errors, with warnings only, and annotations per severity|category — one pass. */
function tallyEntries(entries: readonly ProcessedEntry[]): { errors: number; warnings: number; annotations: Map<string, number> } {
  let errors = 0;
  let warnings = 0;
  const annotations = new Map<string, number>();
  const count = (severity: string, category: string | undefined) => {
    const key = `${severity}|${category ?? 'metadata'}`;
    annotations.set(key, (annotations.get(key) ?? 0) + 1);
  };
  for (const entry of entries) {
    if (entry.errors.length > 0) errors++;
    else if (entry.warnings.length > 0) warnings++;
    for (const a of entry.errors) count('error', a.category);
    for (const a of entry.warnings) count('warning', a.category);
  }
  return { errors, warnings, annotations };
}
