/**
 * Runs the stages over one batch. Parse failures and entries a stage gave up on are answered with
 * errored entries; a stage that throws turns the batch into errored entries instead of crashing the
 * worker. Output order equals input order.
 */
import { accessionVersion, emptyProcessedData, type ProcessedEntry } from '../contract/entries.js';
import type { ParsedLine } from './parse.js';
import { erroredEntry, fallbackMessage } from './errored-entry.js';
import type { EntryWork, Stage, StageContext, StageName } from './stage.js';
import { finaliseAnnotations } from './annotations.js';

export interface StageTiming {
  stage: StageName;
  seconds: number;
}

export interface BatchResult {
  entries: ProcessedEntry[];
  /** Lines without a readable accession.version; logged, not answerable. */
  unanswerable: number;
  timings: StageTiming[];
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  process(lines: ParsedLine[], context: StageContext): Promise<BatchResult>;
  close(): Promise<void>;
}

export function createPipeline(stages: Stage[]): Pipeline {
  return {
    stages,
    async process(lines, context) {
      const slots: (ProcessedEntry | EntryWork | null)[] = [];
      const work: EntryWork[] = [];
      let unanswerable = 0;
      for (const line of lines) {
        if (line.ok) {
          const item = newWork(line.entry);
          slots.push(item);
          work.push(item);
        } else if (line.accession !== null && line.version !== null) {
          slots.push(erroredEntry(line.accession, line.version, `${line.message} ${fallbackMessage(`${line.accession}.${line.version}`)}`));
        } else {
          unanswerable += 1;
          context.logger.error({ lineNumber: line.lineNumber, reason: line.message }, 'entry without readable accession and version could not be answered');
          slots.push(null);
        }
      }

      const timings: StageTiming[] = [];
      for (const stage of stages) {
        const active = work.filter((w) => !w.halted);
        if (active.length === 0) break;
        const started = performance.now();
        try {
          await stage.run(active, context);
        } catch (error) {
          if (context.signal.aborted) throw error;
          context.logger.error({ err: error, stage: stage.name, entries: active.length }, 'stage failed for the whole batch; answering its entries with errors');
          for (const item of active) haltWithFallback(item);
        }
        timings.push({ stage: stage.name, seconds: (performance.now() - started) / 1000 });
      }

      const entries: ProcessedEntry[] = [];
      for (const slot of slots) {
        if (slot === null) continue;
        entries.push('input' in slot ? finaliseAnnotations(slot.output) : slot);
      }
      return { entries, unanswerable, timings };
    },
    async close() {
      for (const stage of stages) await stage.close?.();
    },
  };
}

export function newWork(entry: EntryWork['input']): EntryWork {
  return {
    input: entry,
    output: { accession: entry.accession, version: entry.version, data: emptyProcessedData(), errors: [], warnings: [] },
    assignments: {},
    nextclade: {},
    halted: false,
  };
}

/** Replaces whatever a work item holds by the errored-entry fallback. */
export function haltWithFallback(item: EntryWork, message?: string): void {
  const fallback = erroredEntry(item.input.accession, item.input.version, message ?? fallbackMessage(accessionVersion(item.input)));
  item.output.data = fallback.data;
  item.output.errors = fallback.errors;
  item.output.warnings = [];
  item.halted = true;
}
