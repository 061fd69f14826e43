/**
 * Date parsing shared by the date functions. Input rules follow the reference (Python
 * `strptime` and `dateutil`), output is always the backend's fixed-width `yyyy-MM-dd`.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type DateParse = { ok: true; date: CalendarDate } | { ok: false; message: string };

/** Python's repr of a str, as used in strptime messages. */
function pyRepr(text: string): string {
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/'/g, "\\'")}'`;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const THIRTY_DAY_MONTHS: ReadonlySet<number> = new Set([4, 6, 9, 11]);

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return THIRTY_DAY_MONTHS.has(month) ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Fixed-width `yyyy-MM-dd`. */
export function formatDate(date: CalendarDate): string {
  const year = date.year >= 1000 ? String(date.year) : String(date.year).padStart(4, '0');
  return `${year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Orders dates: negative when a < b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

// One-slot caches: every date function of an entry asks for the same "now" and the same
// submission time, so the calendar date is worked out once instead of once per field.
// The returned dates are shared and must not be mutated (no caller does).
let lastNowMillis = Number.NaN;
let lastNowDate: CalendarDate = { year: 1970, month: 1, day: 1 };

/** The UTC calendar date of an instant. */
export function utcDateOf(instant: Date): CalendarDate {
  const millis = instant.getTime();
  if (millis !== lastNowMillis) {
    lastNowDate = { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
    lastNowMillis = millis;
  }
  return lastNowDate;
}

let lastEpochSeconds = Number.NaN;
let lastEpochDate: CalendarDate | null = null;

/** The UTC calendar date of epoch seconds (the backend's `submittedAt`); null out of range. */
export function dateFromEpochSeconds(seconds: number): CalendarDate | null {
  if (seconds === lastEpochSeconds) return lastEpochDate;
  const instant = new Date(seconds * 1000);
  const date = Number.isNaN(instant.getTime()) ? null : { year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() };
  lastEpochSeconds = seconds;
  lastEpochDate = date;
  return date;
}

// Directive regexes of Python's `_strptime` (exact alternation order matters for prefix matching).
const YEAR = '(\\d\\d\\d\\d)';
const MONTH = '(1[0-2]|0[1-9]|[1-9])';
const DAY = '(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])';

const FORMATS = {
  '%Y-%m-%d': new RegExp(`^${YEAR}-${MONTH}-${DAY}`, 'i'),
  '%Y-%m': new RegExp(`^${YEAR}-${MONTH}`, 'i'),
  '%Y': new RegExp(`^${YEAR}`, 'i'),
} as const;

export type StrptimeFormat = keyof typeof FORMATS;

/** Number of the ASCII digits text[from..to), NaN if any is not one. */
function digitsAt(text: string, from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return Number.NaN;
    number = number * 10 + digit;
  }
  return number;
}

/** Numbers of `dddd-dd-dd` (ASCII digits, `text` 10 long), or null when the text is not written so. */
function fixedWidthDigits(text: string): CalendarDate | null {
  if (text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return null;
  return { year, month, day };
}

/** An existing calendar date written `yyyy-MM-dd`, read without a match array, substrings or objects. */
export function isFixedWidthDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day)) return false;
  return isValidDate(year, month, day);
}

/**
 * The date Python's `datetime.strptime(text, format)` returns, or null when it raises; for
 * callers that try one format after another and never show the message.
 */
export function strptimeDate(text: string, format: StrptimeFormat): CalendarDate | null {
  if (format === '%Y-%m-%d' && text.length === 10) {
    // `dddd-dd-dd` read from character codes. With two-digit fields the directives accept
    // exactly months 01–12 and days 01–31 (a longer day match leaves unconverted data).
    const fixed = fixedWidthDigits(text);
    if (fixed !== null) {
      const { year, month, day } = fixed;
      return year >= 1 && month >= 1 && month <= 12 && day >= 1 && isValidDate(year, month, day) ? fixed : null;
    }
  }
  const found = FORMATS[format].exec(text);
  if (!found || found[0].length !== text.length) return null;
  const year = Number(found[1]);
  const month = found[2] === undefined ? 1 : Number(found[2]);
  const day = found[3] === undefined ? 1 : Number(found[3].trim());
  if (year < 1 || !isValidDate(year, month, day)) return null;
  return { year, month, day };
}

/** Python `datetime.strptime(text, format)` for the three date formats the reference uses. */
export function strptime(text: string, format: StrptimeFormat): DateParse {
  const date = strptimeDate(text, format);
  if (date !== null) return { ok: true, date };
  // Failed: work out Python's message.
  const found = FORMATS[format].exec(text);
  if (!found) return { ok: false, message: `time data ${pyRepr(text)} does not match format '${format}'` };
  if (found[0].length !== text.length) return { ok: false, message: `unconverted data remains: ${text.slice(found[0].length)}` };
  const year = Number(found[1]);
  if (year < 1) return { ok: false, message: `year ${year} is out of range` };
  return { ok: false, message: 'day is out of range for month' };
}

export interface LenientParse {
  date: CalendarDate;
  /** Which parts the text actually contained. */
  hasMonth: boolean;
  hasDay: boolean;
  /** True when the text carried a time zone (Python would build an aware datetime). */
  aware: boolean;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const TIME = String.raw`(?:[T ]\d{1,2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`;
const MONTH_WORD = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;

interface LenientPattern {
  regex: RegExp;
  read(found: RegExpExecArray): { year: string; month?: string; day?: string; zone?: string };
}

const LENIENT_PATTERNS: LenientPattern[] = [
  { regex: new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`, 'i'), read: (f) => ({ year: f[1], month: f[2], day: f[3], zone: f[4] }) },
  { regex: new RegExp(`^(\\d{4})(\\d{2})(\\d{2})(?:T\\d{2}(?::?\\d{2}(?::?\\d{2})?)?)?\\s*(Z)?$`, 'i'), read: (f) => ({ year: f[1], month: f[2], day: f[3], zone: f[4] }) },
  { regex: /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/, read: (f) => ({ year: f[1], month: f[2], day: f[3] }) },
  { regex: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, read: (f) => ({ year: f[3], month: f[1], day: f[2] }) },
  { regex: /^(\d{4})-(\d{1,2})$/, read: (f) => ({ year: f[1], month: f[2] }) },
  { regex: /^(\d{4})$/, read: (f) => ({ year: f[1] }) },
  { regex: new RegExp(`^${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`, 'i'), read: (f) => ({ year: f[3], month: f[1], day: f[2], zone: f[4] }) },
  { regex: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_WORD},?\\s+(\\d{4})$`, 'i'), read: (f) => ({ year: f[3], month: f[2], day: f[1] }) },
  { regex: new RegExp(`^${MONTH_WORD}\\s+(\\d{4})$`, 'i'), read: (f) => ({ year: f[2], month: f[1] }) },
];

function monthNumber(text: string): number {
  const index = MONTH_NAMES.indexOf(text.slice(0, 3).toLowerCase());
  return index >= 0 ? index + 1 : Number(text);
}

/**
 * A lenient timestamp parse in the spirit of `dateutil.parser.parse`: ISO dates and times,
 * `YYYYMMDD`, `YYYY/MM/DD`, month-first `MM/DD/YYYY`, month names. Time zones are recognised but
 * never converted (the reference keeps the written calendar date).
 */
export function parseLenient(raw: string): { ok: true; parsed: LenientParse } | { ok: false; message: string } {
  const text = raw.trim();
  // The usual `yyyy-MM-dd` is read from character codes; it is what the first pattern matches.
  const fixed = text.length === 10 ? fixedWidthDigits(text) : null;
  if (fixed !== null) return lenientResult(raw, fixed.year, fixed.month, fixed.day, true, true, false);
  for (let i = 0; i < LENIENT_PATTERNS.length; i += 1) {
    const pattern = LENIENT_PATTERNS[i];
    const found = pattern.regex.exec(text);
    if (!found) continue;
    const parts = pattern.read(found);
    const year = Number(parts.year);
    const month = parts.month === undefined ? 1 : monthNumber(parts.month);
    const day = parts.day === undefined ? 1 : Number(parts.day);
    return lenientResult(raw, year, month, day, parts.month !== undefined, parts.day !== undefined, Boolean(parts.zone));
  }
  return { ok: false, message: `Unknown string format: ${raw}` };
}

function lenientResult(
  raw: string,
  year: number,
  month: number,
  day: number,
  hasMonth: boolean,
  hasDay: boolean,
  aware: boolean,
): { ok: true; parsed: LenientParse } | { ok: false; message: string } {
  if (month < 1 || month > 12) return { ok: false, message: `month must be in 1..12: ${raw}` };
  if (year < 1) return { ok: false, message: `year ${year} is out of range: ${raw}` };
  if (!isValidDate(year, month, day)) return { ok: false, message: `day is out of range for month: ${raw}` };
  return { ok: true, parsed: { date: { year, month, day }, hasMonth, hasDay, aware } };
}
