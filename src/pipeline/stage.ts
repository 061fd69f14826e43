/**
 * The stage interface every processing step plugs into.
 *
 * Glossary
 * - entry: one accession.version handed out by the backend's extract call.
 * - work item (`EntryWork`): an entry on its way through the pipeline; stages fill `output`.
 * - sequence name: the backend's key for a nucleotide sequence (`main`, `L`, `S-1and6`, …).
 * - dataset: one (segment, reference) pair with its Nextclade dataset.
 *
 * Stages run in order on a whole batch (alignment needs the batch to feed the thread pool).
 * A stage must never throw for one bad entry: it records an annotation on that entry. If a stage
 * does throw, the pipeline turns every entry of the batch it was working on into an errored entry
 * (preprocessing-config.md §6.4) and carries on, so nothing is lost.
 */
import type { Logger } from 'pino';
import type { ProcessedEntry, UnprocessedEntry } from '../contract/entries.js';
import type { NextcladeResult } from '../analysis/result.js';
import type { CdsTranslation } from '../analysis/types.js';

export type StageName = 'parse' | 'validate' | 'align' | 'translate' | 'annotate' | 'guard';

/** Which dataset a sequence name was assigned to. */
export interface SequenceAssignment {
  sequenceName: string;
  segment: string;
  reference: string;
  fastaId: string;
}

export interface EntryWork {
  readonly input: UnprocessedEntry;
  /** Filled progressively; `output.data.metadata` is written by the annotate stage. */
  readonly output: ProcessedEntry;
  /** Assigned sequences, by sequence name. */
  assignments: Record<string, SequenceAssignment>;
  /** Nextclade-shaped analysis per sequence name; null = assigned but failed to align. */
  nextclade: Record<string, NextcladeResult | null>;
  /** Translated CDSs per sequence name: written by the align stage, read by the translate stage. */
  translations?: Record<string, CdsTranslation[]>;
  /** Set by a stage that decided the entry must not be processed further (e.g. errored fallback). */
  halted: boolean;
}

export interface StageContext {
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

export interface Stage {
  readonly name: StageName;
  run(batch: EntryWork[], context: StageContext): Promise<void>;
  /** Releases threads or handles the stage holds. */
  close?(): Promise<void>;
}
