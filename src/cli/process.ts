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
import { serialiseProcessedEntry } from '../contract/serialise.js';
import type { ParsedArgs } from './flags.js';

const DEFAULT_CHUNK = 500;

export async function processCommand(args: ParsedArgs): Promise<number> {
  const input = args.options.input?.[0];
  const output = args.options.output?.[0];
  if (!input || !output) throw new PreproError('PREPRO_INPUT_UNREADABLE', 'prepro process needs --input FILE and --output FILE (use - for stdin/stdout)');
  const loaded = loadConfig({ file: args.configFile, flags: args.configFlags });
  const { config } = loaded;
  // Logs go to stderr: stdout may be the output.
  const logger = createLogger({ level: process.env.PREPROCESSING_LOG_LEVEL ?? (config.log_level.toUpperCase() === 'DEBUG' ? 'debug' : 'warn'), destination: process.stderr as never });
  if (input !== '-') {
    try {
      await access(input, constants.R_OK);
    } catch (error) {
      throw new PreproError('PREPRO_INPUT_UNREADABLE', `cannot read input ${input}: ${(error as Error).message}`);
    }
  }
  const chunkSize = Number(args.options['chunk-size']?.[0] ?? DEFAULT_CHUNK) || DEFAULT_CHUNK;
  const threads = args.options.threads ? Number(args.options.threads[0]) : undefined;
  const built = await buildPipeline({ config, logger, threads });
  const source = input === '-' ? process.stdin : createReadStream(input);
  const sink: Writable = output === '-' ? process.stdout : createWriteStream(output);
  const progress = process.stderr.isTTY ? new Progress() : null;
  const controller = new AbortController();
  let processed = 0;
  let withErrors = 0;

  const flush = async (lines: ParsedLine[]) => {
    const result = await built.pipeline.process(lines, { signal: controller.signal, logger });
    let text = '';
    for (const entry of result.entries) {
      text += serialiseProcessedEntry(entry) + '\n';
      if (entry.errors.length > 0) withErrors++;
    }
    processed += result.entries.length;
    if (!sink.write(text)) await once(sink, 'drain');
    progress?.update(processed, withErrors);
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
      throw new PreproError('PREPRO_INPUT_UNREADABLE', `cannot read input ${input}: ${(error as Error).message}`);
    }
    await pending;
    if (chunk.length > 0) await flush(chunk);
  } finally {
    await built.pipeline.close();
    if (sink !== process.stdout) {
      sink.end();
      await once(sink, 'finish');
    }
    progress?.done(processed, withErrors);
  }
  return 0;
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
