/** Typed lifecycle events of the worker (one line each, Graphile Worker style). */
import type { SubmitReport } from '../backend/submit.js';
import type { StageTiming } from '../pipeline/pipeline.js';

export interface BatchSummary {
  batchId: number;
  entries: number;
  errors: number;
  warnings: number;
  unanswerable: number;
  extractSeconds: number;
  processSeconds: number;
  submitSeconds: number;
  timings: StageTiming[];
  submit: SubmitReport | null;
}

export interface WorkerEvents {
  /** A batch was submitted (or abandoned: `submit` is null). */
  batch: [summary: BatchSummary];
  /** The queue was empty (200 empty or 304). */
  idle: [info: { notModified: boolean; nextPollMs: number }];
  /** The adaptive batch size changed. */
  batchSize: [change: { from: number; to: number; reason: 'slow' | 'memory' | 'fast'; seconds: number }];
  /** The backend no longer accepts our pipeline version. */
  outdated: [info: { detail: string; currentVersion: number | null }];
  /** The loop stopped; `exitCode` is what the process should exit with. */
  stopped: [info: { exitCode: number; reason: string }];
}
