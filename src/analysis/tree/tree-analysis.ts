/**
 * Everything a reference tree adds to one result (alignment.md §12): nearest node, clade and
 * clade-like attributes, private mutations, clade founder information and divergence.
 */
import { isAcgt } from '../nuc-letters.js';
import type { CdsTranslation, Range } from '../types.js';
import { findNearestNode, queryStates } from './placement.js';
import { findPrivateAaMutations, findPrivateNucMutations, type PrivateNucMutations } from './private-mutations.js';
import { nodeAaStates, nodeNucStates, pathToRoot, type TreeIndex } from './tree-index.js';

export interface TreeAnalysisInput {
  reference: string;
  query: string;
  alignmentRange: Range;
  translations: CdsTranslation[];
  refPeptides: Map<string, string>;
  nucLabels: Record<string, string[]>;
}

export interface TreeAnalysis {
  fields: Record<string, unknown>;
  privateNuc: PrivateNucMutations;
}

function mutationsAgainst(index: TreeIndex, node: number, input: TreeAnalysisInput) {
  const nucMutations = findPrivateNucMutations(
    input.reference,
    input.query,
    input.alignmentRange,
    nodeNucStates(index, node, input.reference),
    input.nucLabels,
  );
  const aaMutations: Record<string, unknown> = {};
  for (const t of input.translations) {
    const refPeptide = input.refPeptides.get(t.cdsName) ?? '';
    aaMutations[t.cdsName] = findPrivateAaMutations(
      t.cdsName,
      t.peptide,
      refPeptide,
      t.alignmentRanges,
      nodeAaStates(index, node, t.cdsName, refPeptide),
    );
  }
  return { nucMutations, aaMutations };
}

/** The most ancestral node on the path to the root whose `valueOf` equals the query's value. */
function founderOf(index: TreeIndex, nearest: number, value: string | null, valueOf: (n: number) => string | null): number {
  if (value === null) return nearest;
  const path = pathToRoot(index, nearest);
  for (const node of path) if (valueOf(node) === value) return node;
  return nearest;
}

export function analyzeOnTree(index: TreeIndex, input: TreeAnalysisInput): TreeAnalysis {
  const states = queryStates(input.reference, input.query, input.alignmentRange, index.placementMask);
  const nearest = findNearestNode(index, input.reference, states);
  const node = index.nodes[nearest.node];

  const own = mutationsAgainst(index, nearest.node, input);
  const privateNuc = own.nucMutations;

  const fields: Record<string, unknown> = {
    nearestNodeId: nearest.node,
    nearestNodeName: node.name,
    privateNucMutations: privateNuc,
    privateAaMutations: own.aaMutations,
  };
  if (node.clade !== null) fields.clade = node.clade;
  fields.customNodeAttributes = { ...node.attributes };

  if (node.clade !== null) {
    const founder = founderOf(index, nearest.node, node.clade, (n) => index.nodes[n].clade);
    const against = mutationsAgainst(index, founder, input);
    fields.cladeFounderInfo = {
      key: 'clade',
      value: node.clade,
      nodeKey: founder,
      nodeName: index.nodes[founder].name,
      nucMutations: against.nucMutations,
      aaMutations: against.aaMutations,
    };
  }
  const attrFounders: Record<string, unknown> = {};
  for (const attr of index.cladeNodeAttrs) {
    const value = node.attributes[attr.name] ?? null;
    if (attr.skipAsReference || value === null) continue;
    const founder = founderOf(index, nearest.node, value, (n) => index.nodes[n].attributes[attr.name] ?? null);
    const against = mutationsAgainst(index, founder, input);
    attrFounders[attr.name] = {
      key: attr.name,
      value,
      nodeKey: founder,
      nodeName: index.nodes[founder].name,
      nucMutations: against.nucMutations,
      aaMutations: against.aaMutations,
    };
  }
  fields.cladeNodeAttrFounderInfo = attrFounders;

  // Branch length: private ACGT→ACGT substitutions outside the placement mask.
  const masked = (pos: number) => index.placementMask.some((r) => pos >= r.begin && pos < r.end);
  const branch = privateNuc.privateSubstitutions.filter((s) => isAcgt(s.refNuc) && isAcgt(s.qryNuc) && !masked(s.pos)).length;
  fields.divergence = node.div + (index.divergencePerSite ? branch / input.reference.length : branch);
  return { fields, privateNuc };
}
