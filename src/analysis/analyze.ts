/**
 * The analysis of one aligned sequence (alignment.md §9–14), called inside the aligner's worker
 * thread right after the nucleotide alignment. Pure: reads the dataset and the alignment, returns
 * the Nextclade-shaped result plus the translated CDSs for the translate stage.
 */
import { cdsCoverage, findAaChanges } from './aa-changes.js';
import { insertionsByPosition } from './cds-extract.js';
import { datasetContext, type AnalysisDataset } from './dataset-context.js';
import { nucChanges, type NucChanges } from '../align/nuc-analysis.js';
import type { NucAlignment } from '../align/types.js';
import { computePhenotypes } from './phenotype.js';
import { findStopCodons } from './qc/stop-codons.js';
import { runQc } from './qc/run-qc.js';
import type { NextcladeResult } from './result.js';
import { CdsTranslationError, translateCds } from './translate-cds.js';
import { analyzeOnTree } from './tree/tree-analysis.js';
import type {
  AaDeletion,
  AaInsertion,
  AaSubstitution,
  AlignmentInput,
  CdsTranslation,
  FrameShift,
  Insertion,
  SequenceAnalysis,
  StopCodon,
} from './types.js';

export type { AnalysisDataset } from './dataset-context.js';
export type { SequenceAnalysis } from './types.js';

const byPosition = (x: Insertion, y: Insertion) => x.pos - y.pos || x.ins.length - y.ins.length;

/**
 * The aligner's `NucAlignment`, or a hand-made one (tests) that may give only `alignedQuery` and
 * `insertions`. The aligner's insertions come sorted and are kept as they are, so the result
 * shares the array with the alignment instead of carrying a copy across the thread boundary.
 */
function readAlignment(alignment: Partial<NucAlignment> & { seqName?: unknown }): AlignmentInput & { seqName: string } {
  const query = alignment.alignedQuery;
  if (typeof query !== 'string') throw new Error('analyzeAlignment: the alignment has no aligned query sequence');
  const given = Array.isArray(alignment.insertions) ? alignment.insertions : [];
  const sorted = given.every((insertion, i) => i === 0 || byPosition(given[i - 1], insertion) <= 0);
  return {
    seqName: typeof alignment.seqName === 'string' ? alignment.seqName : '',
    // The aligner upper-cases input (alignment.md §2); only hand-made alignments need it here.
    alignedQuery: /[a-z]/.test(query.slice(0, 64)) ? query.toUpperCase() : query,
    insertions: sorted ? given : [...given].sort(byPosition),
    alignmentScore: typeof alignment.alignmentScore === 'number' ? alignment.alignmentScore : 0,
    isReverseComplement: alignment.isReverseComplement === true,
  };
}

/**
 * The aligner already computed the nucleotide changes (same definitions, alignment.md §9) in this
 * thread; reuse them rather than scanning the genome twice. Hand-made alignments get them computed.
 */
function nucChangesOf(alignment: Partial<NucAlignment>, reference: string, input: AlignmentInput): NucChanges {
  if (alignment.alignmentRange && Array.isArray(alignment.substitutions) && typeof alignment.coverage === 'number') {
    return alignment as NucChanges;
  }
  return nucChanges(input.alignedQuery, reference, input.insertions);
}

export function analyzeAlignment(dataset: AnalysisDataset, given: unknown): SequenceAnalysis {
  const context = datasetContext(dataset);
  const alignment = (given ?? {}) as Partial<NucAlignment>;
  const input = readAlignment(alignment);
  const { reference } = context;
  const nuc = nucChangesOf(alignment, reference, input);

  const queryContext = {
    reference,
    query: input.alignedQuery,
    insertionsAt: insertionsByPosition(input.insertions),
    alignmentRange: nuc.alignmentRange,
  };
  const translations: CdsTranslation[] = [];
  const warnings: { cdsName: string; message: string }[] = [];
  const missingCdses: string[] = [];
  const aaSubstitutions: AaSubstitution[] = [];
  const aaDeletions: AaDeletion[] = [];
  const aaInsertions: AaInsertion[] = [];
  const frameShifts: FrameShift[] = [];
  const stopCodons: StopCodon[] = [];
  const coverageByCds: Record<string, number> = {};
  const substitutionsByCds = new Map<string, AaSubstitution[]>();

  for (const cds of context.annotation.cdses) {
    const refPeptide = context.refPeptides.get(cds.name) ?? '';
    let translation: CdsTranslation;
    try {
      translation = translateCds(queryContext, cds, refPeptide, context.translationParams);
    } catch (error) {
      if (!(error instanceof CdsTranslationError)) throw error;
      missingCdses.push(cds.name);
      warnings.push({
        cdsName: cds.name,
        message: `When processing CDS "${cds.name}": ${error.message}. Note that this CDS will not be included in the results of the sequence.`,
      });
      continue;
    }
    translations.push(translation);
    const changes = findAaChanges(translation, refPeptide);
    aaSubstitutions.push(...changes.substitutions);
    aaDeletions.push(...changes.deletions);
    substitutionsByCds.set(cds.name, changes.substitutions);
    for (const ins of translation.insertions) aaInsertions.push({ cds: cds.name, pos: ins.pos, ins: ins.ins });
    frameShifts.push(...translation.frameShifts);
    stopCodons.push(...findStopCodons(cds.name, translation.peptide));
    coverageByCds[cds.name] = cdsCoverage(translation, refPeptide);
  }

  const result: NextcladeResult = {
    seqName: input.seqName,
    alignmentScore: input.alignmentScore,
    isReverseComplement: input.isReverseComplement,
    alignmentRange: nuc.alignmentRange,
    coverage: nuc.coverage,
    substitutions: nuc.substitutions,
    deletions: nuc.deletions,
    insertions: input.insertions,
    missing: nuc.missing,
    nonACGTNs: nuc.nonACGTNs,
    totalSubstitutions: nuc.totalSubstitutions,
    totalDeletions: nuc.totalDeletions,
    totalInsertions: nuc.totalInsertions,
    totalMissing: nuc.totalMissing,
    totalNonACGTNs: nuc.totalNonACGTNs,
    frameShifts,
    totalFrameShifts: frameShifts.length,
    aaSubstitutions,
    aaDeletions,
    aaInsertions,
    totalAminoacidSubstitutions: aaSubstitutions.length,
    totalAminoacidDeletions: aaDeletions.length,
    totalAminoacidInsertions: aaInsertions.reduce((sum, i) => sum + i.ins.length, 0),
    cdsCoverage: coverageByCds,
    missingCdses,
    warnings,
  };

  let privateCounts = { reversions: 0, labeled: 0, unlabeled: 0, deletionRanges: 0 };
  let privatePositions: number[] = [];
  if (context.tree) {
    const tree = analyzeOnTree(context.tree, {
      reference,
      query: input.alignedQuery,
      alignmentRange: nuc.alignmentRange,
      translations,
      refPeptides: context.refPeptides,
      nucLabels: context.nucLabels,
    });
    Object.assign(result, tree.fields);
    privateCounts = {
      reversions: tree.privateNuc.totalReversionSubstitutions,
      labeled: tree.privateNuc.totalLabeledSubstitutions,
      unlabeled: tree.privateNuc.totalUnlabeledSubstitutions,
      deletionRanges: tree.privateNuc.privateDeletionRanges.length,
    };
    privatePositions = tree.privateNuc.privateSubstitutions.map((s) => s.pos);
  }

  if (context.qc) {
    result.qc = runQc(context.qc, {
      totalMissing: nuc.totalMissing,
      totalNonACGTNs: nuc.totalNonACGTNs,
      frameShifts,
      stopCodons,
      privateMutations: privateCounts,
      privateSubstitutionPositions: privatePositions,
    });
  }
  const phenotypeValues = computePhenotypes(context.phenotypeData, substitutionsByCds);
  if (phenotypeValues) result.phenotypeValues = phenotypeValues;

  return { result, translations };
}
