/**
 * The `align` stage (preprocessing-config.md §6.2–6.3): assigns each submitted FASTA record to a
 * dataset, aligns every assigned sequence of the whole batch on the aligner pool at once (so all
 * threads stay busy), and fills the sequence maps, `work.assignments` and `work.nextclade`.
 * Per-entry problems become annotations; nothing here throws for one bad entry.
 */
import { setMaxListeners } from 'node:events';
import type { Annotation } from '../../contract/entries.js';
import { datasetsOf, effectiveAlignmentRequirement } from '../../config/datasets.js';
import type { ParsedConfig } from '../../config/schema.js';
import type { SequenceAnalysis } from '../../analysis/types.js';
import { formatInsertion, maskTerminalGaps } from '../../align/insertions.js';
import type { AlignOutcome } from '../../align/types.js';
import { assignByHeader } from '../../segments/assign-by-header.js';
import { classifySequences } from '../../segments/classify-sequences.js';
import { indexDatasets } from '../../segments/index-datasets.js';
import { classify } from '../../segments/kmer-classifier.js';
import { messages } from '../../segments/messages.js';
import { nonIupacSymbols } from '../../segments/non-iupac.js';
import { sequenceAnnotation } from '../annotations.js';
import type { EntryWork, Stage, StageContext } from '../stage.js';

/** The part of `AlignerPool` this stage uses. */
export interface SequenceAligner {
  align(datasetKey: string, sequence: string, options?: { signal?: AbortSignal }): Promise<AlignOutcome>;
}

export interface AlignStageOptions {
  config: ParsedConfig;
  /** Loaded datasets by sequence name (only the reference is read here). */
  datasets: Record<string, { reference: { sequence: string } }>;
  pool: SequenceAligner | null;
}

function alignmentError(message: string, category: Annotation['category']): Annotation {
  return sequenceAnnotation('alignment', message, category);
}

export function createAlignStage(options: AlignStageOptions): Stage {
  const { config, pool } = options;
  const requirement = effectiveAlignmentRequirement(config);
  const specs = datasetsOf(config);
  const alignedSpecs = specs.filter((d) => d.datasetName && options.datasets[d.sequenceName]);
  const multiDataset = specs.length > 1;
  // Only the datasets this config names take part in classification.
  const indexes =
    requirement !== 'NONE'
      ? indexDatasets(Object.fromEntries(alignedSpecs.map((d) => [d.sequenceName, options.datasets[d.sequenceName]])))
      : new Map();
  const organism = config.organism;

  async function alignOne(name: string, sequence: string, signal: AbortSignal): Promise<AlignOutcome> {
    if (!pool) return { ok: false, error: 'no aligner' };
    try {
      return await pool.align(name, sequence, { signal });
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  function checkSymbols(work: EntryWork, assigned: Record<string, string>): void {
    for (const [name, fastaId] of Object.entries(assigned)) {
      const sequence = work.input.unalignedNucleotideSequences[fastaId];
      if (!sequence) continue;
      const bad = nonIupacSymbols(sequence);
      if (bad.length > 0) work.output.errors.push(sequenceAnnotation(name, messages.nonIupac(name, bad), 'sequence_symbols'));
    }
  }

  function recordAssignment(work: EntryWork, assigned: Record<string, string>): void {
    const data = work.output.data;
    for (const [name, fastaId] of Object.entries(assigned)) {
      const spec = specs.find((d) => d.sequenceName === name)!;
      work.assignments[name] = { sequenceName: name, segment: spec.segment, reference: spec.reference, fastaId };
      data.unalignedNucleotideSequences[name] = work.input.unalignedNucleotideSequences[fastaId] ?? null;
      data.sequenceNameToFastaId[name] = fastaId;
    }
  }

  function unalignedPath(work: EntryWork): void {
    const fastaIds = Object.keys(work.input.unalignedNucleotideSequences);
    const { assigned, errors } = assignByHeader(fastaIds, specs, organism);
    for (const message of errors) work.output.errors.push(alignmentError(message, 'segment_assignment'));
    recordAssignment(work, assigned);
    checkSymbols(work, assigned);
  }

  function checkMaxSequences(work: EntryWork, count: number): void {
    const max = config.max_sequences_per_entry;
    if (max === null || max === undefined || count <= max) return;
    const annotation = alignmentError(messages.maxSequences(count, max), 'segment_assignment');
    if (!work.output.errors.some((e) => e.message === annotation.message)) work.output.errors.push(annotation);
  }

  /** Assignment and alignment of one entry; resolves when its alignments are done. */
  async function alignedPath(work: EntryWork, signal: AbortSignal): Promise<void> {
    const sequences = work.input.unalignedNucleotideSequences;
    const fastaIds = Object.keys(sequences);
    checkMaxSequences(work, fastaIds.length);

    let assigned: Record<string, string> = {};
    let outcomes: Record<string, AlignOutcome> = {};
    if (!multiDataset) {
      if (fastaIds.length > 1) {
        work.output.errors.push(alignmentError(messages.singleSegmentMultiple(fastaIds, organism), 'segment_assignment'));
      } else if (fastaIds.length === 1) {
        assigned = { [specs[0].sequenceName]: fastaIds[0] };
      }
    } else {
      const result = await classifySequences(
        {
          datasets: alignedSpecs,
          indexes,
          method: config.segment_classification_method,
          organism,
          align: (name, sequence) => alignOne(name, sequence, signal),
        },
        sequences,
      );
      for (const message of result.errors) work.output.errors.push(alignmentError(message, 'segment_assignment'));
      assigned = result.assigned;
      outcomes = result.outcomes;
    }
    checkMaxSequences(work, Object.keys(assigned).length);
    recordAssignment(work, assigned);
    checkSymbols(work, assigned);

    await Promise.all(
      Object.entries(assigned).map(async ([name, fastaId]) => {
        const sequence = sequences[fastaId];
        if (sequence === null || sequence === undefined) return;
        if (config.require_nextclade_sort_match && classify(indexes, sequence).best === null) {
          work.output.warnings.push(alignmentError(messages.sortNoMatch(), 'segment_assignment'));
        }
        const outcome = outcomes[name] ?? (await alignOne(name, sequence, signal));
        storeOutcome(work, name, fastaId, outcome);
      }),
    );
    reportFailures(work, assigned);
  }

  function storeOutcome(work: EntryWork, name: string, fastaId: string, outcome: AlignOutcome): void {
    if (!outcome.ok) {
      work.nextclade[name] = null;
      return;
    }
    const data = work.output.data;
    data.alignedNucleotideSequences[name] = maskTerminalGaps(outcome.alignment.alignedQuery);
    data.nucleotideInsertions[name] = outcome.alignment.insertions.map(formatInsertion);
    const analysis = outcome.analysis as SequenceAnalysis | null | undefined;
    if (analysis && analysis.result) {
      analysis.result.seqName = fastaId;
      work.nextclade[name] = analysis.result;
      (work.translations ??= {})[name] = analysis.translations ?? [];
    } else {
      work.nextclade[name] = null;
    }
  }

  function reportFailures(work: EntryWork, assigned: Record<string, string>): void {
    const names = Object.keys(assigned).filter((name) => work.input.unalignedNucleotideSequences[assigned[name]] != null);
    if (names.length === 0) return;
    if (!pool) {
      work.output.errors.push(alignmentError(messages.unknownAlignmentError(), 'internal'));
      return;
    }
    const lenient = multiDataset && requirement === 'ANY';
    let alignedCount = 0;
    for (const name of names) {
      if (work.nextclade[name]) {
        alignedCount++;
        continue;
      }
      const message = multiDataset ? messages.failedToAlignMulti(name) : messages.failedToAlignSingle();
      const annotation = sequenceAnnotation(name, message, 'alignment');
      (lenient ? work.output.warnings : work.output.errors).push(annotation);
    }
    if (lenient && alignedCount === 0) work.output.errors.push(alignmentError(messages.noSequenceAligned(), 'alignment'));
  }

  return {
    name: 'align',
    async run(batch: EntryWork[], context: StageContext): Promise<void> {
      // Every queued alignment listens for cancellation on this one signal: hundreds is expected.
      setMaxListeners(0, context.signal);
      const pending: Promise<void>[] = [];
      for (const work of batch) {
        if (work.halted) continue;
        if (requirement === 'NONE') {
          unalignedPath(work);
          continue;
        }
        pending.push(
          alignedPath(work, context.signal).catch((error: unknown) => {
            context.logger.error({ err: error, accession: work.input.accession }, 'alignment of entry failed');
            work.output.errors.push(alignmentError(messages.unknownAlignmentError(), 'internal'));
          }),
        );
      }
      await Promise.all(pending);
      // Cancelled alignments came back as failures; they say nothing about the entries, so the
      // batch must not go on as if they had failed to align.
      context.signal.throwIfAborted();
    },
  };
}

