/**
 * Nearest-node placement (alignment.md §12): for every node in pre-order,
 * distance = nodeSubs + qrySubs − 2·shared − sharedSites − undetermined; the smallest distance
 * wins, ties go to the higher prior, then to the earlier node. The distance is kept up to date
 * while walking the tree, changing only the positions a branch mutates.
 */
import { isAcgt } from '../nuc-letters.js';
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
    const q = query[pos];
    if (pos < alignmentRange.begin || pos >= alignmentRange.end || q === 'N' || q === '-') {
      undetermined[pos] = 1;
    } else if (isAcgt(q) && q !== reference[pos]) {
      substitution[pos] = q.charCodeAt(0);
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

export function findNearestNode(index: TreeIndex, reference: string, states: QueryStates): Placement {
  const nodeState = new Uint8Array(reference.length);
  const undoPos: number[] = [];
  const undoValue: number[] = [];
  const open: { end: number; undoLength: number }[] = [];
  let distance = states.totalSubstitutions;
  let best = { node: 0, distance: Infinity, logPrior: -Infinity };

  const { nodes } = index;
  for (let i = 0; i < nodes.length; i++) {
    // Leave the subtrees that ended before this node, undoing their mutations.
    while (open.length > 0 && open[open.length - 1].end <= i) {
      const frame = open.pop()!;
      while (undoPos.length > frame.undoLength) {
        const pos = undoPos.pop()!;
        const value = undoValue.pop()!;
        distance += contribution(states, pos, value) - contribution(states, pos, nodeState[pos]);
        nodeState[pos] = value;
      }
    }
    open.push({ end: i + nodes[i].subtreeSize, undoLength: undoPos.length });
    for (const m of nodes[i].nuc) {
      if (m.pos < 0 || m.pos >= reference.length) continue;
      const value = m.to === reference[m.pos] ? 0 : m.to.charCodeAt(0);
      const old = nodeState[m.pos];
      if (value === old) continue;
      undoPos.push(m.pos);
      undoValue.push(old);
      distance += contribution(states, m.pos, value) - contribution(states, m.pos, old);
      nodeState[m.pos] = value;
    }
    const logPrior = nodes[i].logPrior;
    if (distance < best.distance || (distance === best.distance && logPrior > best.logPrior)) {
      best = { node: i, distance, logPrior };
    }
  }
  return { node: best.node, distance: best.distance };
}
