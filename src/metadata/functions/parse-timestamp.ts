/**
 * `parse_timestamp`: a lenient timestamp parse formatted `YYYY-MM-DD`, time zones not converted.
 * Deliberate difference (§10 #14): the reference fills a missing month or day from today's date,
 * so the same input gives different values on different days; we reject partial timestamps.
 */
import { formatDate, parseLenient } from '../dates.js';
import { pyStr } from '../python.js';
import { failed, isEmpty, ok, singleInputFunction, type FunctionResult, type InputValue } from '../types.js';

export function parseTimestamp(value: InputValue): FunctionResult {
  if (isEmpty(value)) return ok(null);
  const text = typeof value === 'string' ? value : pyStr(value);
  const parsed = parseLenient(text);
  const prefix = `Timestamp is ${text} which is not in parseable YYYY-MM-DD. Parsing error: `;
  if (!parsed.ok) return failed(prefix + parsed.message);
  if (!parsed.parsed.hasMonth || !parsed.parsed.hasDay) {
    return failed(`${prefix}incomplete date, a timestamp needs a year, a month and a day`);
  }
  return ok(formatDate(parsed.parsed.date));
}

export const parseTimestampFunction = singleInputFunction<null>({
  name: 'parse_timestamp',
  prepare: () => ({ plan: null, problems: [] }),
  singleInput: 'timestamp',
  runValue: (value) => parseTimestamp(value),
});
