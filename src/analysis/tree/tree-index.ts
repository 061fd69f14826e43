/**
 * A reference tree (`tree.json`, Auspice v2) flattened for placement (alignment.md §12): nodes in
 * depth-first pre-order with their parent, subtree size and parsed branch mutations. Built once per
 * dataset and thread; placement then walks it applying and undoing branch mutations, so no node
 * needs its own full mutation map.
 */
import type { Range } from '../types.js';

export interface BranchMutation {
  pos: number;
  from: string;
  to: string;
}

export interface TreeNode {
  name: string;
  parent: number;
  /** Number of nodes in this node's subtree, itself included. */
  subtreeSize: number;
  nuc: BranchMutation[];
  /** Amino-acid branch mutations per CDS name. */
  aa: Map<string, BranchMutation[]>;
  clade: string | null;
  /** Values of the dataset's clade-like attributes (e.g. lineage). */
  attributes: Record<string, string>;
  /** log10 prior, −10 when the node has none. */
  logPrior: number;
  div: number;
}

export interface CladeNodeAttr {
  name: string;
  skipAsReference: boolean;
}

export interface TreeIndex {
  nodes: TreeNode[];
  cladeNodeAttrs: CladeNodeAttr[];
  placementMask: Range[];
  /** Divergence is per site when the largest `div` on the tree is ≤ 5. */
  divergencePerSite: boolean;
}

type Json = Record<string, unknown>;

function parseMutation(text: string): BranchMutation | null {
  const match = /^([A-Za-z*-])(\d+)([A-Za-z*-])$/.exec(text);
  if (!match) return null;
  return { from: match[1].toUpperCase(), pos: Number(match[2]) - 1, to: match[3].toUpperCase() };
}

function valueOf(attr: unknown): string | null {
  if (attr && typeof attr === 'object' && 'value' in attr) {
    const value = (attr as Json).value;
    if (value === null || value === undefined) return null;
    return String(value);
  }
  return null;
}

export function indexTree(tree: unknown): TreeIndex {
  const root = (tree as Json)?.tree as Json | undefined;
  if (!root || typeof root !== 'object') throw new Error('tree.json has no "tree" object');
  const extension = (((tree as Json).meta as Json)?.extensions as Json)?.nextclade as Json | undefined;
  const cladeNodeAttrs: CladeNodeAttr[] = Array.isArray(extension?.clade_node_attrs)
    ? (extension!.clade_node_attrs as Json[]).map((a) => ({ name: String(a.name), skipAsReference: Boolean(a.skipAsReference) }))
    : [];
  const placementMask: Range[] = Array.isArray(extension?.placement_mask_ranges)
    ? (extension!.placement_mask_ranges as Json[]).map((r) => ({ begin: Number(r.begin), end: Number(r.end) }))
    : [];

  const nodes: TreeNode[] = [];
  // Iterative pre-order walk: deep trees must not overflow the stack.
  const stack: { node: Json; parent: number }[] = [{ node: root, parent: -1 }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    const attrs = (node.node_attrs ?? {}) as Json;
    const mutations = ((node.branch_attrs as Json)?.mutations ?? {}) as Record<string, unknown>;
    const aa = new Map<string, BranchMutation[]>();
    let nuc: BranchMutation[] = [];
    for (const [key, list] of Object.entries(mutations)) {
      if (!Array.isArray(list)) continue;
      const parsed = list.map((m) => (typeof m === 'string' ? parseMutation(m) : null)).filter((m): m is BranchMutation => m !== null);
      if (key === 'nuc') nuc = parsed;
      else aa.set(key, parsed);
    }
    const attributes: Record<string, string> = {};
    for (const { name } of cladeNodeAttrs) {
      const value = valueOf(attrs[name]);
      if (value !== null) attributes[name] = value;
    }
    const prior = Number(valueOf(attrs.placement_prior));
    const index = nodes.length;
    nodes.push({
      name: String(node.name ?? ''),
      parent,
      subtreeSize: 1,
      nuc,
      aa,
      clade: valueOf(attrs.clade_membership),
      attributes,
      logPrior: Number.isFinite(prior) && attrs.placement_prior !== undefined ? prior : -10,
      div: Number(attrs.div ?? 0) || 0,
    });
    const children = Array.isArray(node.children) ? (node.children as Json[]) : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: index });
  }
  // Pre-order: a node's subtree is the contiguous run after it; sizes accumulate bottom-up.
  for (let i = nodes.length - 1; i > 0; i--) nodes[nodes[i].parent].subtreeSize += nodes[i].subtreeSize;
  const maxDiv = nodes.reduce((max, n) => Math.max(max, n.div), 0);
  return { nodes, cladeNodeAttrs, placementMask, divergencePerSite: maxDiv <= 5 };
}

/** Path from the root to `index`, root first. */
export function pathToRoot(index: TreeIndex, node: number): number[] {
  const path: number[] = [];
  for (let i = node; i >= 0; i = index.nodes[i].parent) path.push(i);
  return path.reverse();
}

/**
 * Accumulated nucleotide states of a node relative to the reference: position → letter, with
 * reversions to the reference letter removed.
 */
export function nodeNucStates(index: TreeIndex, node: number, reference: string): Map<number, string> {
  const states = new Map<number, string>();
  for (const i of pathToRoot(index, node)) {
    for (const m of index.nodes[i].nuc) {
      if (m.to === reference[m.pos]) states.delete(m.pos);
      else states.set(m.pos, m.to);
    }
  }
  return states;
}

/** Same as `nodeNucStates` for one CDS's amino acids. */
export function nodeAaStates(index: TreeIndex, node: number, cdsName: string, refPeptide: string): Map<number, string> {
  const states = new Map<number, string>();
  for (const i of pathToRoot(index, node)) {
    for (const m of index.nodes[i].aa.get(cdsName) ?? []) {
      if (m.to === refPeptide[m.pos]) states.delete(m.pos);
      else states.set(m.pos, m.to);
    }
  }
  return states;
}
