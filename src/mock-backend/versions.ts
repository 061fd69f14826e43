/**
 * The pipeline-version upgrade rule (backend-contract.md §7.3, `UseNewerProcessingPipelineVersionTask`).
 *
 * Among versions above the current one that have any row for the organism, pick the highest V
 * such that every accession.version processed *successfully* (PROCESSED, no errors) by the
 * current version is also processed successfully by V. Failed or unprocessed entries of the
 * current version do not block. After switching, rows of versions below V − 1 are deleted.
 */
import { type MockStore, type PreprocessedRow, hasErrors } from './store.js';

function isSuccess(row: PreprocessedRow): boolean {
  return row.status === 'PROCESSED' && !hasErrors(row);
}

export function findNewerPipelineVersion(store: MockStore, organism: string): number | null {
  const current = store.currentVersion(organism);
  const successByVersion = new Map<number, Set<string>>();
  const candidates = new Set<number>();
  for (const row of store.allRows()) {
    if (row.organism !== organism) continue;
    if (row.pipelineVersion > current) candidates.add(row.pipelineVersion);
    if (!isSuccess(row)) continue;
    let set = successByVersion.get(row.pipelineVersion);
    if (!set) successByVersion.set(row.pipelineVersion, (set = new Set()));
    set.add(`${row.accession}.${row.version}`);
  }
  const required = successByVersion.get(current) ?? new Set<string>();
  const ordered = [...candidates].sort((a, b) => b - a);
  for (const version of ordered) {
    const succeeded = successByVersion.get(version) ?? new Set<string>();
    if ([...required].every((key) => succeeded.has(key))) return version;
  }
  return null;
}

/** Deletes the organism's rows of versions below `version − 1`; returns how many. */
export function cleanUpOutdatedRows(store: MockStore, organism: string, version: number): number {
  const outdated = [...store.allRows()].filter((row) => row.organism === organism && row.pipelineVersion < version - 1);
  for (const row of outdated) store.deleteRow(row);
  return outdated.length;
}

/**
 * One run of the upgrade task. Like the backend, it does nothing unless preprocessed rows were
 * written since its previous run. Returns the organisms that switched, with their new version.
 */
export class PipelineVersionUpgrader {
  #lastSeenWrites = -1;
  constructor(private readonly store: MockStore) {}

  run(): Record<string, number> {
    if (this.store.trackerWrites === this.#lastSeenWrites) return {};
    const switched: Record<string, number> = {};
    for (const organism of this.store.organismNames()) {
      const version = findNewerPipelineVersion(this.store, organism);
      if (version === null) continue;
      this.store.setCurrentVersion(organism, version);
      cleanUpOutdatedRows(this.store, organism, version);
      switched[organism] = version;
    }
    this.#lastSeenWrites = this.store.trackerWrites;
    return switched;
  }
}
