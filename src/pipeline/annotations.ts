/**
 * Annotation helpers: deduplicate and order deterministically (the reference uses sets, so its
 * order is unstable; preprocessing-config.md §10 #13).
 */
import type { Annotation, ProcessedEntry } from '../contract/entries.js';

function key(annotation: Annotation): string {
  const fields = (list: Annotation['processedFields']) => list.map((f) => `${f.type}:${f.name}`).join(',');
  return `${fields(annotation.processedFields)}|${fields(annotation.unprocessedFields)}|${annotation.message}`;
}

export function dedupeAnnotations(list: Annotation[]): Annotation[] {
  if (list.length <= 1) return list;
  const seen = new Map<string, Annotation>();
  for (const annotation of list) {
    const k = key(annotation);
    if (!seen.has(k)) seen.set(k, annotation);
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

export function finaliseAnnotations(entry: ProcessedEntry): ProcessedEntry {
  entry.errors = dedupeAnnotations(entry.errors);
  entry.warnings = dedupeAnnotations(entry.warnings);
  return entry;
}

export function sequenceAnnotation(name: string, message: string, category: Annotation['category']): Annotation {
  return {
    unprocessedFields: [{ name, type: 'NucleotideSequence' }],
    processedFields: [{ name, type: 'NucleotideSequence' }],
    message,
    category,
  };
}
