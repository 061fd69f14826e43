/**
 * Mutations of the query that its tree node does not explain (alignment.md §12 "Private
 * nucleotide mutations"), plus the amino-acid analogue per CDS.
 */
import { isAcgt, isNonAcgtn } from '../nuc-letters.js';
import type { AaDeletion, AaSubstitution, NucSubstitution, Range } from '../types.js';

export interface PrivateNucMutations {
  privateSubstitutions: NucSubstitution[];
  privateDeletions: { refNuc: string; pos: number; qryNuc: string }[];
  reversionSubstitutions: NucSubstitution[];
  labeledSubstitutions: { substitution: NucSubstitution; labels: string[] }[];
  unlabeledSubstitutions: NucSubstitution[];
  totalReversionSubstitutions: number;
  totalLabeledSubstitutions: number;
  totalUnlabeledSubstitutions: number;
  totalPrivateSubstitutions: number;
  totalPrivateDeletions: number;
  /** Adjacent private deletions grouped, for the QC rule. */
  privateDeletionRanges: Range[];
}

export function findPrivateNucMutations(
  reference: string,
  query: string,
  alignmentRange: Range,
  node: Map<number, string>,
  labelMap: Record<string, string[]>,
): PrivateNucMutations {
  const nonReversions: NucSubstitution[] = [];
  const reversions: NucSubstitution[] = [];
  const deletions: { refNuc: string; pos: number; qryNuc: string }[] = [];
  // The node's positions in order, walked alongside: a position where the query has the reference
  // letter and the node has none (nearly all of them) is passed over without a map lookup.
  const nodePositions = [...node.keys()].sort((a, b) => a - b);
  let nextNode = 0;
  for (let pos = alignmentRange.begin; pos < alignmentRange.end; pos++) {
    while (nextNode < nodePositions.length && nodePositions[nextNode] < pos) nextNode++;
    const nodeHere = nodePositions[nextNode] === pos;
    const code = query.charCodeAt(pos);
    if (!nodeHere && code === reference.charCodeAt(pos) && code !== 45 /* - */) continue;
    const q = query[pos];
    const n = nodeHere ? node.get(pos) : undefined;
    if (q === '-') {
      if (n === undefined || n !== '-') deletions.push({ refNuc: n ?? reference[pos], pos, qryNuc: '-' });
      continue;
    }
    if (isAcgt(q) && q !== reference[pos]) {
      if (n !== q) nonReversions.push({ refNuc: n ?? reference[pos], pos, qryNuc: q });
      continue;
    }
    // The query has the reference letter here (or an ambiguity code): a node mutation is reverted.
    if (n !== undefined && n !== '-' && q !== 'N' && !isNonAcgtn(q) && q === reference[pos]) {
      reversions.push({ refNuc: n, pos, qryNuc: reference[pos] });
    }
  }
  const labeled: { substitution: NucSubstitution; labels: string[] }[] = [];
  const unlabeled: NucSubstitution[] = [];
  for (const sub of nonReversions) {
    const labels = labelMap[`${sub.pos + 1}${sub.qryNuc}`];
    if (labels && labels.length > 0) labeled.push({ substitution: sub, labels });
    else unlabeled.push(sub);
  }
  const privateSubstitutions = [...reversions, ...nonReversions].sort((a, b) => a.pos - b.pos);
  const privateDeletionRanges: Range[] = [];
  for (const d of deletions) {
    const last = privateDeletionRanges[privateDeletionRanges.length - 1];
    if (last && last.end === d.pos) last.end++;
    else privateDeletionRanges.push({ begin: d.pos, end: d.pos + 1 });
  }
  return {
    privateSubstitutions,
    privateDeletions: deletions,
    reversionSubstitutions: reversions,
    labeledSubstitutions: labeled,
    unlabeledSubstitutions: unlabeled,
    totalReversionSubstitutions: reversions.length,
    totalLabeledSubstitutions: labeled.length,
    totalUnlabeledSubstitutions: unlabeled.length,
    totalPrivateSubstitutions: privateSubstitutions.length,
    totalPrivateDeletions: deletions.length,
    privateDeletionRanges,
  };
}

export interface PrivateAaMutations {
  privateSubstitutions: AaSubstitution[];
  privateDeletions: AaDeletion[];
  reversionSubstitutions: AaSubstitution[];
  labeledSubstitutions: { substitution: AaSubstitution; labels: string[] }[];
  unlabeledSubstitutions: AaSubstitution[];
  totalReversionSubstitutions: number;
  totalLabeledSubstitutions: number;
  totalUnlabeledSubstitutions: number;
  totalPrivateSubstitutions: number;
  totalPrivateDeletions: number;
}

export function findPrivateAaMutations(
  cdsName: string,
  peptide: string,
  refPeptide: string,
  sequenced: Range[],
  node: Map<number, string>,
): PrivateAaMutations {
  const nonReversions: AaSubstitution[] = [];
  const reversions: AaSubstitution[] = [];
  const deletions: AaDeletion[] = [];
  for (const range of sequenced) {
    for (let pos = range.begin; pos < Math.min(range.end, peptide.length); pos++) {
      const q = peptide[pos];
      const n = node.get(pos);
      if (q === '-') {
        if (n !== '-') deletions.push({ cdsName, refAa: n ?? refPeptide[pos], pos });
      } else if (q === 'X') {
        continue;
      } else if (q !== refPeptide[pos]) {
        if (n !== q) nonReversions.push({ cdsName, refAa: n ?? refPeptide[pos], pos, qryAa: q });
      } else if (n !== undefined && n !== '-') {
        reversions.push({ cdsName, refAa: n, pos, qryAa: q });
      }
    }
  }
  const privateSubstitutions = [...reversions, ...nonReversions].sort((a, b) => a.pos - b.pos);
  return {
    privateSubstitutions,
    privateDeletions: deletions,
    reversionSubstitutions: reversions,
    labeledSubstitutions: [],
    unlabeledSubstitutions: nonReversions,
    totalReversionSubstitutions: reversions.length,
    totalLabeledSubstitutions: 0,
    totalUnlabeledSubstitutions: nonReversions.length,
    totalPrivateSubstitutions: privateSubstitutions.length,
    totalPrivateDeletions: deletions.length,
  };
}
