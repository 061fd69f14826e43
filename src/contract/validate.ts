/**
 * The backend's content validation of a processed entry (backend-contract.md §5.2–5.4), as one
 * function the mock backend and the worker's pre-submit guard both call.
 *
 * Order matters because the first failure wins and its message is all the caller sees:
 * deserialisation (400) → when `errors` is empty: upper-casing → rules 1–16 (422).
 * Row-state and file checks need backend state and live in the mock backend.
 */
import { FloatValue, type MetadataValue, type ProcessedEntry } from './entries.js';
import { JsonNumber, type JsonValue, renderJson } from './lossless-json.js';
import type { MetadataFieldSchema, OrganismSchema } from './organism.js';
import { metadataValueJson, serialiseProcessedEntry } from './serialise.js';
import {
  DESERIALISE_PREFIX,
  type SubmitFailure,
  type SubmittedData,
  type SubmittedEntry,
  deserialiseProcessedLine,
  insertionProblem,
  invalidInsertionMessage,
} from './submitted-entry.js';

export type { SubmitFailure, SubmittedEntry } from './submitted-entry.js';
export { deserialiseProcessedLine } from './submitted-entry.js';

const NUCLEOTIDE_SYMBOLS = 'ACGTMRWSYKVHDBN';
const ALIGNED_NUCLEOTIDE_SYMBOLS = new Set(`${NUCLEOTIDE_SYMBOLS}-`);
const UNALIGNED_NUCLEOTIDE_SYMBOLS = new Set(NUCLEOTIDE_SYMBOLS);
const AMINO_ACID_SYMBOLS = new Set('ACDEFGHIKLMNPQRSTVWYBZX-*');
const ALIGNED_NUCLEOTIDE_ONLY = /^[ACGTMRWSYKVHDBN-]*$/;
const UNALIGNED_NUCLEOTIDE_ONLY = /^[ACGTMRWSYKVHDBN]*$/;
const AMINO_ACID_ONLY = /^[ACDEFGHIKLMNPQRSTVWYBZX*-]*$/;

function unprocessable(detail: string): SubmitFailure {
  return { status: 422, detail };
}

function sortedList(names: Iterable<string>): string {
  return [...names].sort().join(', ');
}

/** `[a, b, ...]`: every offending occurrence in order, at most 10, then `...`. */
export function renderInvalidSymbols(symbols: string[]): string {
  const shown = symbols.slice(0, 10);
  return `[${shown.join(', ')}${symbols.length > 10 ? ', ...' : ''}]`;
}

/** The offending characters of `text`, or null when all are allowed (fast path by regex). */
function invalidSymbols(text: string, allowed: Set<string>, fastCheck: RegExp): string[] | null {
  if (fastCheck.test(text)) return null;
  const bad: string[] = [];
  for (const char of text) if (!allowed.has(char)) bad.push(char);
  return bad.length > 0 ? bad : null;
}

// ---------------------------------------------------------------- upper-casing (§5.3)

function upperCaseMap(map: Record<string, string | null>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(map)) out[key] = map[key] === null ? null : map[key]!.toUpperCase();
  return out;
}

function upperCaseInsertions(map: Record<string, string[] | null>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(map)) out[key] = map[key]!.map((insertion) => insertion.toUpperCase());
  return out;
}

/** The backend accepts a null insertion list when deserialising and then fails while upper-casing. */
function nullInsertionList(data: SubmittedData): SubmitFailure | null {
  for (const field of ['nucleotideInsertions', 'aminoAcidInsertions'] as const) {
    for (const key of Object.keys(data[field])) {
      if (data[field][key] === null) return { status: 500, detail: `Unexpected error: the insertion list of '${key}' in '${field}' is null` };
    }
  }
  return null;
}

/**
 * The sequences and insertions as the backend stores them (Locale-independent upper case).
 * Returns a 500 failure for a `null` insertion list, which the real backend cannot handle.
 */
export function upperCaseSequences(data: SubmittedData): SubmittedData | SubmitFailure {
  const failure = nullInsertionList(data);
  if (failure !== null) return failure;
  return {
    ...data,
    unalignedNucleotideSequences: upperCaseMap(data.unalignedNucleotideSequences),
    alignedNucleotideSequences: upperCaseMap(data.alignedNucleotideSequences),
    alignedAminoAcidSequences: upperCaseMap(data.alignedAminoAcidSequences),
    nucleotideInsertions: upperCaseInsertions(data.nucleotideInsertions),
    aminoAcidInsertions: upperCaseInsertions(data.aminoAcidInsertions),
  };
}

// ---------------------------------------------------------------- metadata (rules 1–2)

/** `LocalDate.parse` with `yyyy-MM-dd`, strict widths, SMART resolver (day overflow clamped). */
const BACKEND_DATE = /^(\d{4}|\+\d{5,9})-(\d{2})-(\d{2})$/;

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const digitsAt = (text: string, from: number, to: number): number => {
  let value = 0;
  for (let i = from; i < to; i += 1) value = value * 10 + (text.charCodeAt(i) - 0x30);
  return value;
};

export function isBackendDate(text: string): boolean {
  // The usual `yyyy-MM-dd` checked character by character, without a match array.
  if (text.length === 10) {
    for (let i = 0; i < 10; i += 1) {
      const code = text.charCodeAt(i);
      if (i === 4 || i === 7 ? code !== 0x2d : !isDigit(code)) return false;
    }
    const month = digitsAt(text, 5, 7);
    const day = digitsAt(text, 8, 10);
    return digitsAt(text, 0, 4) >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }
  const match = BACKEND_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * How one side reads metadata values: the parsed JSON of a submitted line (`JsonNumber` keeps
 * the literal), or the values the worker built, judged as `serialise.ts` will write them.
 * Both sides share `validateMetadata`, so their verdicts and messages cannot drift apart.
 */
interface MetadataReader {
  /** The value is, or will be written as, JSON null. */
  isNull(value: unknown): boolean;
  /** A non-null value is accepted for a field of this (non-date) type. */
  hasType(type: MetadataFieldSchema['type'], value: unknown): boolean;
  /** The value's JSON text, as the message shows it. */
  render(value: unknown): string;
}

const PARSED_VALUES: MetadataReader = {
  isNull: (value) => value === null || value === undefined,
  hasType(type, value) {
    switch (type) {
      case 'string':
      case 'authors':
      case 'date':
        return typeof value === 'string';
      case 'int':
        return value instanceof JsonNumber && value.isInt32;
      case 'float':
        return value instanceof JsonNumber && value.isFloatLiteral;
      case 'number':
        return value instanceof JsonNumber;
      case 'boolean':
        return typeof value === 'boolean';
    }
  },
  render: (value) => renderJson(value as JsonValue),
};

const BUILT_VALUES: MetadataReader = {
  // Undefined and non-finite numbers are written as null.
  isNull: (value) =>
    value === null ||
    value === undefined ||
    (typeof value === 'number' && !Number.isFinite(value)) ||
    (value instanceof FloatValue && !Number.isFinite(value.value)),
  hasType(type, value) {
    switch (type) {
      case 'string':
      case 'authors':
      case 'date':
        return typeof value === 'string';
      case 'int':
        return typeof value === 'number' && Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
      case 'float':
        // A FloatValue is always written with a decimal point or an exponent; a plain number is
        // written with String(), which gives neither for an integer below 1e21.
        return value instanceof FloatValue || (typeof value === 'number' && (!Number.isInteger(value) || Math.abs(value) >= 1e21));
      case 'number':
        return value instanceof FloatValue || typeof value === 'number';
      case 'boolean':
        return typeof value === 'boolean';
    }
  },
  render: (value) => metadataValueJson(value as MetadataValue),
};

/** The schema's field names, built once per schema (it is checked for every entry). */
const fieldNames = new WeakMap<MetadataFieldSchema[], Set<string>>();

function namesOf(schema: MetadataFieldSchema[]): Set<string> {
  let names = fieldNames.get(schema);
  if (names === undefined) {
    names = new Set(schema.map((f) => f.name));
    fieldNames.set(schema, names);
  }
  return names;
}

function validateMetadata(metadata: Record<string, unknown>, schema: MetadataFieldSchema[], reader: MetadataReader): SubmitFailure | null {
  const known = namesOf(schema);
  let unknown: string[] | null = null;
  for (const key of Object.keys(metadata)) if (!known.has(key)) (unknown ??= []).push(key);
  if (unknown !== null) return unprocessable(`Unknown fields in metadata: ${sortedList(unknown)}.`);
  for (const field of schema) {
    const present = Object.prototype.hasOwnProperty.call(metadata, field.name);
    if (field.required && !present) return unprocessable(`Missing the required field '${field.name}'.`);
    const value = present ? metadata[field.name] : null;
    if (reader.isNull(value)) {
      if (field.required) return unprocessable(`Field '${field.name}' is null, but a value is required.`);
      continue;
    }
    if (field.type === 'date') {
      if (typeof value !== 'string' || !isBackendDate(value)) {
        return unprocessable(`Expected type 'date' in format 'yyyy-MM-dd' for field '${field.name}', found value '${reader.render(value)}'.`);
      }
      continue;
    }
    if (!reader.hasType(field.type, value)) {
      const typeLabel = field.type === 'int' ? 'integer' : field.type;
      return unprocessable(`Expected type '${typeLabel}' for field '${field.name}', found value '${reader.render(value)}'.`);
    }
  }
  return null;
}

// ---------------------------------------------------------------- sequences (rules 3–16)

function unknownKeys(map: Record<string, unknown>, known: Set<string>): string[] {
  return Object.keys(map).filter((key) => !known.has(key));
}

function validateNucleotides(data: SubmittedData, organism: OrganismSchema): SubmitFailure | null {
  const names = new Set(organism.nucleotideSequences.map((s) => s.name));
  for (const reference of organism.nucleotideSequences) {
    const aligned = data.alignedNucleotideSequences[reference.name];
    if (aligned !== null && aligned !== undefined && aligned.length !== reference.length) {
      return unprocessable(
        `The length of '${reference.name}' in 'alignedNucleotideSequences' is ${aligned.length}, but it should be ${reference.length}.`,
      );
    }
  }
  for (const field of ['alignedNucleotideSequences', 'unalignedNucleotideSequences', 'sequenceNameToFastaId'] as const) {
    const unknown = unknownKeys(data[field], names);
    if (unknown.length > 0) return unprocessable(`Unknown segments in '${field}': ${sortedList(unknown)}.`);
  }
  const unalignedKeys = Object.keys(data.unalignedNucleotideSequences);
  const fastaIdKeys = Object.keys(data.sequenceNameToFastaId);
  const missingFastaIds = unalignedKeys.filter((key) => !(key in data.sequenceNameToFastaId));
  if (missingFastaIds.length > 0) return unprocessable(`'sequenceNameToFastaId': is missing the keys '${sortedList(missingFastaIds)}'.`);
  const missingUnaligned = fastaIdKeys.filter((key) => !(key in data.unalignedNucleotideSequences));
  if (missingUnaligned.length > 0) return unprocessable(`'unalignedNucleotideSequences': is missing the keys '${sortedList(missingUnaligned)}'.`);
  const unknownInsertions = unknownKeys(data.nucleotideInsertions, names);
  if (unknownInsertions.length > 0) return unprocessable(`Unknown segments in 'nucleotideInsertions': ${sortedList(unknownInsertions)}.`);

  for (const [segment, sequence] of Object.entries(data.alignedNucleotideSequences)) {
    const bad = sequence === null ? null : invalidSymbols(sequence, ALIGNED_NUCLEOTIDE_SYMBOLS, ALIGNED_NUCLEOTIDE_ONLY);
    if (bad) return unprocessable(`The sequence of segment '${segment}' in 'alignedNucleotideSequences' contains invalid symbols: ${renderInvalidSymbols(bad)}.`);
  }
  for (const [segment, sequence] of Object.entries(data.unalignedNucleotideSequences)) {
    const bad = sequence === null ? null : invalidSymbols(sequence, UNALIGNED_NUCLEOTIDE_SYMBOLS, UNALIGNED_NUCLEOTIDE_ONLY);
    if (bad) return unprocessable(`The sequence of segment '${segment}' in 'unalignedNucleotideSequences' contains invalid symbols: ${renderInvalidSymbols(bad)}.`);
  }
  for (const [segment, insertions] of Object.entries(data.nucleotideInsertions)) {
    for (const insertion of insertions ?? []) {
      const [position, letters] = insertion.split(':');
      const bad = invalidSymbols(letters, UNALIGNED_NUCLEOTIDE_SYMBOLS, UNALIGNED_NUCLEOTIDE_ONLY);
      if (bad) {
        return unprocessable(
          `The insertion ${Number(position)}:${letters} of segment '${segment}' in 'nucleotideInsertions' contains invalid symbols: ${renderInvalidSymbols(bad)}.`,
        );
      }
    }
  }
  return null;
}

function validateAminoAcids(data: SubmittedData, organism: OrganismSchema): SubmitFailure | null {
  const genes = new Set(organism.genes.map((g) => g.name));
  for (const gene of organism.genes) {
    const aligned = data.alignedAminoAcidSequences[gene.name];
    if (aligned !== null && aligned !== undefined && aligned.length !== gene.length) {
      return unprocessable(`The length of '${gene.name}' in 'alignedAminoAcidSequences' is ${aligned.length}, but it should be ${gene.length}.`);
    }
  }
  const unknownAligned = unknownKeys(data.alignedAminoAcidSequences, genes);
  if (unknownAligned.length > 0) return unprocessable(`Unknown genes in 'alignedAminoAcidSequences': ${sortedList(unknownAligned)}.`);
  const unknownInsertions = unknownKeys(data.aminoAcidInsertions, genes);
  if (unknownInsertions.length > 0) return unprocessable(`Unknown genes in 'aminoAcidInsertions': ${sortedList(unknownInsertions)}.`);
  for (const [gene, sequence] of Object.entries(data.alignedAminoAcidSequences)) {
    const bad = sequence === null ? null : invalidSymbols(sequence, AMINO_ACID_SYMBOLS, AMINO_ACID_ONLY);
    if (bad) return unprocessable(`The gene '${gene}' in 'alignedAminoAcidSequences' contains invalid symbols: ${renderInvalidSymbols(bad)}.`);
  }
  for (const [gene, insertions] of Object.entries(data.aminoAcidInsertions)) {
    for (const insertion of insertions ?? []) {
      const bad = invalidSymbols(insertion.split(':')[1], AMINO_ACID_SYMBOLS, AMINO_ACID_ONLY);
      if (bad) return unprocessable(`An insertion of gene '${gene}' in 'aminoAcidInsertions' contains invalid symbols: ${renderInvalidSymbols(bad)}.`);
    }
  }
  return null;
}

/**
 * Rules 1–16 of §5.4 on already upper-cased data. Runs only for entries without errors.
 * Returns the first failure (422 with the backend's exact message) or null.
 */
export function validateContent(data: SubmittedData, organism: OrganismSchema): SubmitFailure | null {
  return (
    validateMetadata(data.metadata, organism.metadata, PARSED_VALUES) ?? validateNucleotides(data, organism) ?? validateAminoAcids(data, organism)
  );
}

/**
 * The content check of an entry without errors (§5.3): upper-casing, then rules 1–16.
 * Returns the data as the backend stores it, or the failure it answers.
 */
export function storedIfValid(data: SubmittedData, organism: OrganismSchema): SubmittedData | SubmitFailure {
  const stored = upperCaseSequences(data);
  if (isFailure(stored)) return stored;
  return validateContent(stored, organism) ?? stored;
}

/** A failure rather than data: none of the data shapes checked here has top-level `status` and `detail`. */
export function isFailure(value: object): value is SubmitFailure {
  return 'status' in value && 'detail' in value;
}

export interface CheckedLine {
  entry: SubmittedEntry;
  /** The data as the backend would store it (upper-cased when it was validated). */
  stored: SubmittedData;
}

/**
 * Deserialises one line and, when it carries no errors, upper-cases and validates it.
 * Returns either the failure the backend would answer, or the entry and its stored form.
 */
export function checkProcessedLine(line: string, organism: OrganismSchema): { ok: true; value: CheckedLine } | { ok: false; failure: SubmitFailure } {
  const parsed = deserialiseProcessedLine(line);
  if (!parsed.ok) return parsed;
  const entry = parsed.entry;
  if (entry.errors.length > 0) return { ok: true, value: { entry, stored: entry.data } };
  const stored = storedIfValid(entry.data, organism);
  if (isFailure(stored)) return { ok: false, failure: stored };
  return { ok: true, value: { entry, stored } };
}

/** The backend's verdict on one NDJSON line (without row-state and file checks): null = accepted. */
export function validateProcessedLine(line: string, organism: OrganismSchema): SubmitFailure | null {
  const result = checkProcessedLine(line, organism);
  return result.ok ? null : result.failure;
}

/**
 * The backend's verdict on an entry the worker is about to submit, exactly as it will be
 * serialised: null = accepted; otherwise the status and `detail` the backend would answer.
 */
export function validateProcessedEntry(entry: ProcessedEntry, organism: OrganismSchema): SubmitFailure | null {
  return validateProcessedLine(serialiseProcessedEntry(entry), organism);
}

/**
 * The same verdict and message as `validateProcessedEntry` for an entry this worker built itself,
 * without serialising and re-parsing it. The structural (400) checks reduce to the insertion text
 * format, the only part of our own output not fixed by its types (file ids are the backend's
 * own); metadata values are judged as `serialise.ts` writes them. A 400 means the backend cannot
 * read the data at all, even on an entry with errors.
 */
export function validateBuiltEntry(entry: ProcessedEntry, organism: OrganismSchema): SubmitFailure | null {
  const source = entry.data;
  // The backend reads every line, errors or not; only the content rules are for error-free ones.
  const unreadable = unreadableInsertion(source);
  if (unreadable !== null) return unreadable;
  if (entry.errors.length > 0) return null;
  const metadataFailure = validateMetadata(source.metadata ?? {}, organism.metadata, BUILT_VALUES);
  if (metadataFailure !== null) return metadataFailure;
  // Rules 3–16 find nothing wrong in empty maps (no rule asks for a segment or gene to be
  // present): entries without sequence data, the usual metadata-only case, stop here.
  if (!hasSequenceData(source)) return null;
  const data: SubmittedData = {
    metadata: {},
    unalignedNucleotideSequences: source.unalignedNucleotideSequences ?? {},
    alignedNucleotideSequences: source.alignedNucleotideSequences ?? {},
    nucleotideInsertions: withoutNullLists(source.nucleotideInsertions),
    alignedAminoAcidSequences: source.alignedAminoAcidSequences ?? {},
    aminoAcidInsertions: withoutNullLists(source.aminoAcidInsertions),
    sequenceNameToFastaId: source.sequenceNameToFastaId ?? {},
    files: null,
  };
  // Cannot fail: the serialiser leaves null insertion lists out, and so does `withoutNullLists`.
  const stored = upperCaseSequences(data);
  if (isFailure(stored)) return stored;
  return validateNucleotides(stored, organism) ?? validateAminoAcids(stored, organism);
}

/** The 400 the backend answers for the first insertion text it cannot read, or null. */
function unreadableInsertion(data: ProcessedEntry['data']): SubmitFailure | null {
  for (const field of ['nucleotideInsertions', 'aminoAcidInsertions'] as const) {
    const map = data[field] as Record<string, string[] | null | undefined> | null | undefined;
    if (!map) continue;
    for (const key of Object.keys(map)) {
      const list = map[key];
      if (!list) continue;
      for (let i = 0; i < list.length; i += 1) {
        const problem = insertionProblem(list[i]);
        if (problem !== null) {
          return { status: 400, detail: `${DESERIALISE_PREFIX}${invalidInsertionMessage(list[i], `data.${field}["${key}"][${i}]`, problem)}` };
        }
      }
    }
  }
  return null;
}

/** The insertions as the serialiser writes them: null lists left out. */
function withoutNullLists(map: Record<string, string[] | null | undefined> | null | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(map ?? {})) if (list) out[key] = list;
  return out;
}

function isEmptyMap(map: Record<string, unknown> | null | undefined): boolean {
  if (map === null || map === undefined) return true;
  for (const _ in map) return false;
  return true;
}

function hasSequenceData(data: ProcessedEntry['data']): boolean {
  return !(
    isEmptyMap(data.unalignedNucleotideSequences) &&
    isEmptyMap(data.alignedNucleotideSequences) &&
    isEmptyMap(data.nucleotideInsertions) &&
    isEmptyMap(data.alignedAminoAcidSequences) &&
    isEmptyMap(data.aminoAcidInsertions) &&
    isEmptyMap(data.sequenceNameToFastaId)
  );
}
