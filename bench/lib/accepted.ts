/**
 * Counts accepted submissions per accession.version on the mock backend, by observing the one
 * store method every accepted submit goes through. A count above one means an entry was accepted
 * twice (e.g. a late submit after a stale reset re-claimed it).
 */
import type { MockBackend } from '../../src/mock-backend/index.js';

export interface AcceptedCounter {
  /** accession.version@pipelineVersion → accepted submits. */
  counts: Map<string, number>;
  duplicates(): string[];
  total(): number;
}

export function countAcceptedSubmissions(mock: MockBackend): AcceptedCounter {
  const counts = new Map<string, number>();
  const store = mock.store;
  const original = store.finishProcessing.bind(store);
  store.finishProcessing = (row, result) => {
    const key = `${row.accession}.${row.version}@${row.pipelineVersion}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    original(row, result);
  };
  return {
    counts,
    duplicates: () => [...counts].filter(([, n]) => n > 1).map(([key]) => key),
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
  };
}
