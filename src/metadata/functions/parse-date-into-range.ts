/**
 * `parse_date_into_range`: a date, partial date or range (`a/b`, `[a TO b]`) turned into its
 * compact range text or its lower/upper bound, the upper bound capped at the submission (and
 * release) date (preprocessing-config.md §7, §8.4).
 * Deliberate difference (§10 #15): a range whose start lies after the capped end is reported
 * too, not only one that was already inverted as written.
 */
import { compareDates, dateFromEpochSeconds, daysInMonth, formatDate, minDate, parseLenient, strptime, utcDateOf, type CalendarDate } from '../dates.js';
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
  const full = strptime(text, '%Y-%m-%d');
  if (full.ok) return { lower: full.date, upper: full.date, note: null };
  const month = strptime(text, '%Y-%m');
  if (month.ok) {
    const { year, month: m } = month.date;
    return { lower: month.date, upper: { year, month: m, day: daysInMonth(year, m) }, note: 'Day is missing. Assuming date is some time in the month.' };
  }
  const year = strptime(text, '%Y');
  if (year.ok) {
    return { lower: year.date, upper: { year: year.date.year, month: 12, day: 31 }, note: 'Month and day are missing. Assuming date is some time in the year.' };
  }
  return null;
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
      const parsed = parseLenient(typeof releaseInput === 'string' ? releaseInput : pyStr(releaseInput));
      if (parsed.ok) {
        release = parsed.parsed.date;
        maxUpper = minDate(maxUpper, release);
      }
    }
    const value = inputs.date;
    if (isEmpty(value)) return ok(fieldType === 'dateRangeUpper' ? formatDate(maxUpper) : null);
    const text = typeof value === 'string' ? value : pyStr(value);

    let interval: Interval;
    let warning: string | null = null;
    const range = RANGE_SLASH.exec(text) ?? RANGE_LUCENE.exec(text);
    if (range) {
      const first = intervalOf(range[1]);
      const second = intervalOf(range[2]);
      if (first === null || second === null) return failed(`Metadata field ${field}: Detected date range but could not parse date: ${text}.`);
      interval = { lower: first.lower, upper: second.upper, note: null };
      const notes: string[] = [];
      if (first.note) notes.push(`For lower date: ${range[1]} - ${first.note}`);
      if (second.note) notes.push(`For upper date: ${range[2]} - ${second.note}`);
      if (notes.length > 0) warning = `Metadata field ${field}:'${text}' - Detected date range. ${notes.join(' ')}`;
    } else {
      const single = intervalOf(text.trim());
      if (single === null) return failed(`Metadata field ${field}: Date ${text} could not be parsed.`);
      interval = single;
      if (single.note) warning = `Metadata field ${field}:'${text}' - ${single.note}`;
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

    if (fieldType === 'dateRangeLower') return ok(formatDate(interval.lower));
    if (fieldType === 'dateRangeUpper') return ok(formatDate(upper));
    return { value: compactRange(interval.lower, upper), errors, warnings: warning ? [issue(warning)] : [] };
  },
};
