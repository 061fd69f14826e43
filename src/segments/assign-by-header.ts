/**
 * Segment assignment from FASTA ids alone, for organisms that are not aligned
 * (preprocessing-config.md §6.3): an id belongs to segment `s` when the part after its last `_`
 * is `s` (case-insensitive), or the whole id is.
 */
import type { DatasetSpec } from '../config/datasets.js';
import { messages } from './messages.js';

export interface HeaderAssignment {
  /** sequence name → FASTA id */
  assigned: Record<string, string>;
  errors: string[];
}

export function assignByHeader(fastaIds: string[], datasets: DatasetSpec[], organism: string): HeaderAssignment {
  if (datasets.length === 0) return { assigned: {}, errors: [] };
  const segments = [...new Set(datasets.map((d) => d.segment))];
  if (segments.length === 1) {
    if (fastaIds.length > 1) return { assigned: {}, errors: [messages.singleSegmentMultiple(fastaIds, organism)] };
    if (fastaIds.length === 0) return { assigned: {}, errors: [] };
    return { assigned: { [datasets[0].sequenceName]: fastaIds[0] }, errors: [] };
  }
  const assigned: Record<string, string> = {};
  const errors: string[] = [];
  const used = new Set<string>();
  let duplicates = false;
  for (const segment of segments) {
    const lower = segment.toLowerCase();
    const matches = fastaIds.filter((id) => {
      const low = id.toLowerCase();
      return low === lower || low.endsWith(`_${lower}`);
    });
    matches.forEach((id) => used.add(id));
    if (matches.length > 1) {
      duplicates = true;
      errors.push(messages.headerDuplicate(segment));
      continue;
    }
    if (matches.length === 1) {
      const dataset = datasets.find((d) => d.segment === segment)!;
      assigned[dataset.sequenceName] = matches[0];
    }
  }
  const leftovers = fastaIds.filter((id) => !used.has(id));
  if (leftovers.length > 0) errors.push(messages.headerUnknown(leftovers, segments));
  if (Object.keys(assigned).length === 0 && !duplicates) errors.push(messages.headerNothing());
  return { assigned, errors };
}
