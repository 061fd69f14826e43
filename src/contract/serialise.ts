/**
 * THE serialiser of processed entries to one NDJSON line of a submit request
 * (backend-contract.md §5.2, §5.4). Everything the worker sends goes through here.
 *
 * What it guarantees, because the backend rejects the whole request otherwise:
 * - `FloatValue`s are written with a decimal point or an exponent (`1.0`, `1e+21`): the backend's
 *   `float` type refuses `1`, which is what `JSON.stringify(1.0)` produces.
 * - Non-finite numbers (not JSON) are written as `null`.
 * - All six data maps are present, also on entries with errors; `files` may be null.
 * - Annotations carry exactly `unprocessedFields`, `processedFields`, `message` (our internal
 *   `category` is dropped; the backend has no such field).
 * - No `null` insertion lists (the backend answers 500 to those): such keys are left out.
 */
import { type Annotation, FloatValue, type MetadataValue, type ProcessedEntry } from './entries.js';

/** A float as a JSON literal that a JSON parser reads as floating point. */
export function floatLiteral(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  const text = String(value);
  // String() gives `1` for 1.0 but `1e+21`, `1.5`, `1e-7` otherwise: only plain integers need `.0`.
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** One metadata value as JSON text, exactly as the serialiser writes it. */
export function metadataValueJson(value: MetadataValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof FloatValue) return floatLiteral(value.value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value);
}

function metadataJson(metadata: Record<string, MetadataValue>): string {
  // Fast path: JSON.stringify is right unless a float holds an integral value (it would print
  // `1`) — FloatValue.toJSON gives the number, and non-finite numbers become null either way.
  let needsCare = false;
  for (const key in metadata) {
    const value = metadata[key];
    if (value === undefined || (value instanceof FloatValue && Number.isInteger(value.value))) {
      needsCare = true;
      break;
    }
  }
  if (!needsCare) return JSON.stringify(metadata);
  const parts: string[] = [];
  for (const key of Object.keys(metadata)) parts.push(`${JSON.stringify(key)}:${metadataValueJson(metadata[key])}`);
  return `{${parts.join(',')}}`;
}

function sequencesJson(map: Record<string, string | null | undefined> | null | undefined): string {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(map ?? {})) out[key] = value ?? null;
  return JSON.stringify(out);
}

function insertionsJson(map: Record<string, string[] | null | undefined> | null | undefined): string {
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(map ?? {})) if (list) out[key] = list;
  return JSON.stringify(out);
}

function fastaIdsJson(map: Record<string, string> | null | undefined): string {
  return JSON.stringify(map ?? {});
}

function filesJson(files: ProcessedEntry['data']['files']): string {
  if (!files) return 'null';
  const out: Record<string, { fileId: string; name: string }[]> = {};
  for (const [category, list] of Object.entries(files)) out[category] = list.map((f) => ({ fileId: f.fileId, name: f.name }));
  return JSON.stringify(out);
}

function annotationsJson(annotations: Annotation[] | null | undefined): string {
  return JSON.stringify(
    (annotations ?? []).map((a) => ({
      unprocessedFields: a.unprocessedFields.map((f) => ({ name: f.name, type: f.type })),
      processedFields: a.processedFields.map((f) => ({ name: f.name, type: f.type })),
      message: a.message,
    })),
  );
}

/** One processed entry as a JSON object text, without a trailing newline. */
export function serialiseProcessedEntry(entry: ProcessedEntry): string {
  const data = entry.data;
  return (
    `{"accession":${JSON.stringify(entry.accession)},"version":${Math.trunc(entry.version)},` +
    `"data":{"metadata":${metadataJson(data.metadata ?? {})}` +
    `,"unalignedNucleotideSequences":${sequencesJson(data.unalignedNucleotideSequences)}` +
    `,"alignedNucleotideSequences":${sequencesJson(data.alignedNucleotideSequences)}` +
    `,"nucleotideInsertions":${insertionsJson(data.nucleotideInsertions)}` +
    `,"alignedAminoAcidSequences":${sequencesJson(data.alignedAminoAcidSequences)}` +
    `,"aminoAcidInsertions":${insertionsJson(data.aminoAcidInsertions)}` +
    `,"sequenceNameToFastaId":${fastaIdsJson(data.sequenceNameToFastaId)}` +
    `,"files":${filesJson(data.files)}}` +
    `,"errors":${annotationsJson(entry.errors)},"warnings":${annotationsJson(entry.warnings)}}`
  );
}

/** One processed entry as an NDJSON line, ending with `\n`. */
export function toNdjsonLine(entry: ProcessedEntry): string {
  return `${serialiseProcessedEntry(entry)}\n`;
}

/** A whole submit request body. */
export function toNdjsonBody(entries: Iterable<ProcessedEntry>): string {
  let body = '';
  for (const entry of entries) body += toNdjsonLine(entry);
  return body;
}
