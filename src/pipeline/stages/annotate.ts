/**
 * The `annotate` stage: metadata processing and the output guard for every entry of a batch.
 * A failure on one entry turns that entry into the errored entry of preprocessing-config.md §6.4;
 * it never escapes the stage.
 */
import { accessionVersion } from '../../contract/entries.js';
import type { ParsedConfig } from '../../config/schema.js';
import { effectiveAlignmentRequirement } from '../../config/datasets.js';
import { mergeAnnotations } from '../../metadata/annotations.js';
import type { CompiledSpec } from '../../metadata/compile.js';
import { guardMetadata } from '../../metadata/guard.js';
import { processMetadataNow, type MetadataOutcome, type RuntimeOptions } from '../../metadata/process.js';
import type { TaxonomyClient } from '../../metadata/taxonomy.js';
import { haltWithFallback } from '../pipeline.js';
import type { EntryWork, Stage, StageContext } from '../stage.js';

export interface AnnotateStageOptions {
  config: ParsedConfig;
  compiled: CompiledSpec;
  /** "Now" for date checks (tests inject a fixed date). */
  clock?: () => Date;
  /** Overrides the taxonomy client built from the config. */
  taxonomy?: TaxonomyClient | null;
}

/** Entries processed at once when functions wait on the taxonomy service. */
const ASYNC_CONCURRENCY = 16;

export function createAnnotateStage(options: AnnotateStageOptions): Stage {
  const { compiled } = options;
  const aligned = effectiveAlignmentRequirement(options.config) !== 'NONE';
  const clock = options.clock ?? (() => new Date());

  function apply(work: EntryWork, outcome: MetadataOutcome): void {
    const guarded = guardMetadata(compiled, outcome.metadata);
    work.output.data.metadata = guarded.metadata;
    mergeAnnotations(work.output.errors, guarded.errors.length > 0 ? [...outcome.errors, ...guarded.errors] : outcome.errors);
    mergeAnnotations(work.output.warnings, outcome.warnings);
  }

  function fail(work: EntryWork, context: StageContext, error: unknown): void {
    context.logger.error({ err: error, accessionVersion: accessionVersion(work.input) }, 'metadata processing failed; sending the errored entry');
    // §6.4: nothing of the entry is kept but one error telling the submitter it failed.
    haltWithFallback(work);
  }

  /** Synchronous unless a function waits on the network; never throws. */
  function annotate(work: EntryWork, context: StageContext, runtime: RuntimeOptions): void | Promise<void> {
    try {
      const outcome = processMetadataNow(
        compiled,
        {
          entry: work.input,
          assignments: work.assignments,
          nextclade: work.nextclade as Record<string, Record<string, unknown> | null>,
          sequences: work.output.data.unalignedNucleotideSequences,
          aligned,
        },
        runtime,
      );
      if (outcome instanceof Promise) {
        return outcome.then(
          (settled) => {
            try {
              apply(work, settled);
            } catch (error) {
              fail(work, context, error);
            }
          },
          (error: unknown) => fail(work, context, error),
        );
      }
      apply(work, outcome);
    } catch (error) {
      fail(work, context, error);
    }
  }

  return {
    name: 'annotate',
    async run(batch, context) {
      const pending = batch.filter((work) => !work.halted);
      // One "now" per batch: every entry of a batch is judged against the same day.
      const runtime: RuntimeOptions = { now: clock(), taxonomy: options.taxonomy };
      if (!compiled.hasAsync) {
        for (const work of pending) annotate(work, context, runtime);
        return;
      }
      for (let start = 0; start < pending.length; start += ASYNC_CONCURRENCY) {
        await Promise.all(pending.slice(start, start + ASYNC_CONCURRENCY).map((work) => annotate(work, context, runtime)));
      }
    },
  };
}
