/**
 * The mock backend's state: submitted sequence entries per organism, the preprocessed rows per
 * (accession, version, pipelineVersion), each organism's current pipeline version and ETag.
 * It mirrors the two backend tables the pipeline endpoints touch (backend-contract.md §7).
 *
 * All mutations are synchronous, so one request's changes can never interleave with another's:
 * that is how the mock gets the backend's one-transaction-per-request behaviour for free.
 */
import type { FileReference } from '../contract/entries.js';
import type { OrganismSchema } from '../contract/organism.js';
import type { SubmittedAnnotation } from '../contract/submitted-entry.js';
import { accessionFromNumber } from './accession.js';

export interface SequenceEntry {
  organism: string;
  accession: string;
  version: number;
  submissionId: string;
  submitter: string;
  groupId: number;
  /** Unix epoch seconds. */
  submittedAt: number;
  metadata: Record<string, string | null>;
  /** FASTA id → sequence, as submitted. */
  unalignedNucleotideSequences: Record<string, string | null>;
  files: Record<string, FileReference[]> | null;
}

export type ProcessingStatus = 'IN_PROCESSING' | 'PROCESSED';

export interface PreprocessedRow {
  organism: string;
  accession: string;
  version: number;
  pipelineVersion: number;
  status: ProcessingStatus;
  /** Epoch milliseconds. */
  startedProcessingAt: number;
  finishedProcessingAt: number | null;
  /** What was submitted (sequences upper-cased when the entry had no errors), as plain JSON. */
  processedData: unknown;
  errors: SubmittedAnnotation[] | null;
  warnings: SubmittedAnnotation[] | null;
}

/** A file known to the mock (for the file-mapping checks of submit). */
export interface StoredFile {
  fileId: string;
  groupId: number;
  uploaded: boolean;
}

export function rowKey(accession: string, version: number, pipelineVersion: number): string {
  return `${accession}.${version}@${pipelineVersion}`;
}

export function hasErrors(row: PreprocessedRow): boolean {
  return (row.errors?.length ?? 0) > 0;
}

export class MockStore {
  readonly organisms: Readonly<Record<string, OrganismSchema>>;
  readonly accessionPrefix: string;
  readonly now: () => number;
  readonly files = new Map<string, StoredFile>();

  #entries = new Map<string, SequenceEntry[]>();
  #entryIndex = new Map<string, SequenceEntry>();
  #rows = new Map<string, PreprocessedRow>();
  /** accession.version → its rows, for the row-state checks of submit. */
  #rowsByAccessionVersion = new Map<string, Set<PreprocessedRow>>();
  #currentVersion = new Map<string, number>();
  /**
   * organism → pipeline version → how many leading entries of the organism all have a row for
   * that version. Claims start there, so a run of extracts does not rescan what it already
   * claimed (30k entries in claims of 100: 2.3 s → under 0.1 s).
   */
  #claimedPrefix = new Map<string, Map<number, number>>();
  #etags = new Map<string, string>();
  #lastWriteMicros = 0;
  #nextAccessionNumber = 1;
  /** Counts writes to preprocessed rows; the upgrade task only runs when it moved. */
  trackerWrites = 0;

  constructor(organisms: Record<string, OrganismSchema>, options: { accessionPrefix?: string; now?: () => number } = {}) {
    this.organisms = organisms;
    this.accessionPrefix = options.accessionPrefix ?? 'LOC_';
    this.now = options.now ?? Date.now;
    for (const name of Object.keys(organisms)) {
      this.#entries.set(name, []);
      this.#currentVersion.set(name, 1);
      this.#etags.set(name, this.#newEtag());
    }
  }

  hasOrganism(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.organisms, name);
  }

  organismNames(): string[] {
    return Object.keys(this.organisms);
  }

  // ------------------------------------------------------------------ ETag

  /** A quoted timestamp of the last relevant write, strictly increasing per instance. */
  #newEtag(): string {
    const micros = Math.max(this.now() * 1000, this.#lastWriteMicros + 1);
    this.#lastWriteMicros = micros;
    const date = new Date(Math.floor(micros / 1000));
    const iso = date.toISOString(); // 2026-08-20T12:34:56.123Z
    const fraction = String(micros % 1_000_000).padStart(6, '0');
    return `"${iso.slice(0, 10)}Z${iso.slice(11, 19)}.${fraction}"`;
  }

  etag(organism: string): string {
    return this.#etags.get(organism)!;
  }

  /**
   * Records a write. The ETag is scoped to the organism and its current pipeline version:
   * writes for other pipeline versions leave it alone (backend-contract.md §3.3).
   */
  touch(organism: string, pipelineVersion: number | null): void {
    if (pipelineVersion === null || pipelineVersion === this.currentVersion(organism)) {
      this.#etags.set(organism, this.#newEtag());
    }
  }

  // ------------------------------------------------------------------ pipeline versions

  currentVersion(organism: string): number {
    return this.#currentVersion.get(organism)!;
  }

  setCurrentVersion(organism: string, version: number): void {
    this.#currentVersion.set(organism, version);
    this.touch(organism, null);
  }

  // ------------------------------------------------------------------ entries

  nextAccession(): string {
    return accessionFromNumber(this.accessionPrefix, this.#nextAccessionNumber++);
  }

  entries(organism: string): readonly SequenceEntry[] {
    return this.#entries.get(organism) ?? [];
  }

  entry(accession: string, version: number): SequenceEntry | undefined {
    return this.#entryIndex.get(`${accession}.${version}`);
  }

  latestVersion(accession: string): number {
    let version = 0;
    while (this.#entryIndex.has(`${accession}.${version + 1}`)) version++;
    return version;
  }

  /** Adds a submitted entry, keeping the organism's list in (accession, version) order. */
  addEntry(entry: SequenceEntry): void {
    const key = `${entry.accession}.${entry.version}`;
    if (this.#entryIndex.has(key)) throw new Error(`Accession version ${key} already exists`);
    const list = this.#entries.get(entry.organism);
    if (!list) throw new Error(`Unknown organism ${entry.organism}`);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const other = list[mid];
      if (other.accession < entry.accession || (other.accession === entry.accession && other.version < entry.version)) low = mid + 1;
      else high = mid;
    }
    list.splice(low, 0, entry);
    this.#entryIndex.set(key, entry);
    // A new version lands among the claimed entries when its accession is older than the rest.
    const prefixes = this.#claimedPrefix.get(entry.organism);
    for (const [pipelineVersion, prefix] of prefixes ?? []) if (prefix > low) prefixes!.set(pipelineVersion, low);
    this.touch(entry.organism, null);
  }

  // ------------------------------------------------------------------ preprocessed rows

  row(accession: string, version: number, pipelineVersion: number): PreprocessedRow | undefined {
    return this.#rows.get(rowKey(accession, version, pipelineVersion));
  }

  rowsOf(accession: string, version: number): PreprocessedRow[] {
    return [...(this.#rowsByAccessionVersion.get(`${accession}.${version}`) ?? [])];
  }

  allRows(): IterableIterator<PreprocessedRow> {
    return this.#rows.values();
  }

  /** Claims up to `limit` entries for `pipelineVersion`, in accession order (backend-contract.md §7.1). */
  claim(organism: string, pipelineVersion: number, limit: number): SequenceEntry[] {
    const claimed: SequenceEntry[] = [];
    if (limit <= 0) return claimed;
    const startedProcessingAt = this.now();
    const list = this.entries(organism);
    let prefixes = this.#claimedPrefix.get(organism);
    if (!prefixes) this.#claimedPrefix.set(organism, (prefixes = new Map()));
    let index = prefixes.get(pipelineVersion) ?? 0;
    for (; index < list.length && claimed.length < limit; index++) {
      const entry = list[index];
      if (this.#rows.has(rowKey(entry.accession, entry.version, pipelineVersion))) continue;
      this.#insertRow({
        organism,
        accession: entry.accession,
        version: entry.version,
        pipelineVersion,
        status: 'IN_PROCESSING',
        startedProcessingAt,
        finishedProcessingAt: null,
        processedData: null,
        errors: null,
        warnings: null,
      });
      claimed.push(entry);
    }
    // Every entry before `index` had a row for this version or has just been given one.
    prefixes.set(pipelineVersion, index);
    if (claimed.length > 0) {
      this.touch(organism, pipelineVersion);
      this.trackerWrites++;
    }
    return claimed;
  }

  /** Stores processing results on an IN_PROCESSING row (the caller checked the row state). */
  finishProcessing(row: PreprocessedRow, result: Pick<PreprocessedRow, 'processedData' | 'errors' | 'warnings'>): void {
    row.status = 'PROCESSED';
    row.finishedProcessingAt = this.now();
    row.processedData = result.processedData;
    row.errors = result.errors;
    row.warnings = result.warnings;
    this.touch(row.organism, row.pipelineVersion);
    this.trackerWrites++;
  }

  deleteRow(row: PreprocessedRow): void {
    this.#rows.delete(rowKey(row.accession, row.version, row.pipelineVersion));
    const set = this.#rowsByAccessionVersion.get(`${row.accession}.${row.version}`);
    set?.delete(row);
    if (set && set.size === 0) this.#rowsByAccessionVersion.delete(`${row.accession}.${row.version}`);
    // The entry can be claimed again; the next claim for this version scans from the start.
    this.#claimedPrefix.get(row.organism)?.delete(row.pipelineVersion);
    this.touch(row.organism, row.pipelineVersion);
    this.trackerWrites++;
  }

  #insertRow(row: PreprocessedRow): void {
    this.#rows.set(rowKey(row.accession, row.version, row.pipelineVersion), row);
    const key = `${row.accession}.${row.version}`;
    let set = this.#rowsByAccessionVersion.get(key);
    if (!set) this.#rowsByAccessionVersion.set(key, (set = new Set()));
    set.add(row);
  }
}
