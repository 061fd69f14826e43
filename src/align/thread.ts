/**
 * Aligner thread: one wasm instance, every dataset's reference and seed index prepared once, then
 * `{id, key, sequence}` requests answered with `{id, outcome}`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedDataset } from '../dataset/load.js';
import { alignOne } from './align-one.js';
import { gapOpenMap } from './gap-open.js';
import { NucAligner, type SeedScore } from './wasm.js';
import type { AlignOutcome } from './types.js';

export interface ThreadData {
  datasets: Record<string, LoadedDataset>;
}

export type ThreadRequest = { id: number; kind: 'align' | 'score'; key: string; sequence: string };
export type ThreadMessage =
  | { type: 'ready' }
  | { type: 'init-error'; error: string }
  | { type: 'result'; id: number; outcome: AlignOutcome }
  | { type: 'score'; id: number; score: SeedScore };

const port = parentPort!;
const { datasets } = workerData as ThreadData;
const aligner = new NucAligner();
const referenceIds = new Map<string, number>();

try {
  for (const [key, dataset] of Object.entries(datasets)) {
    const length = dataset.reference.sequence.length;
    referenceIds.set(key, aligner.addReference(dataset.reference.sequence, gapOpenMap(length, dataset.annotation, dataset.alignParams), dataset.alignParams));
  }
  port.postMessage({ type: 'ready' } satisfies ThreadMessage);
} catch (error) {
  port.postMessage({ type: 'init-error', error: (error as Error).message } satisfies ThreadMessage);
}

port.on('message', (request: ThreadRequest) => {
  const referenceId = referenceIds.get(request.key);
  if (request.kind === 'score') {
    const score = referenceId === undefined ? { seedCover: 0, isReverseComplement: false } : aligner.seedScore(referenceId, request.sequence);
    port.postMessage({ type: 'score', id: request.id, score } satisfies ThreadMessage);
    return;
  }
  let outcome: AlignOutcome;
  try {
    outcome =
      referenceId === undefined
        ? { ok: false, error: `unknown dataset '${request.key}'` }
        : alignOne(aligner, referenceId, datasets[request.key], request.sequence);
  } catch (error) {
    outcome = { ok: false, error: `Unable to align: ${(error as Error).message}` };
  }
  // The aligned reference is the reference itself; the pool puts it back on the main thread
  // instead of copying it through the message channel for every sequence.
  if (outcome.ok) outcome.alignment.alignedReference = '';
  port.postMessage({ type: 'result', id: request.id, outcome } satisfies ThreadMessage);
});
