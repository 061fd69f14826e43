/**
 * Nearest-node placement (alignment.md §12): for every node in pre-order,
 * distance = nodeSubs + qrySubs − 2·shared − sharedSites − undetermined; the smallest distance
 * wins, ties go to the higher prior, then to the earlier node. The distance is kept up to date
 * while walking the tree, changing only the positions a branch mutates.
 */
import type { Range } from '../types.js';
import type { TreeIndex } from './tree-index.js';

export interface QueryStates {
  /** Char code of the query's substituted base per position, 0 where none (or masked). */
  substitution: Uint8Array;
  /** 1 where the query says nothing: outside the alignment, `N`, masked, or deleted. */
  undetermined: Uint8Array;
  totalSubstitutions: number;
}

export function queryStates(reference: string, query: string, alignmentRange: Range, mask: Range[]): QueryStates {
  const substitution = new Uint8Array(reference.length);
  const undetermined = new Uint8Array(reference.length);
  let totalSubstitutions = 0;
  for (let pos = 0; pos < reference.length; pos++) {
    const q = query.charCodeAt(pos);
    if (pos < alignmentRange.begin || pos >= alignmentRange.end || q === 78 /* N */ || q === 45 /* - */) {
      undetermined[pos] = 1;
    } else if ((q === 65 || q === 67 || q === 71 || q === 84) /* ACGT */ && q !== reference.charCodeAt(pos)) {
      substitution[pos] = q;
      totalSubstitutions++;
    }
  }
  for (const range of mask) {
    for (let pos = Math.max(0, range.begin); pos < Math.min(range.end, reference.length); pos++) {
      if (substitution[pos]) totalSubstitutions--;
      substitution[pos] = 0;
      undetermined[pos] = 1;
    }
  }
  return { substitution, undetermined, totalSubstitutions };
}

const GAP = '-'.charCodeAt(0);

/** This position's share of the distance when the node carries `node` (0 = reference letter). */
function contribution(states: QueryStates, pos: number, node: number): number {
  const q = states.substitution[pos];
  if (node === 0 || node === GAP) return q ? 1 : 0;
  if (q) return q === node ? 0 : 1;
  return states.undetermined[pos] ? 0 : 1;
}

export interface Placement {
  node: number;
  distance: number;
}

/**
 * The tree's branch mutations against one reference as flat arrays, with the walk's stacks: built
 * once per tree and thread, so placing a query allocates nothing but its node-state row.
 */
interface PlacementWalk {
  reference: string;
  /** Node i's mutations are entries [mutationStart[i], mutationStart[i + 1]). */
  mutationStart: Int32Array;
  position: Int32Array;
  /** Char code of the letter the branch leads to; 0 when that is the reference letter. */
  value: Uint8Array;
  /** One past the last node of node i's subtree (pre-order). */
  subtreeEnd: Int32Array;
  logPrior: Float64Array;
  undoPosition: Int32Array;
  undoValue: Uint8Array;
  openEnd: Int32Array;
  openUndo: Int32Array;
}

const walks = new WeakMap<TreeIndex, PlacementWalk>();

function buildWalk(index: TreeIndex, reference: string): PlacementWalk {
  const { nodes } = index;
  const mutationStart = new Int32Array(nodes.length + 1);
  const positions: number[] = [];
  const values: number[] = [];
  nodes.forEach((node, i) => {
    for (const m of node.nuc) {
      if (m.pos < 0 || m.pos >= reference.length) continue;
      positions.push(m.pos);
      values.push(m.to === reference[m.pos] ? 0 : m.to.charCodeAt(0));
    }
    mutationStart[i + 1] = positions.length;
  });
  return {
    reference,
    mutationStart,
    position: Int32Array.from(positions),
    value: Uint8Array.from(values),
    subtreeEnd: Int32Array.from(nodes, (node, i) => i + node.subtreeSize),
    logPrior: Float64Array.from(nodes, (node) => node.logPrior),
    // At most every mutation is applied at once, and at most every node is an open subtree.
    undoPosition: new Int32Array(positions.length),
    undoValue: new Uint8Array(positions.length),
    openEnd: new Int32Array(nodes.length),
    openUndo: new Int32Array(nodes.length),
  };
}

function walkOf(index: TreeIndex, reference: string): PlacementWalk {
  let walk = walks.get(index);
  if (walk === undefined || walk.reference !== reference) {
    walk = buildWalk(index, reference);
    walks.set(index, walk);
  }
  return walk;
}

export function findNearestNode(index: TreeIndex, reference: string, states: QueryStates): Placement {
  const walk = walkOf(index, reference);
  const { mutationStart, position, value, subtreeEnd, logPrior, undoPosition, undoValue, openEnd, openUndo } = walk;
  const nodeState = new Uint8Array(reference.length);
  let undoTop = 0;
  let openTop = 0;
  let distance = states.totalSubstitutions;
  let bestNode = 0;
  let bestDistance = Infinity;
  let bestLogPrior = -Infinity;

  for (let i = 0; i < subtreeEnd.length; i++) {
    // Leave the subtrees that ended before this node, undoing their mutations.
    while (openTop > 0 && openEnd[openTop - 1] <= i) {
      openTop--;
      const keep = openUndo[openTop];
      while (undoTop > keep) {
        undoTop--;
        const pos = undoPosition[undoTop];
        const restored = undoValue[undoTop];
        distance += contribution(states, pos, restored) - contribution(states, pos, nodeState[pos]);
        nodeState[pos] = restored;
      }
    }
    openEnd[openTop] = subtreeEnd[i];
    openUndo[openTop] = undoTop;
    openTop++;
    for (let k = mutationStart[i]; k < mutationStart[i + 1]; k++) {
      const pos = position[k];
      const next = value[k];
      const old = nodeState[pos];
      if (next === old) continue;
      undoPosition[undoTop] = pos;
      undoValue[undoTop] = old;
      undoTop++;
      distance += contribution(states, pos, next) - contribution(states, pos, old);
      nodeState[pos] = next;
    }
    if (distance < bestDistance || (distance === bestDistance && logPrior[i] > bestLogPrior)) {
      bestNode = i;
      bestDistance = distance;
      bestLogPrior = logPrior[i];
    }
  }
  return { node: bestNode, distance: bestDistance };
}
