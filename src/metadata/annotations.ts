/**
 * Deduplication and deterministic order of annotations (§10 #13: the reference uses sets, so its
 * order is unstable; we sort).
 */
import type { Annotation } from '../contract/entries.js';

export function annotationKey(annotation: Annotation): string {
  const sources = (list: Annotation['processedFields']) => list.map((source) => `${source.type}:${source.name}`).join(',');
  return `${sources(annotation.processedFields)}\u0000${annotation.message}\u0000${sources(annotation.unprocessedFields)}`;
}

/** Appends `added` to `target`, skipping annotations already present; `added` is sorted first. */
export function mergeAnnotations(target: Annotation[], added: Annotation[]): void {
  if (added.length === 0) return;
  // One annotation into an empty list: nothing to sort or deduplicate.
  if (added.length === 1 && target.length === 0) {
    target.push(added[0]);
    return;
  }
  const seen = new Set(target.map(annotationKey));
  const keyed = added.map((annotation) => ({ annotation, key: annotationKey(annotation) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { annotation, key } of keyed) {
    if (seen.has(key)) continue;
    seen.add(key);
    target.push(annotation);
  }
}
