/**
 * Loading submitted entries into the mock: from unprocessed-entry NDJSON (the extract shape, or
 * just `{metadata, sequences}`), or from a metadata TSV plus a FASTA file as a submitter would
 * upload them (backend-contract.md §4):
 * - the id column is `id` (or legacy `submissionId`) and is removed from the metadata, as are
 *   `accession` (a revision of that accession) and `fastaIds`;
 * - without `fastaIds`, the row's sequence is the FASTA record whose id equals the submission id;
 *   with `fastaIds` (space-separated), all listed records, keyed by FASTA id;
 * - a FASTA id is the first whitespace-separated token of the header;
 * - sequences are kept as submitted (case preserved, no validation); empty cells become `""`.
 */
import { z } from 'zod';
import { FileReference } from '../contract/entries.js';
import type { MockStore, SequenceEntry } from './store.js';

const NullableStringMap = z.record(z.string(), z.string().nullable());

/** One entry to seed: the extract shape, with everything but the data optional. */
export const SeedEntrySchema = z.looseObject({
  accession: z.string().min(1).optional(),
  version: z.number().int().min(1).optional(),
  submissionId: z.string().optional(),
  submitter: z.string().optional(),
  groupId: z.number().int().optional(),
  submittedAt: z.number().int().optional(),
  data: z
    .looseObject({
      metadata: NullableStringMap.optional(),
      unalignedNucleotideSequences: NullableStringMap.optional(),
      files: z.record(z.string(), z.array(FileReference)).nullish(),
    })
    .optional(),
  // Shorthands: `{metadata, sequences}` at the top level.
  metadata: NullableStringMap.optional(),
  sequences: NullableStringMap.optional(),
  unalignedNucleotideSequences: NullableStringMap.optional(),
});
export type SeedEntry = z.input<typeof SeedEntrySchema>;

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** Adds entries to an organism; returns them with their accessions. */
export function seedEntries(store: MockStore, organism: string, inputs: SeedEntry[]): SequenceEntry[] {
  if (!store.hasOrganism(organism)) throw new SeedError(`Unknown organism ${organism}, possible values are: [${store.organismNames().join(', ')}]`);
  const parsed = inputs.map((input, i) => {
    const result = SeedEntrySchema.safeParse(input);
    if (!result.success) throw new SeedError(`Seed entry ${i + 1}: ${z.prettifyError(result.error)}`);
    return result.data;
  });
  const nowSeconds = Math.floor(store.now() / 1000);
  return parsed.map((input, i) => {
    const accession = input.accession ?? store.nextAccession();
    const version = input.version ?? store.latestVersion(accession) + 1;
    const entry: SequenceEntry = {
      organism,
      accession,
      version,
      submissionId: input.submissionId ?? `submission_${i}`,
      submitter: input.submitter ?? 'testuser',
      groupId: input.groupId ?? 1,
      submittedAt: input.submittedAt ?? nowSeconds,
      metadata: { ...(input.data?.metadata ?? input.metadata ?? {}) },
      unalignedNucleotideSequences: { ...(input.data?.unalignedNucleotideSequences ?? input.unalignedNucleotideSequences ?? input.sequences ?? {}) },
      files: input.data?.files ?? null,
    };
    try {
      store.addEntry(entry);
    } catch (error) {
      throw new SeedError((error as Error).message);
    }
    return entry;
  });
}

/** Seed entries from NDJSON text (blank lines ignored). */
export function parseSeedNdjson(text: string): SeedEntry[] {
  const entries: SeedEntry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      entries.push(JSON.parse(line) as SeedEntry);
    } catch (error) {
      throw new SeedError(`Line ${i + 1} is not JSON: ${(error as Error).message}`);
    }
  });
  return entries;
}

export interface FastaRecord {
  id: string;
  sequence: string;
}

export function parseFasta(text: string): FastaRecord[] {
  const records: FastaRecord[] = [];
  let current: { id: string; parts: string[] } | null = null;
  const finish = () => {
    if (current) records.push({ id: current.id, sequence: current.parts.join('') });
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line.startsWith('>')) {
      finish();
      const id = line.slice(1).trim().split(/\s+/)[0];
      if (!id) throw new SeedError('A FASTA header has no id');
      current = { id, parts: [] };
    } else if (line !== '') {
      if (!current) throw new SeedError('The FASTA file does not start with a header line');
      current.parts.push(line);
    }
  }
  finish();
  return records;
}

function parseTsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new SeedError('The metadata file is empty');
  const header = lines[0].split('\t').map((h) => h.trim());
  const rows = lines.slice(1).map((line) => {
    const cells = line.split('\t');
    while (cells.length < header.length) cells.push('');
    return cells;
  });
  return { header, rows };
}

/** Seed entries from a metadata TSV and a FASTA file (`fasta` may be omitted for organisms without sequences). */
export function entriesFromTsvAndFasta(tsv: string, fasta?: string): SeedEntry[] {
  const { header, rows } = parseTsv(tsv);
  const idColumn = header.includes('id') ? 'id' : header.includes('submissionId') ? 'submissionId' : null;
  if (!idColumn) throw new SeedError("The metadata file has no 'id' (or 'submissionId') column");
  const records = new Map<string, string>();
  for (const record of parseFasta(fasta ?? '')) {
    if (records.has(record.id)) throw new SeedError(`The FASTA file contains the id ${record.id} twice`);
    records.set(record.id, record.sequence);
  }
  const used = new Set<string>();
  const hasFastaIds = header.includes('fastaIds');
  const entries = rows.map((cells) => {
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = cells[i] ?? ''));
    const submissionId = row[idColumn];
    const metadata: Record<string, string> = {};
    for (const name of header) if (name !== idColumn && name !== 'accession' && name !== 'fastaIds') metadata[name] = row[name];
    const fastaIds = hasFastaIds ? row.fastaIds.split(/\s+/).filter(Boolean) : records.size > 0 ? [submissionId] : [];
    const sequences: Record<string, string> = {};
    for (const fastaId of fastaIds) {
      const sequence = records.get(fastaId);
      if (sequence === undefined) throw new SeedError(`Metadata row ${submissionId} refers to FASTA id ${fastaId}, which is not in the FASTA file`);
      sequences[fastaId] = sequence;
      used.add(fastaId);
    }
    const entry: SeedEntry = { submissionId, metadata, sequences };
    if (row.accession) entry.accession = row.accession;
    return entry;
  });
  const unused = [...records.keys()].filter((id) => !used.has(id));
  if (unused.length > 0) throw new SeedError(`FASTA ids without a metadata row: ${unused.join(', ')}`);
  return entries;
}
