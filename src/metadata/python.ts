/**
 * Python-compatible conversions the reference pipeline relies on: `str()` rendering of values
 * taken from Nextclade results, and the leniency of `int()` / `float()` (preprocessing-config.md
 * §3.6, §7, §10 #6 and #7). Submitters' spreadsheets were validated against these rules for years,
 * so we accept exactly what Python accepts.
 */
import { FloatValue } from '../contract/entries.js';

const DECIMAL_DIGIT = /\p{Nd}/u;
const PY_WHITESPACE_CHAR = /^[\s\u001c-\u001f\u0085]$/u;

function isPyWhitespace(char: string): boolean {
  const code = char.charCodeAt(0);
  // Printable ASCII is never whitespace: the regex is only needed for the rest.
  if (code > 0x20 && code < 0x7f) return false;
  return PY_WHITESPACE_CHAR.test(char) && char !== '\ufeff';
}

/**
 * Python's `str.strip()` with no argument (Unicode whitespace, including the ASCII separators).
 * Scans from both ends instead of using a `\s+$` regex, which is quadratic on long blank runs.
 */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPyWhitespace(text[start])) start += 1;
  while (end > start && isPyWhitespace(text[end - 1])) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Value of one Unicode decimal digit: digits come in contiguous runs of ten starting at zero. */
function digitValue(char: string): number {
  const code = char.codePointAt(0)!;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  let start = code;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (code - start) % 10;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Replaces every Unicode decimal digit by its ASCII counterpart. */
function asciiDigits(text: string): string {
  // Every non-ASCII decimal digit lies above U+007F: ASCII text needs no conversion.
  if (ASCII_ONLY.test(text)) return text;
  let out = '';
  for (const char of text) out += DECIMAL_DIGIT.test(char) ? String(digitValue(char)) : char;
  return out;
}

const INT_SYNTAX = /^[+-]?\d+(?:_\d+)*$/;

/** Python refuses to convert longer digit strings (CPython's int_max_str_digits). */
const MAX_INT_DIGITS = 4300;

/** Python `int(text)`; null when Python would raise. May exceed the safe-integer range. */
export function parsePyInt(text: string): bigint | null {
  const normalised = asciiDigits(pyStrip(text));
  if (normalised.length > MAX_INT_DIGITS + 1) return null;
  if (!INT_SYNTAX.test(normalised)) return null;
  return BigInt(normalised.includes('_') ? normalised.replace(/_/g, '') : normalised);
}

const DIGITS = String.raw`\d(?:_?\d)*`;
const FLOAT_SYNTAX = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL_FLOAT = /^([+-]?)(nan|inf|infinity)$/i;

/** Python `float(text)`; null when Python would raise. NaN and ±Infinity are returned as such. */
export function parsePyFloat(text: string): number | null {
  const normalised = asciiDigits(pyStrip(text));
  if (FLOAT_SYNTAX.test(normalised)) return Number(normalised.includes('_') ? normalised.replace(/_/g, '') : normalised);
  const special = SPECIAL_FLOAT.exec(normalised);
  if (special) {
    if (special[2].toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  return null;
}

/** Python `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const exponential = value.toExponential();
  const [mantissa, exponentText] = exponential.split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  // In this exponent range JavaScript also prints positionally, with the same shortest digits.
  const positional = String(value);
  return positional.includes('.') ? positional : `${positional}.0`;
}

function reprString(text: string): string {
  if (text.includes("'") && !text.includes('"')) return `"${text.replace(/\\/g, '\\\\')}"`;
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t')}'`;
}

function repr(value: unknown, floatHint: boolean): string {
  if (typeof value === 'string') return reprString(value);
  return pyStr(value, floatHint);
}

/**
 * Python `str(value)` of a JSON value. JavaScript cannot tell `1` from `1.0` after parsing, so
 * callers pass `floatHint` for fields Nextclade types as floats (e.g. `coverage`).
 */
export function pyStr(value: unknown, floatHint = false): string {
  if (value === null || value === undefined) return 'None';
  if (value instanceof FloatValue) return pyFloatRepr(value.value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !floatHint && Math.abs(value) < 1e21) return BigInt(value).toString();
    return pyFloatRepr(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map((item) => repr(item, floatHint)).join(', ')}]`;
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${reprString(key)}: ${repr(item, floatHint)}`);
    return `{${parts.join(', ')}}`;
  }
  return String(value);
}
