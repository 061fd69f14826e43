/**
 * `parse_and_assert_past_date`: `YYYY-MM-DD`, else `YYYY-MM` (day assumed 1st), else `YYYY`
 * (January 1st), each with its warning; future dates and dates after `release_date` are errors
 * that keep the value (preprocessing-config.md §7, §10 #17).
 */
import { compareDates, formatDate, parseLenient, strptimeDate, utcDateOf, type CalendarDate } from '../dates.js';
import { pyStr } from '../python.js';
import { isEmpty, issue, ok, type FunctionResult, type InputValue, type Issue, type ProcessingFunction } from '../types.js';

export function parsePastDate(value: InputValue, releaseDate: InputValue | undefined, field: string, now: Date): FunctionResult {
  if (isEmpty(value)) return ok(null);
  const text = typeof value === 'string' ? value : pyStr(value);
  const warnings: Issue[] = [];
  let date: CalendarDate | null = strptimeDate(text, '%Y-%m-%d');
  if (date === null) {
    date = strptimeDate(text, '%Y-%m');
    if (date !== null) {
      warnings.push(issue(`Metadata field ${field}:'${text}' - Day is missing. Assuming the 1st.`));
    } else {
      date = strptimeDate(text, '%Y');
      if (date !== null) {
        warnings.push(issue(`Metadata field ${field}:'${text}' - Month and day are missing. Assuming January 1st.`));
      }
    }
  }
  if (date === null) return { value: null, errors: [issue(`Metadata field ${field}: Date format is not recognized.`)], warnings: [] };
  const errors: Issue[] = [];
  if (compareDates(date, utcDateOf(now)) > 0) errors.push(issue(`Metadata field ${field}:'${text}' is in the future.`));
  if (!isEmpty(releaseDate)) {
    const release = parseLenient(typeof releaseDate === 'string' ? releaseDate : pyStr(releaseDate));
    if (release.ok) {
      // The reference compares an aware "date" with the parsed release date; a release date
      // without a time zone makes Python raise (replicated as an internal error, §9).
      if (!release.parsed.aware) {
        return {
          value: null,
          errors: [
            {
              message: `Internal Error. parse_and_assert_past_date raised an unexpected exception for output field '${field}': can't compare offset-naive and offset-aware datetimes. Please contact the administrator.`,
              internal: true,
            },
          ],
          warnings: [],
        };
      }
      if (compareDates(date, release.parsed.date) > 0) errors.push(issue(`Metadata field ${field}:'${text}'is after release date.`));
    }
  }
  return { value: formatDate(date), errors, warnings };
}

export const parseAndAssertPastDate: ProcessingFunction<null> = {
  name: 'parse_and_assert_past_date',
  prepare: () => ({ plan: null, problems: [] }),
  run: (inputs, _plan, _args, context) => parsePastDate(inputs.date, inputs.release_date, context.field, context.now),
};
