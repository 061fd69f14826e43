/**
 * `parse_date_into_range`: a date, partial date or range (`a/b`, `[a TO b]`) turned into its
 * compact range text or its lower/upper bound, the upper bound capped at the submission (and
 * release) date (preprocessing-config.md §7, §8.4).
 * Deliberate difference (§10 #15): a range whose start lies after the capped end is reported
 * too, not only one that was already inverted as written.
 */
import { compareDates, dateFromEpochSeconds, daysInMonth, formatDate, minDate, parseLenient, strptimeDate, utcDateOf, type CalendarDate } from '../dates.js';
import { pyStr } from '../python.js';
import { failed, internalError, isEmpty, issue, ok, type Issue, type ProcessingFunction } from '../types.js';

export type FieldType = 'dateRangeString' | 'dateRangeLower' | 'dateRangeUpper';
const FIELD_TYPES: ReadonlySet<string> = new Set(['dateRangeString', 'dateRangeLower', 'dateRangeUpper']);

interface Interval {
  lower: CalendarDate;
  upper: CalendarDate;
  /** Why the interval is wider than a day, as the warning text ends. */
  note: string | null;
}

const RANGE_SLASH = /^\s*([0-9-]+)\s*\/\s*([0-9-]+)\s*$/;
const RANGE_LUCENE = /^\s*\[\s*([0-9-]+)\s+TO\s+([0-9-]+)\s*\]\s*$/;

function intervalOf(text: string): Interval | null {
  const full = strptimeDate(text, '%Y-%m-%d');
  if (full !== null) return { lower: full, upper: full, note: null };
  const month = strptimeDate(text, '%Y-%m');
  if (month !== null) {
    const { year, month: m } = month;
    return { lower: month, upper: { year, month: m, day: daysInMonth(year, m) }, note: 'Day is missing. Assuming date is some time in the month.' };
  }
  const year = strptimeDate(text, '%Y');
  if (year !== null) {
    return { lower: year, upper: { year: year.year, month: 12, day: 31 }, note: 'Month and day are missing. Assuming date is some time in the year.' };
  }
  return null;
}

/** What a date text says, before the caps of one entry apply. */
type Reading =
  | { kind: 'range'; first: Interval | null; second: Interval | null; firstText: string; secondText: string }
  | { kind: 'single'; single: Interval | null };

function readDateText(text: string): Reading {
  const range = RANGE_SLASH.exec(text) ?? RANGE_LUCENE.exec(text);
  if (range) return { kind: 'range', first: intervalOf(range[1]), second: intervalOf(range[2]), firstText: range[1], secondText: range[2] };
  return { kind: 'single', single: intervalOf(text.trim()) };
}

// One-slot caches: the three fields of a range (string, lower, upper) read the same date and
// release date of an entry one after the other. Cached values are shared, never mutated.
let lastText: string | null = null;
let lastReading: Reading = { kind: 'single', single: null };
let lastReleaseText: string | null = null;
let lastRelease: CalendarDate | null = null;

function readingOf(text: string): Reading {
  if (text !== lastText) {
    lastReading = readDateText(text);
    lastText = text;
  }
  return lastReading;
}

/** The release date, or null when it does not parse (then it is ignored, as the reference does). */
function releaseOf(text: string): CalendarDate | null {
  if (text !== lastReleaseText) {
    const parsed = parseLenient(text);
    lastRelease = parsed.ok ? parsed.parsed.date : null;
    lastReleaseText = text;
  }
  return lastRelease;
}

function pythonDatetime(date: CalendarDate): string {
  return `${formatDate(date)} 00:00:00+00:00`;
}

const isFirstOfMonth = (date: CalendarDate): boolean => date.day === 1;
const isLastOfMonth = (date: CalendarDate): boolean => date.day === daysInMonth(date.year, date.month);
const yearMonth = (date: CalendarDate): string => formatDate(date).slice(0, 7);

/** The shortest text naming exactly the days from lower to upper. */
export function compactRange(lower: CalendarDate, upper: CalendarDate): string {
  if (compareDates(lower, upper) === 0) return formatDate(lower);
  const wholeMonths = isFirstOfMonth(lower) && isLastOfMonth(upper);
  if (wholeMonths && lower.year === upper.year && lower.month === upper.month) return yearMonth(lower);
  const wholeYears = wholeMonths && lower.month === 1 && upper.month === 12;
  if (wholeYears && lower.year === upper.year) return String(lower.year).padStart(4, '0');
  if (wholeYears) return `${String(lower.year).padStart(4, '0')}/${String(upper.year).padStart(4, '0')}`;
  if (wholeMonths) return `${yearMonth(lower)}/${yearMonth(upper)}`;
  return `${formatDate(lower)}/${formatDate(upper)}`;
}

export const parseDateIntoRange: ProcessingFunction<FieldType> = {
  name: 'parse_date_into_range',
  prepare(args) {
    const fieldType = args.fieldType;
    if (fieldType === undefined || fieldType === null) return { plan: 'dateRangeString', problems: ["argument 'fieldType' is required (dateRangeString, dateRangeLower or dateRangeUpper)"] };
    if (!FIELD_TYPES.has(String(fieldType))) return { plan: 'dateRangeString', problems: [`Config error: Unknown fieldType: ${String(fieldType)}`] };
    return { plan: fieldType as FieldType, problems: [] };
  },
  run(inputs, fieldType, _args, context) {
    const field = context.field;
    const submitted = context.submittedAt === null ? null : dateFromEpochSeconds(context.submittedAt);
    if (submitted === null) {
      return internalError(`Internal Error. parse_date_into_range raised an unexpected exception for output field '${field}': submittedAt is missing or invalid. Please contact the administrator.`);
    }
    let maxUpper = submitted;
    let release: CalendarDate | null = null;
    const releaseInput = inputs.releaseDate;
    if (!isEmpty(releaseInput)) {
      release = releaseOf(typeof releaseInput === 'string' ? releaseInput : pyStr(releaseInput));
      if (release !== null) maxUpper = minDate(maxUpper, release);
    }
    const value = inputs.date;
    if (isEmpty(value)) return ok(fieldType === 'dateRangeUpper' ? formatDate(maxUpper) : null);
    const text = typeof value === 'string' ? value : pyStr(value);

    let interval: Interval;
    const reading = readingOf(text);
    if (reading.kind === 'range') {
      const { first, second } = reading;
      if (first === null || second === null) return failed(`Metadata field ${field}: Detected date range but could not parse date: ${text}.`);
      interval = { lower: first.lower, upper: second.upper, note: null };
    } else {
      if (reading.single === null) return failed(`Metadata field ${field}: Date ${text} could not be parsed.`);
      interval = reading.single;
    }
    // The bounds carry no messages: only the range string reports them.
    if (fieldType === 'dateRangeLower') return ok(formatDate(interval.lower));
    if (fieldType === 'dateRangeUpper') return ok(formatDate(minDate(interval.upper, maxUpper)));

    let warning: string | null = null;
    if (reading.kind === 'range') {
      const notes: string[] = [];
      if (reading.first!.note) notes.push(`For lower date: ${reading.firstText} - ${reading.first!.note}`);
      if (reading.second!.note) notes.push(`For upper date: ${reading.secondText} - ${reading.second!.note}`);
      if (notes.length > 0) warning = `Metadata field ${field}:'${text}' - Detected date range. ${notes.join(' ')}`;
    } else if (interval.note) {
      warning = `Metadata field ${field}:'${text}' - ${interval.note}`;
    }

    const errors: Issue[] = [];
    if (compareDates(interval.lower, interval.upper) > 0) {
      errors.push(issue(`Metadata field ${field}:'${text}' is an invalid date range. Lower bound: ${pythonDatetime(interval.lower)} is after upper bound: ${pythonDatetime(interval.upper)}.`));
    }
    const upper = minDate(interval.upper, maxUpper);
    if (compareDates(interval.lower, utcDateOf(context.now)) > 0) errors.push(issue(`Metadata field ${field}:'${text}' is in the future.`));
    if (release !== null && compareDates(interval.lower, release) > 0) errors.push(issue(`Metadata field ${field}:'${text}' is after release date.`));
    if (errors.length === 0 && compareDates(interval.lower, upper) > 0) {
      errors.push(issue(`Metadata field ${field}:'${text}' is an invalid date range. Lower bound: ${formatDate(interval.lower)} is after the submission date: ${formatDate(upper)}.`));
    }

    const range = compactRange(interval.lower, upper);
    if (errors.length === 0 && warning === null) return ok(range);
    return { value: range, errors, warnings: warning ? [issue(warning)] : [] };
  },
};
