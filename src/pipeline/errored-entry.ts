/**
 * Entries that could not be processed normally still get an answer, so that nothing waits for the
 * stale reset (preprocessing-config.md §6.4).
 */
import { emptyProcessedData, type Annotation, type ProcessedEntry } from '../contract/entries.js';

export function erroredEntry(accession: string, version: number, message?: string): ProcessedEntry {
  return {
    accession,
    version,
    data: emptyProcessedData(),
    errors: [unknownFieldError(message ?? fallbackMessage(`${accession}.${version}`), 'internal')],
    warnings: [],
  };
}

export function fallbackMessage(accessionVersion: string): string {
  return `Failed to process submission with id: ${accessionVersion} - please review your submission or reach out to an administrator if this error persists.`;
}

export function unknownFieldError(message: string, category: Annotation['category']): Annotation {
  return {
    unprocessedFields: [{ name: 'unknown', type: 'Metadata' }],
    processedFields: [{ name: 'unknown', type: 'Metadata' }],
    message,
    category,
  };
}
