/**
 * The stale IN_PROCESSING reset (backend-contract.md §7.2): rows claimed longer ago than the
 * timeout are deleted, so their entries can be extracted again and a late submit for them fails.
 */
import type { MockStore } from './store.js';

/** Deletes stale IN_PROCESSING rows of every organism and version; returns how many. */
export function resetStaleInProcessing(store: MockStore, timeoutSeconds: number): number {
  const cutoff = store.now() - timeoutSeconds * 1000;
  const stale = [...store.allRows()].filter((row) => row.status === 'IN_PROCESSING' && row.startedProcessingAt <= cutoff);
  for (const row of stale) store.deleteRow(row);
  return stale.length;
}
