/**
 * `prepro process`: the same pipeline offline. Reads entries in the extract shape, writes entries
 * in the submit shape, in input order, in bounded chunks so memory stays flat however large the
 * input. Entries with errors are normal output (exit 0); a bad config or unreadable input is not.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config/load.js';
import { createLogger } from '../shared/logger.js';
import { PreproError } from '../shared/errors.js';
import { readNdjsonLines } from '../backend/ndjson.js';
import { parseEntryLine, type ParsedLine } from '../pipeline/parse.js';
import { buildPipeline } from '../pipeline/build.js';
import { renderEntries } from './render-entries.js';
import type { ParsedArgs } from './flags.js';
import type { Logger } from 'pino';
import type { ParsedConfig } from '../config/schema.js';
import { effectiveAlignmentRequirement } from '../config/datasets.js';
import type { LineItem } from '../backend/ndjson.js';
import { ProcessShards } from './process-shards.js';
import type { ChunkReply, ProcessThreadData } from './process-thread.js';

/** Entries per chunk: metadata-only work favours small chunks (less memory, warmer caches); the
 * aligner pool favours larger ones (fewer moments with idle threads at a chunk's end). */
const DEFAULT_CHUNK = { aligned: 500, metadataOnly: 100 };

export async function processCommand(args: ParsedArgs): Promise<number> {
  const input = args.options.input?.[0];
  const output = args.options.output?.[0];
  if (!input || !output) throw new PreproError('PREPRO_INPUT_UNREADABLE', 'prepro process needs --input FILE and --output FILE (use - for stdin/stdout)');
  const loaded = loadConfig({ file: args.configFile, flags: args.configFlags });
  const { config } = loaded;
  // Logs go to stderr: stdout may be the output.
  const logger = createLogger({ level: logLevelOf(config.log_level), destination: process.stderr as never });
  if (input !== '-') {
    try {
      await access(input, constants.R_OK);
    } catch (error) {
      throw new PreproError('PREPRO_INPUT_UNREADABLE', `cannot read input ${input}: ${(error as Error).message}`);
    }
  }
  const aligned = effectiveAlignmentRequirement(config) !== 'NONE';
  const defaultChunk = aligned ? DEFAULT_CHUNK.aligned : DEFAULT_CHUNK.metadataOnly;
  const chunkSize = Number(args.options['chunk-size']?.[0] ?? defaultChunk) || defaultChunk;
  const threadsOption = args.options.threads ? Number(args.options.threads[0]) : undefined;
  const source = input === '-' ? process.stdin : createReadStream(input);
  const sink: Writable = output === '-' ? process.stdout : createWriteStream(output);
  const progress = process.stderr.isTTY ? new Progress() : null;
  let processed = 0;
  let withErrors = 0;

  const write = async (text: string, count: number, errors: number) => {
    processed += count;
    withErrors += errors;
    if (!sink.write(text)) await once(sink, 'drain');
    progress?.update(processed, withErrors);
  };
  const readError = (error: unknown) => new PreproError('PREPRO_INPUT_UNREADABLE', `cannot read input ${input}: ${(error as Error).message}`);

  // Without alignment the work is CPU-bound JavaScript; `--threads N` spreads it over N threads,
  // one pipeline each (each thread costs its own heap, so it is opt-in). With alignment,
  // `--threads` sizes the aligner pool, which uses every core by default.
  const shardThreads = threadsOption ?? 1;
  try {
    if (!aligned && shardThreads > 1) {
      // Build once here so a bad spec is reported by this process, before any thread starts.
      await (await buildPipeline({ config, logger, startPool: false })).pipeline.close();
      await processSharded(source, config.max_line_bytes, chunkSize, shardThreads, { configFile: loaded.file, flags: args.configFlags, logLevel: logLevelOf(config.log_level) }, write, readError);
    } else {
      await processInline(source, config, chunkSize, threadsOption, logger, write, readError);
    }
  } finally {
    if (sink !== process.stdout) {
      sink.end();
      await once(sink, 'finish');
    }
    progress?.done(processed, withErrors);
  }
  return 0;
}

type Write = (text: string, count: number, errors: number) => Promise<void>;

async function processInline(source: AsyncIterable<Uint8Array | string>, config: ParsedConfig, chunkSize: number, threads: number | undefined, logger: Logger, write: Write, readError: (e: unknown) => Error): Promise<void> {
  const built = await buildPipeline({ config, logger, threads });
  const signal = new AbortController().signal;
  const flush = async (lines: ParsedLine[]) => {
    const { text, count, errors } = renderEntries((await built.pipeline.process(lines, { signal, logger })).entries);
    await write(text, count, errors);
  };
  try {
    let chunk: ParsedLine[] = [];
    let pending: Promise<void> = Promise.resolve();
    try {
      for await (const item of readNdjsonLines(source, config.max_line_bytes)) {
        chunk.push(parseEntryLine(item));
        if (chunk.length >= chunkSize) {
          const ready = chunk;
          chunk = [];
          // Read the next chunk while this one is processed; keep output order.
          await pending;
          pending = flush(ready);
        }
      }
    } catch (error) {
      await pending.catch(() => undefined);
      throw readError(error);
    }
    await pending;
    if (chunk.length > 0) await flush(chunk);
  } finally {
    await built.pipeline.close();
  }
}

async function processSharded(source: AsyncIterable<Uint8Array | string>, maxLineBytes: number, chunkSize: number, threads: number, data: ProcessThreadData, write: Write, readError: (e: unknown) => Error): Promise<void> {
  const shards = await ProcessShards.start(threads, data);
  const replies: Promise<ChunkReply>[] = [];
  const drain = async (keep: number) => {
    while (replies.length > keep) {
      const reply = await replies.shift()!;
      if ('failure' in reply) throw new Error(`processing thread failed: ${reply.failure}`);
      await write(reply.text, reply.count, reply.errors);
    }
  };
  try {
    let chunk: LineItem[] = [];
    try {
      for await (const item of readNdjsonLines(source, maxLineBytes)) {
        chunk.push(item);
        if (chunk.length >= chunkSize) {
          replies.push((await shards.enqueue(chunk)).reply);
          chunk = [];
          await drain(threads * 2);
        }
      }
    } catch (error) {
      throw readError(error);
    }
    if (chunk.length > 0) replies.push((await shards.enqueue(chunk)).reply);
    await drain(0);
  } finally {
    await shards.close();
  }
}

function logLevelOf(level: string): string {
  return process.env.PREPROCESSING_LOG_LEVEL ?? (level.toUpperCase() === 'DEBUG' ? 'debug' : 'warn');
}

class Progress {
  #started = performance.now();
  #last = 0;
  update(done: number, errors: number): void {
    const now = performance.now();
    if (now - this.#last < 250) return;
    this.#last = now;
    const rate = done / ((now - this.#started) / 1000);
    process.stderr.write(`\r${done} entries processed (${errors} with errors), ${rate.toFixed(0)}/s   `);
  }
  done(done: number, errors: number): void {
    const seconds = (performance.now() - this.#started) / 1000;
    process.stderr.write(`\r${done} entries processed (${errors} with errors) in ${seconds.toFixed(1)} s\n`);
  }
}
