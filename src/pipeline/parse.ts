/**
 * Parse stage, line level: one NDJSON line of the extract shape → a normalised entry, or a failure
 * that still names the entry when its accession and version can be read (so it can be answered
 * with an error instead of being left to the stale reset).
 */
import { UnprocessedEntrySchema, type UnprocessedEntry, type UnprocessedEntryInput } from '../contract/entries.js';
import type { LineItem } from '../backend/ndjson.js';

export type ParsedLine =
  | { ok: true; entry: UnprocessedEntry; lineNumber: number }
  | { ok: false; lineNumber: number; accession: string | null; version: number | null; message: string };

const ACCESSION_PATTERN = /"accession"\s*:\s*"([^"\\]{1,200})"/;
const VERSION_PATTERN = /"version"\s*:\s*(\d{1,9})\b/;

export function parseEntryLine(item: LineItem): ParsedLine {
  if (item.kind === 'oversized') {
    return failure(item.lineNumber, item.head, `The entry is ${item.bytes} bytes long, more than this pipeline accepts per entry.`);
  }
  if (item.kind === 'invalid-utf8') {
    return failure(item.lineNumber, item.head, 'The entry contains bytes that are not valid UTF-8 text.');
  }
  // The reference replaces non-breaking spaces before parsing (preprocessing-config.md §5).
  const text = item.text.includes('\u00a0') ? item.text.replaceAll('\u00a0', ' ') : item.text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failure(item.lineNumber, text, `The entry is not valid JSON: ${(error as Error).message}.`);
  }
  // The common, well-formed case is checked by hand (zod costs more than the rest of the parse);
  // anything unusual goes through the schema, which also words the error.
  if (isPlainEntry(json)) return { ok: true, lineNumber: item.lineNumber, entry: normalise(json) };
  const parsed = UnprocessedEntrySchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`)
      .join('; ');
    return failure(item.lineNumber, text, `The entry does not have the expected shape (${problems}).`, json);
  }
  return { ok: true, lineNumber: item.lineNumber, entry: normalise(parsed.data) };
}

function normalise(raw: UnprocessedEntryInput): UnprocessedEntry {
  return {
    accession: raw.accession,
    version: raw.version,
    submissionId: raw.submissionId ?? '',
    submitter: raw.submitter ?? '',
    groupId: raw.groupId ?? null,
    submittedAt: raw.submittedAt ?? null,
    metadata: raw.data.metadata ?? {},
    unalignedNucleotideSequences: trimSequences(raw.data.unalignedNucleotideSequences ?? {}),
    files: raw.data.files ?? null,
  };
}

/** The backend's usual shape, exactly: what the schema would accept without changing anything. */
function isPlainEntry(json: unknown): json is UnprocessedEntryInput {
  if (typeof json !== 'object' || json === null) return false;
  const e = json as Record<string, unknown>;
  if (typeof e.accession !== 'string' || e.accession.length === 0) return false;
  if (typeof e.version !== 'number' || !Number.isInteger(e.version) || e.version < 1) return false;
  if (!optional(e.submissionId, 'string') || !optional(e.submitter, 'string') || !optional(e.submittedAt, 'number')) return false;
  if (e.groupId !== undefined && e.groupId !== null && !Number.isInteger(e.groupId)) return false;
  const data = e.data as Record<string, unknown> | null | undefined;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  if (data.files !== null && data.files !== undefined) return false;
  return stringMap(data.metadata) && stringMap(data.unalignedNucleotideSequences);
}

function optional(value: unknown, type: 'string' | 'number'): boolean {
  return value === undefined || value === null || typeof value === type;
}

function stringMap(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v !== 'string') return false;
  }
  return true;
}

function failure(lineNumber: number, text: string, message: string, json?: unknown): ParsedLine {
  let accession: string | null = null;
  let version: number | null = null;
  if (json && typeof json === 'object') {
    const record = json as Record<string, unknown>;
    if (typeof record.accession === 'string' && record.accession) accession = record.accession;
    if (typeof record.version === 'number' && Number.isInteger(record.version)) version = record.version;
  }
  accession ??= ACCESSION_PATTERN.exec(text)?.[1] ?? null;
  version ??= Number(VERSION_PATTERN.exec(text)?.[1] ?? NaN) || null;
  return { ok: false, lineNumber, accession, version, message };
}

/** Leading/trailing N removed; null or "" → null; all-N → "" (preprocessing-config.md §5). */
export function trimSequences(sequences: Record<string, string | null>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [fastaId, sequence] of Object.entries(sequences)) {
    if (sequence === null || sequence === '') {
      out[fastaId] = null;
      continue;
    }
    let start = 0;
    let end = sequence.length;
    while (start < end && (sequence.charCodeAt(start) | 0x20) === 0x6e) start++;
    while (end > start && (sequence.charCodeAt(end - 1) | 0x20) === 0x6e) end--;
    out[fastaId] = sequence.slice(start, end);
  }
  return out;
}
