/**
 * Output guard: every metadata value is checked against the backend type of its field before the
 * entry leaves (backend-contract.md §5.4). A value the backend would reject — and with it the whole
 * batch (§10 #1–#4, #11) — becomes null plus an error annotation on that field.
 * The field type is `args.type` of the spec; without one only JSON-safety is enforced.
 */
import { FloatValue, type Annotation, type MetadataValue } from '../contract/entries.js';
import type { BackendType } from './backend-type.js';
import type { CompiledField, CompiledSpec } from './compile.js';
import { isFixedWidthDate, isValidDate } from './dates.js';
import { pyStr } from './python.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LOOSE_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

type Checked = { ok: true; value: MetadataValue } | { ok: false; reason: string };

const numberOf = (value: MetadataValue): number | null => (value instanceof FloatValue ? value.value : typeof value === 'number' ? value : null);

function shown(value: MetadataValue): string {
  return typeof value === 'string' ? `'${value}'` : pyStr(value);
}

export function checkValue(value: MetadataValue, type: BackendType | null): Checked {
  if (value === null) return { ok: true, value };
  const number = numberOf(value);
  if (number !== null && !Number.isFinite(number)) return { ok: false, reason: 'is not a finite number' };
  switch (type) {
    case null:
      return { ok: true, value };
    case 'string':
    case 'authors':
      return typeof value === 'string' ? { ok: true, value } : { ok: false, reason: 'is not a text value' };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, reason: 'is not a boolean (true or false)' };
    case 'int':
      if (number === null || !Number.isInteger(number)) return { ok: false, reason: 'is not an integer' };
      if (number < INT_MIN || number > INT_MAX) return { ok: false, reason: `is outside the integer range ${INT_MIN} to ${INT_MAX}` };
      return { ok: true, value: number };
    case 'float':
      // Written with a decimal point by the serialiser: the backend refuses `1` for a float.
      return number === null ? { ok: false, reason: 'is not a number' } : { ok: true, value: value instanceof FloatValue ? value : new FloatValue(number) };
    case 'number':
      return number === null ? { ok: false, reason: 'is not a number' } : { ok: true, value };
    case 'date': {
      const found = typeof value === 'string' ? LOOSE_DATE.exec(value) : null;
      if (!found) return { ok: false, reason: 'is not a date in the format YYYY-MM-DD' };
      const [year, month, day] = [Number(found[1]), Number(found[2]), Number(found[3])];
      if (!isValidDate(year, month, day)) return { ok: false, reason: 'is not an existing calendar date' };
      return { ok: true, value: `${found[1]}-${found[2].padStart(2, '0')}-${found[3].padStart(2, '0')}` };
    }
  }
}

export interface GuardOutcome {
  metadata: Record<string, MetadataValue>;
  errors: Annotation[];
}

function guardError(field: CompiledField, value: MetadataValue, reason: string): Annotation {
  return {
    unprocessedFields: field.functionSources.length > 0 ? field.functionSources : field.processedSources,
    processedFields: field.processedSources,
    message: `Metadata field ${field.name}: the value ${shown(value)} ${reason}, so it was not stored.`,
    category: 'metadata',
  };
}

/** True when `checkValue` would accept the value and return it unchanged (the usual case). */
function passesUnchanged(value: MetadataValue, type: BackendType | null): boolean {
  if (value === null) return true;
  switch (type) {
    case null:
      if (value instanceof FloatValue) return Number.isFinite(value.value);
      return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    case 'string':
    case 'authors':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX;
    case 'float':
      return value instanceof FloatValue && Number.isFinite(value.value);
    case 'number':
      return value instanceof FloatValue ? Number.isFinite(value.value) : typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && isFixedWidthDate(value);
  }
}

/** The metadata has exactly the spec's keys, in order, and every value passes unchanged. */
function passesAsItIs(fields: readonly CompiledField[], metadata: Record<string, MetadataValue>): boolean {
  let i = 0;
  for (const key in metadata) {
    if (i >= fields.length) return false;
    const field = fields[i];
    if (key !== field.name) return false;
    const value = metadata[key];
    if (value === undefined || !passesUnchanged(value, field.lengthOfSegment !== null ? 'int' : field.backendType)) return false;
    i += 1;
  }
  return i === fields.length;
}

/**
 * Returns metadata safe for the backend plus one error per rejected value. When every value
 * passes as it is (nearly always), the given object itself is returned.
 */
export function guardMetadata(compiled: CompiledSpec, metadata: Record<string, MetadataValue>): GuardOutcome {
  if (passesAsItIs(compiled.fieldsByKey, metadata)) return { metadata, errors: [] };
  const safe: MetadataValue[] = [];
  const errors: Annotation[] = [];
  for (const field of compiled.fieldsByKey) {
    const value = metadata[field.name] ?? null;
    const checked = checkValue(value, field.lengthOfSegment !== null ? 'int' : field.backendType);
    if (checked.ok) safe.push(checked.value);
    else {
      safe.push(null);
      errors.push(guardError(field, value, checked.reason));
    }
  }
  // fieldsByKey is parallel to the keys the builder was made for.
  return { metadata: compiled.buildMetadata(safe), errors };
}
