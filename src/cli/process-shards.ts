/**
 * Spreads `prepro process` chunks over threads (configs without alignment) and hands their output
 * back in input order, with a bounded number of chunks in flight so memory stays flat.
 */
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { spawnSiblingThread } from '../shared/spawn-thread.js';
import type { LineItem } from '../backend/ndjson.js';
import type { ChunkReply, ChunkRequest, ProcessThreadData } from './process-thread.js';

const IN_FLIGHT_PER_THREAD = 2;

export class ProcessShards {
  #threads: Worker[] = [];
  #inFlight = new Map<number, { thread: Worker; resolve: (reply: ChunkReply) => void }>();
  #load = new Map<Worker, number>();
  #nextId = 0;
  #slotFreed: (() => void) | null = null;

  static async start(count: number, data: ProcessThreadData): Promise<ProcessShards> {
    const shards = new ProcessShards();
    for (let i = 0; i < count; i++) {
      const thread = spawnSiblingThread(import.meta.url, 'process-thread', { workerData: data });
      shards.#threads.push(thread);
      shards.#load.set(thread, 0);
      thread.on('message', (message: ChunkReply | 'ready') => {
        if (message === 'ready') return;
        const pending = shards.#inFlight.get(message.id);
        if (!pending) return;
        shards.#inFlight.delete(message.id);
        shards.#load.set(thread, (shards.#load.get(thread) ?? 1) - 1);
        pending.resolve(message);
        shards.#slotFreed?.();
      });
      thread.on('error', (error) => {
        for (const [id, pending] of shards.#inFlight) {
          if (pending.thread === thread) pending.resolve({ id, failure: error.stack ?? String(error) });
        }
      });
    }
    await Promise.all(shards.#threads.map((t) => once(t, 'message')));
    return shards;
  }

  /**
   * Sends a chunk to the least busy thread, waiting while all are full; resolves once the chunk
   * is handed over, with the promise of its reply.
   */
  async enqueue(items: LineItem[]): Promise<{ reply: Promise<ChunkReply> }> {
    let thread = this.#leastBusy();
    while ((this.#load.get(thread) ?? 0) >= IN_FLIGHT_PER_THREAD) {
      await new Promise<void>((resolve) => (this.#slotFreed = resolve));
      thread = this.#leastBusy();
    }
    const id = this.#nextId++;
    this.#load.set(thread, (this.#load.get(thread) ?? 0) + 1);
    const reply = new Promise<ChunkReply>((resolve) => {
      this.#inFlight.set(id, { thread, resolve });
      thread.postMessage({ id, items } satisfies ChunkRequest);
    });
    return { reply };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.#threads.map(async (thread) => {
        const exited = once(thread, 'exit');
        thread.postMessage('close');
        await exited;
      }),
    );
  }

  #leastBusy(): Worker {
    return this.#threads.reduce((best, t) => ((this.#load.get(t) ?? 0) < (this.#load.get(best) ?? 0) ? t : best));
  }
}
