/** Processed entries as NDJSON text, with the count of entries that carry errors. */
import type { ProcessedEntry } from '../contract/entries.js';
import { serialiseProcessedEntry } from '../contract/serialise.js';

export interface RenderedEntries {
  text: string;
  count: number;
  errors: number;
}

export function renderEntries(entries: readonly ProcessedEntry[]): RenderedEntries {
  let text = '';
  let errors = 0;
  for (const entry of entries) {
    text += serialiseProcessedEntry(entry) + '\n';
    if (entry.errors.length > 0) errors++;
  }
  return { text, count: entries.length, errors };
}
