/**
 * Assignment of an entry's FASTA records to datasets on the aligned path
 * (preprocessing-config.md §6.2 step 1). Single-dataset organisms take the one record as `main`;
 * multi-dataset organisms classify every record: with `align`, by the best alignment score among
 * the datasets the k-mer prefilter leaves; with `minimizer`/`diamond`, by the k-mer classifier
 * alone (our stand-in for `nextclade sort` and `diamond`, see docs/translation.md).
 */
import type { AlignOutcome } from '../align/types.js';
import type { DatasetSpec } from '../config/datasets.js';
import { classify, type KmerIndex } from './kmer-classifier.js';
import { messages, methodLabel } from './messages.js';

export interface ClassifyContext {
  datasets: DatasetSpec[];
  indexes: Map<string, KmerIndex>;
  method: 'align' | 'minimizer' | 'diamond';
  organism: string;
  /** Aligns one sequence against one dataset (by sequence name). */
  align: (sequenceName: string, sequence: string) => Promise<AlignOutcome>;
}

export interface EntryAssignment {
  /** sequence name → FASTA id */
  assigned: Record<string, string>;
  /** Alignments already computed while classifying (method `align`), by sequence name. */
  outcomes: Record<string, AlignOutcome>;
  errors: string[];
}

/** For `align`: datasets worth aligning against, i.e. not far behind the best k-mer score. */
function prefilter(context: ClassifyContext, sequence: string): string[] {
  const { scores } = classify(context.indexes, sequence);
  const entries = Object.entries(scores).filter(([, s]) => s.hits > 0);
  if (entries.length === 0) return [];
  const best = Math.max(...entries.map(([, s]) => s.score));
  return entries.filter(([, s]) => s.score >= best * 0.5).map(([name]) => name);
}

export async function classifySequences(
  context: ClassifyContext,
  sequences: Record<string, string | null>,
): Promise<EntryAssignment> {
  const errors: string[] = [];
  const bestOf = new Map<string, string>(); // fasta id → sequence name
  const outcomeOf = new Map<string, AlignOutcome>(); // fasta id → its alignment to that dataset

  await Promise.all(
    Object.entries(sequences).map(async ([fastaId, sequence]) => {
      const seq = sequence ?? '';
      if (context.method === 'align') {
        const candidates = prefilter(context, seq);
        const tried = await Promise.all(candidates.map(async (name) => [name, await context.align(name, seq)] as const));
        let best: { name: string; score: number; outcome: AlignOutcome } | null = null;
        for (const [name, outcome] of tried) {
          if (!outcome.ok) continue;
          if (!best || outcome.alignment.alignmentScore > best.score) best = { name, score: outcome.alignment.alignmentScore, outcome };
        }
        if (best) {
          bestOf.set(fastaId, best.name);
          outcomeOf.set(fastaId, best.outcome);
        }
        return;
      }
      const { best } = classify(context.indexes, seq);
      if (best !== null) bestOf.set(fastaId, best);
    }),
  );

  const fastaIds = Object.keys(sequences);
  for (const fastaId of fastaIds) {
    if (!bestOf.has(fastaId)) errors.push(messages.noMatch(fastaId, context.organism, methodLabel(context.method)));
  }
  // Group by segment: two records on one segment (whatever their references) keep neither.
  const bySegment = new Map<string, string[]>();
  for (const fastaId of fastaIds) {
    const name = bestOf.get(fastaId);
    if (name === undefined) continue;
    const segment = context.datasets.find((d) => d.sequenceName === name)!.segment;
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), fastaId]);
  }
  const assigned: Record<string, string> = {};
  const kept: Record<string, AlignOutcome> = {};
  for (const [segment, ids] of bySegment) {
    if (ids.length > 1) {
      errors.push(messages.multipleOnSegment(ids, segment));
      continue;
    }
    const name = bestOf.get(ids[0])!;
    assigned[name] = ids[0];
    const outcome = outcomeOf.get(ids[0]);
    if (outcome) kept[name] = outcome;
  }
  return { assigned, outcomes: kept, errors };
}
