/**
 * Reading one line of a submit request the way the backend deserialises it
 * (backend-contract.md §5.2): which fields must exist, which JSON types they must have, the
 * annotation shape and its `type` enum, the `pos:SEQ` insertion format. Any problem here is a
 * 400 `Failed to deserialize NDJSON line: ...`, before any row or content check.
 *
 * Unknown properties are ignored everywhere, as the backend does.
 */
import { JsonNumber, type JsonObject, type JsonValue, isJsonObject, parseLosslessJson } from './lossless-json.js';

export interface SubmitFailure {
  status: 400 | 422 | 500;
  detail: string;
}

export interface SubmittedAnnotation {
  unprocessedFields: { name: string; type: 'Metadata' | 'NucleotideSequence' | 'File' }[];
  processedFields: { name: string; type: 'Metadata' | 'NucleotideSequence' | 'File' }[];
  message: string;
}

export interface SubmittedFile {
  fileId: string;
  name: string;
}

export interface SubmittedData {
  /** Values keep their literal form (`JsonNumber`) for the float and int rules. */
  metadata: JsonObject;
  unalignedNucleotideSequences: Record<string, string | null>;
  alignedNucleotideSequences: Record<string, string | null>;
  /** A `null` list deserialises, but breaks the backend later (500); see `validate.ts`. */
  nucleotideInsertions: Record<string, string[] | null>;
  alignedAminoAcidSequences: Record<string, string | null>;
  aminoAcidInsertions: Record<string, string[] | null>;
  sequenceNameToFastaId: Record<string, string | null>;
  files: Record<string, SubmittedFile[]> | null;
}

export interface SubmittedEntry {
  accession: string;
  version: number;
  errors: SubmittedAnnotation[];
  warnings: SubmittedAnnotation[];
  data: SubmittedData;
}

export type DeserialiseResult = { ok: true; entry: SubmittedEntry } | { ok: false; failure: SubmitFailure };

export const DESERIALISE_PREFIX = 'Failed to deserialize NDJSON line: ';

class DeserialiseError extends Error {}

const ANNOTATION_TYPES = new Set(['Metadata', 'NucleotideSequence', 'File']);
const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const INT_PATTERN = /^[+-]?\d+$/;

function typeName(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof JsonNumber) return 'a number';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function missing(owner: string, property: string): never {
  throw new DeserialiseError(
    `Instantiation of ${owner} failed for JSON property ${property} due to missing (therefore NULL) value for creator parameter ${property} which is a non-nullable type`,
  );
}

function wrongType(path: string, expected: string, value: JsonValue | undefined): never {
  throw new DeserialiseError(`Cannot deserialize value of type ${expected} from ${typeName(value)} (through reference chain: ${path})`);
}

function requireObject(owner: string, parent: JsonObject, key: string, path: string): JsonObject {
  const value = parent[key];
  if (value === undefined || value === null) missing(owner, key);
  if (!isJsonObject(value)) wrongType(path, 'an object', value);
  return value;
}

function readString(value: JsonValue | undefined, path: string): string {
  if (typeof value === 'string') return value;
  return wrongType(path, 'String', value);
}

function readNullableStringMap(owner: string, data: JsonObject, key: string, required: boolean): Record<string, string | null> {
  if (!required && (data[key] === undefined || data[key] === null)) return {};
  const map = requireObject(owner, data, key, `data.${key}`);
  const out: Record<string, string | null> = {};
  for (const name of Object.keys(map)) {
    const value = map[name];
    out[name] = value === null ? null : readString(value, `data.${key}["${name}"]`);
  }
  return out;
}

/** Why the backend cannot read `text` as an insertion (`<position>:<sequence>`, a 32-bit position); null when it can. */
export function insertionProblem(text: string): string | null {
  const parts = text.split(':');
  if (parts.length !== 2 || !INT_PATTERN.test(parts[0])) return "expected '<position>:<sequence>'";
  const position = Number(parts[0]);
  if (position < -2147483648 || position > 2147483647) return 'position out of range';
  return null;
}

/** The deserialisation message (without the common prefix) for an insertion at `path` the backend cannot read. */
export function invalidInsertionMessage(text: string, path: string, problem: string): string {
  return `Invalid insertion '${text}' (through reference chain: ${path}): ${problem}`;
}

function checkInsertion(text: string, path: string): void {
  const problem = insertionProblem(text);
  if (problem !== null) throw new DeserialiseError(invalidInsertionMessage(text, path, problem));
}

function readInsertions(owner: string, data: JsonObject, key: string): Record<string, string[] | null> {
  const map = requireObject(owner, data, key, `data.${key}`);
  const out: Record<string, string[] | null> = {};
  for (const name of Object.keys(map)) {
    const list = map[name];
    const path = `data.${key}["${name}"]`;
    if (list === null) {
      out[name] = null;
      continue;
    }
    if (!Array.isArray(list)) wrongType(path, 'List<Insertion>', list);
    out[name] = list.map((item, i) => {
      const text = readString(item, `${path}[${i}]`);
      checkInsertion(text, `${path}[${i}]`);
      return text;
    });
  }
  return out;
}

function readAnnotationFields(annotation: JsonObject, key: string, path: string): SubmittedAnnotation['processedFields'] {
  const list = annotation[key];
  if (list === undefined || list === null) missing('PreprocessingAnnotation', key);
  if (!Array.isArray(list)) wrongType(`${path}.${key}`, 'List<PreprocessingAnnotationSource>', list);
  return list.map((item, i) => {
    const itemPath = `${path}.${key}[${i}]`;
    if (!isJsonObject(item)) wrongType(itemPath, 'PreprocessingAnnotationSource', item);
    if (item.name === undefined || item.name === null) missing('PreprocessingAnnotationSource', 'name');
    if (item.type === undefined || item.type === null) missing('PreprocessingAnnotationSource', 'type');
    const name = readString(item.name, `${itemPath}.name`);
    const type = readString(item.type, `${itemPath}.type`);
    if (!ANNOTATION_TYPES.has(type)) {
      throw new DeserialiseError(
        `Cannot deserialize value of type AnnotationSourceType from String "${type}": not one of the values accepted for Enum class: [Metadata, NucleotideSequence, File] (through reference chain: ${itemPath}.type)`,
      );
    }
    return { name, type: type as 'Metadata' | 'NucleotideSequence' | 'File' };
  });
}

function readAnnotations(entry: JsonObject, key: 'errors' | 'warnings'): SubmittedAnnotation[] {
  const list = entry[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) wrongType(key, 'List<PreprocessingAnnotation>', list);
  return list.map((item, i) => {
    const path = `${key}[${i}]`;
    if (!isJsonObject(item)) wrongType(path, 'PreprocessingAnnotation', item);
    const unprocessedFields = readAnnotationFields(item, 'unprocessedFields', path);
    const processedFields = readAnnotationFields(item, 'processedFields', path);
    if (item.message === undefined || item.message === null) missing('PreprocessingAnnotation', 'message');
    const message = readString(item.message, `${path}.message`);
    return { unprocessedFields, processedFields, message };
  });
}

function readFiles(data: JsonObject): Record<string, SubmittedFile[]> | null {
  const files = data.files;
  if (files === undefined || files === null) return null;
  if (!isJsonObject(files)) wrongType('data.files', 'Map<String, List<FileIdAndName>>', files);
  const out: Record<string, SubmittedFile[]> = {};
  for (const category of Object.keys(files)) {
    const list = files[category];
    const path = `data.files["${category}"]`;
    if (!Array.isArray(list)) wrongType(path, 'List<FileIdAndName>', list);
    out[category] = list.map((item, i) => {
      const itemPath = `${path}[${i}]`;
      if (!isJsonObject(item)) wrongType(itemPath, 'FileIdAndName', item);
      if (item.fileId === undefined || item.fileId === null) missing('FileIdAndName', 'fileId');
      if (item.name === undefined || item.name === null) missing('FileIdAndName', 'name');
      const fileId = readString(item.fileId, `${itemPath}.fileId`);
      if (!UUID_PATTERN.test(fileId)) throw new DeserialiseError(`Cannot deserialize value of type UUID from String "${fileId}" (through reference chain: ${itemPath}.fileId)`);
      return { fileId, name: readString(item.name, `${itemPath}.name`) };
    });
  }
  return out;
}

function readAccession(entry: JsonObject): string {
  const value = entry.accession;
  if (value === undefined || value === null) missing('SubmittedProcessedData', 'accession');
  // Jackson coerces scalars to String by default, so a numeric accession still deserialises.
  if (value instanceof JsonNumber) return value.text;
  return readString(value, 'accession');
}

function readVersion(entry: JsonObject): number {
  const value = entry.version;
  if (value === undefined || value === null) missing('SubmittedProcessedData', 'version');
  if (!(value instanceof JsonNumber) || !Number.isInteger(value.value)) wrongType('version', 'long', value);
  return value.value;
}

function readEntry(root: JsonValue): SubmittedEntry {
  if (!isJsonObject(root)) wrongType('(root)', 'SubmittedProcessedData', root);
  const accession = readAccession(root);
  const version = readVersion(root);
  const data = requireObject('SubmittedProcessedData', root, 'data', 'data');
  const owner = 'ProcessedData';
  if (data.metadata === undefined || data.metadata === null) missing(owner, 'metadata');
  if (!isJsonObject(data.metadata)) wrongType('data.metadata', 'Map<String, JsonNode>', data.metadata);
  const processed: SubmittedData = {
    metadata: data.metadata,
    unalignedNucleotideSequences: readNullableStringMap(owner, data, 'unalignedNucleotideSequences', true),
    alignedNucleotideSequences: readNullableStringMap(owner, data, 'alignedNucleotideSequences', true),
    nucleotideInsertions: readInsertions(owner, data, 'nucleotideInsertions'),
    alignedAminoAcidSequences: readNullableStringMap(owner, data, 'alignedAminoAcidSequences', true),
    aminoAcidInsertions: readInsertions(owner, data, 'aminoAcidInsertions'),
    sequenceNameToFastaId: readNullableStringMap(owner, data, 'sequenceNameToFastaId', false),
    files: readFiles(data),
  };
  return {
    accession,
    version,
    errors: readAnnotations(root, 'errors'),
    warnings: readAnnotations(root, 'warnings'),
    data: processed,
  };
}

/** Deserialises one NDJSON line of a submit request; failures are the backend's 400s. */
export function deserialiseProcessedLine(line: string): DeserialiseResult {
  try {
    return { ok: true, entry: readEntry(parseLosslessJson(line)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { status: 400, detail: `${DESERIALISE_PREFIX}${message}` } };
  }
}
