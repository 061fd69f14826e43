/**
 * A thread of `prepro process` for configs without alignment: it builds its own pipeline from
 * the same config and turns chunks of input lines into output text. Metadata processing is
 * CPU-bound JavaScript, so this is how it uses more than one core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '../config/load.js';
import { createLogger } from '../shared/logger.js';
import { buildPipeline } from '../pipeline/build.js';
import { parseEntryLine } from '../pipeline/parse.js';
import { renderEntries } from './render-entries.js';
import type { LineItem } from '../backend/ndjson.js';

export interface ProcessThreadData {
  configFile: string | null;
  flags: Record<string, string | boolean>;
  logLevel: string;
}

export interface ChunkRequest {
  id: number;
  items: LineItem[];
}

export type ChunkReply = { id: number; text: string; count: number; errors: number } | { id: number; failure: string };

const data = workerData as ProcessThreadData;
const port = parentPort!;
const { config } = loadConfig({ file: data.configFile, flags: data.flags });
const logger = createLogger({ level: data.logLevel, destination: process.stderr as never });
const built = await buildPipeline({ config, logger, startPool: false });
const signal = new AbortController().signal;

let queue: Promise<void> = Promise.resolve();
port.on('message', (request: ChunkRequest | 'close') => {
  if (request === 'close') {
    queue.then(() => built.pipeline.close()).then(() => port.close());
    return;
  }
  queue = queue.then(async () => {
    try {
      const result = await built.pipeline.process(request.items.map(parseEntryLine), { signal, logger });
      port.postMessage({ id: request.id, ...renderEntries(result.entries) } satisfies ChunkReply);
    } catch (error) {
      port.postMessage({ id: request.id, failure: (error as Error).stack ?? String(error) } satisfies ChunkReply);
    }
  });
});
port.postMessage('ready');
