/**
 * A pool of aligner threads (worker_threads), one wasm instance each, every dataset prepared once
 * per thread. Callers await each `align` independently; results come back in completion order.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { LoadedDataset } from '../dataset/load.js';
import { spawnSiblingThread } from '../shared/spawn-thread.js';
import type { ThreadData, ThreadMessage, ThreadRequest } from './thread.js';
import type { AlignOutcome } from './types.js';
import type { SeedScore } from './wasm.js';

export type { AlignOutcome, NucAlignment } from './types.js';
export type { SeedScore } from './wasm.js';

export interface AlignerPoolOptions {
  /** Number of threads; defaults to the number of cores. */
  threads?: number;
  datasets: Record<string, LoadedDataset>;
  /**
   * Loculus always runs `nextclade run --retry-reverse-complement=true`, overriding the dataset;
   * so does the pool unless told otherwise.
   */
  retryReverseComplement?: boolean;
}

interface Task {
  id: number;
  kind: 'align' | 'score';
  key: string;
  sequence: string;
  resolve: (outcome: AlignOutcome | SeedScore) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Task>;
}

/** Requests queued per thread so that it never waits for the main thread between items. */
const IN_FLIGHT_PER_THREAD = 2;

export class AlignerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly datasetKeys: Set<string>,
    private readonly data: ThreadData,
  ) {}

  static async create(opts: AlignerPoolOptions): Promise<AlignerPool> {
    const threads = Math.max(1, Math.floor(opts.threads ?? availableParallelism()));
    const retry = opts.retryReverseComplement ?? true;
    const datasets: Record<string, LoadedDataset> = {};
    for (const [key, dataset] of Object.entries(opts.datasets)) {
      datasets[key] = { ...dataset, alignParams: { ...dataset.alignParams, retryReverseComplement: retry } };
    }
    const pool = new AlignerPool(new Set(Object.keys(datasets)), { datasets });
    try {
      await Promise.all(Array.from({ length: threads }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get threads(): number {
    return this.slots.length;
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = spawnSiblingThread(import.meta.url, 'thread', { workerData: this.data });
      const slot: Slot = { worker, inFlight: new Map() };
      let ready = false;
      worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'ready') {
          ready = true;
          this.slots.push(slot);
          resolve();
          this.dispatch();
        } else if (message.type === 'init-error') {
          reject(new Error(`aligner thread could not prepare the datasets: ${message.error}`));
          void worker.terminate();
        } else {
          const task = slot.inFlight.get(message.id);
          slot.inFlight.delete(message.id);
          if (task && message.type === 'result' && message.outcome.ok) {
            message.outcome.alignment.alignedReference = this.data.datasets[task.key].reference.sequence;
          }
          if (task) this.settle(task, message.type === 'score' ? message.score : message.outcome);
          this.dispatch();
        }
      });
      worker.on('error', (error) => {
        if (!ready) reject(error);
      });
      worker.on('exit', (code) => {
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        for (const task of slot.inFlight.values()) {
          const stopped = `Unable to align: aligner thread stopped (exit code ${code})`;
          this.settle(task, task.kind === 'score' ? { seedCover: 0, isReverseComplement: false } : { ok: false, error: stopped });
        }
        slot.inFlight.clear();
        if (!ready) reject(new Error(`aligner thread exited during start-up (exit code ${code})`));
        // Replace a thread that died while the pool is in use.
        else if (!this.closed) void this.spawn().catch(() => undefined);
      });
    });
  }

  /** Aligns one sequence against a dataset; failures to align resolve as `{ ok: false, error }`. */
  align(datasetKey: string, sequence: string, opts: { signal?: AbortSignal } = {}): Promise<AlignOutcome> {
    return this.submit('align', datasetKey, sequence, opts.signal) as Promise<AlignOutcome>;
  }

  /**
   * Cheap similarity of a sequence to a dataset's reference (seed matching only, reverse
   * complement included): for choosing a segment or reference before aligning.
   */
  score(datasetKey: string, sequence: string, opts: { signal?: AbortSignal } = {}): Promise<SeedScore> {
    return this.submit('score', datasetKey, sequence, opts.signal) as Promise<SeedScore>;
  }

  private submit(kind: 'align' | 'score', datasetKey: string, sequence: string, signal: AbortSignal | undefined): Promise<AlignOutcome | SeedScore> {
    if (this.closed) return Promise.reject(new Error('AlignerPool is closed'));
    if (!this.datasetKeys.has(datasetKey)) return Promise.reject(new Error(`AlignerPool: unknown dataset '${datasetKey}'`));
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<AlignOutcome | SeedScore>((resolve, reject) => {
      const task: Task = { id: this.nextId++, kind, key: datasetKey, sequence, resolve, reject, signal };
      if (signal) {
        // An aborted task is dropped from the queue or, if already running, its result ignored.
        task.onAbort = () => {
          const queued = this.queue.indexOf(task);
          if (queued >= 0) this.queue.splice(queued, 1);
          task.resolve = () => undefined;
          reject(signal.reason);
        };
        signal.addEventListener('abort', task.onAbort, { once: true });
      }
      this.queue.push(task);
      this.dispatch();
    });
  }

  private settle(task: Task, outcome: AlignOutcome | SeedScore): void {
    if (task.signal && task.onAbort) task.signal.removeEventListener('abort', task.onAbort);
    task.resolve(outcome);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | null = null;
      for (const slot of this.slots) {
        if (slot.inFlight.size < IN_FLIGHT_PER_THREAD && (!best || slot.inFlight.size < best.inFlight.size)) best = slot;
      }
      if (!best) return;
      const task = this.queue.shift()!;
      best.inFlight.set(task.id, task);
      best.worker.postMessage({ id: task.id, kind: task.kind, key: task.key, sequence: task.sequence } satisfies ThreadRequest);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('AlignerPool closed'));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }
}
