/**
 * What the analysis derives once per dataset (and per thread): reference peptides, QC settings,
 * mutation labels, the indexed tree. Cached on the dataset object so every alignment reuses it.
 */
import type { GenomeAnnotation } from '../dataset/annotation.js';
import { QcConfigSchema, type QcConfig } from './qc/config.js';
import { peptidesOf } from './reference-peptides.js';
import type { TranslationParams } from './translate-cds.js';
import { indexTree, type TreeIndex } from './tree/tree-index.js';

/** The dataset as loaded by `src/dataset/` (only the parts the analysis reads). */
export interface AnalysisDataset {
  name?: string;
  reference: { name?: string; sequence: string };
  annotation?: GenomeAnnotation | null;
  pathogen?: Record<string, unknown> | null;
  alignParams?: object | null;
  tree?: unknown;
}

export interface DatasetContext {
  reference: string;
  annotation: GenomeAnnotation;
  refPeptides: Map<string, string>;
  translationParams: TranslationParams;
  /** Null when `pathogen.json` has no `qc` block: then there is no QC at all. */
  qc: QcConfig | null;
  nucLabels: Record<string, string[]>;
  tree: TreeIndex | null;
  phenotypeData: unknown;
}

const contexts = new WeakMap<object, DatasetContext>();

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function buildContext(dataset: AnalysisDataset): DatasetContext {
  const reference = dataset.reference.sequence.toUpperCase();
  const annotation = dataset.annotation ?? { cdses: [] };
  const params = { ...((dataset.pathogen?.alignmentParams as Record<string, unknown>) ?? {}), ...((dataset.alignParams ?? {}) as Record<string, unknown>) };
  const translationParams: TranslationParams = {
    scoreMatch: numberOr(params.scoreMatch, 3),
    penaltyMismatch: numberOr(params.penaltyMismatch, 1),
    penaltyGapOpen: numberOr(params.penaltyGapOpen, 6),
    penaltyGapExtend: numberOr(params.penaltyGapExtend, 0),
    gapAlignmentSide: params.gapAlignmentSide === 'right' ? 'right' : 'left',
    noTranslatePastStop: params.noTranslatePastStop === true,
  };
  const refPeptides = peptidesOf(reference, annotation);

  const rawQc = dataset.pathogen?.qc;
  const parsedQc = rawQc && typeof rawQc === 'object' ? QcConfigSchema.safeParse(rawQc) : null;
  const labels = ((dataset.pathogen?.mutLabels as Record<string, unknown>)?.nucMutLabelMap ?? {}) as Record<string, string[]>;
  return {
    reference,
    annotation,
    refPeptides,
    translationParams,
    qc: parsedQc?.success ? parsedQc.data : null,
    nucLabels: labels,
    tree: dataset.tree ? indexTree(dataset.tree) : null,
    phenotypeData: dataset.pathogen?.phenotypeData ?? null,
  };
}

export function datasetContext(dataset: AnalysisDataset): DatasetContext {
  let context = contexts.get(dataset);
  if (!context) {
    context = buildContext(dataset);
    contexts.set(dataset, context);
  }
  return context;
}
