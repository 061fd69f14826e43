/**
 * What tests and humans read back from the mock: the user-visible status of each entry (derived
 * from the row of the organism's current pipeline version, backend-contract.md §7.1) and counts.
 */
import { type MockStore, type PreprocessedRow, type SequenceEntry, hasErrors } from './store.js';

export type EntryStatus = 'RECEIVED' | 'IN_PROCESSING' | 'PROCESSED';
export type ProcessingResult = 'NO_ISSUES' | 'HAS_WARNINGS' | 'HAS_ERRORS';

export function processingResult(row: PreprocessedRow): ProcessingResult | null {
  if (row.status !== 'PROCESSED') return null;
  if (hasErrors(row)) return 'HAS_ERRORS';
  return (row.warnings?.length ?? 0) > 0 ? 'HAS_WARNINGS' : 'NO_ISSUES';
}

export function entryStatus(store: MockStore, entry: SequenceEntry): { status: EntryStatus; processingResult: ProcessingResult | null } {
  const row = store.row(entry.accession, entry.version, store.currentVersion(entry.organism));
  if (!row) return { status: 'RECEIVED', processingResult: null };
  return { status: row.status, processingResult: processingResult(row) };
}

export interface VersionCounts {
  IN_PROCESSING: number;
  PROCESSED: number;
  NO_ISSUES: number;
  HAS_WARNINGS: number;
  HAS_ERRORS: number;
}

export interface OrganismState {
  currentPipelineVersion: number;
  etag: string;
  entries: number;
  statuses: Record<EntryStatus, number>;
  processingResults: Record<ProcessingResult, number>;
  pipelineVersions: Record<string, VersionCounts>;
}

export function summariseState(store: MockStore): { organisms: Record<string, OrganismState> } {
  const organisms: Record<string, OrganismState> = {};
  for (const organism of store.organismNames()) {
    const state: OrganismState = {
      currentPipelineVersion: store.currentVersion(organism),
      etag: store.etag(organism),
      entries: store.entries(organism).length,
      statuses: { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: 0 },
      processingResults: { NO_ISSUES: 0, HAS_WARNINGS: 0, HAS_ERRORS: 0 },
      pipelineVersions: {},
    };
    for (const entry of store.entries(organism)) {
      const { status, processingResult: result } = entryStatus(store, entry);
      state.statuses[status]++;
      if (result) state.processingResults[result]++;
    }
    organisms[organism] = state;
  }
  for (const row of store.allRows()) {
    const versions = organisms[row.organism]?.pipelineVersions;
    if (!versions) continue;
    const counts = (versions[row.pipelineVersion] ??= { IN_PROCESSING: 0, PROCESSED: 0, NO_ISSUES: 0, HAS_WARNINGS: 0, HAS_ERRORS: 0 });
    counts[row.status]++;
    const result = processingResult(row);
    if (result) counts[result]++;
  }
  return { organisms };
}

/** One entry with all its preprocessed rows, for inspection. */
export function describeEntry(store: MockStore, entry: SequenceEntry) {
  return {
    ...entry,
    ...entryStatus(store, entry),
    rows: store
      .rowsOf(entry.accession, entry.version)
      .sort((a, b) => a.pipelineVersion - b.pipelineVersion)
      .map((row) => ({
        pipelineVersion: row.pipelineVersion,
        status: row.status,
        processingResult: processingResult(row),
        startedProcessingAt: new Date(row.startedProcessingAt).toISOString(),
        finishedProcessingAt: row.finishedProcessingAt === null ? null : new Date(row.finishedProcessingAt).toISOString(),
        processedData: row.processedData,
        errors: row.errors,
        warnings: row.warnings,
      })),
  };
}
