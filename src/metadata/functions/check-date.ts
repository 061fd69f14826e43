/**
 * `check_date`: strict `%Y-%m-%d` (Python `strptime`, which also accepts `2023-1-5`).
 * Deliberate difference: a valid date is returned zero-padded (`2023-01-05`) because the backend
 * only accepts fixed-width dates (§10 #1).
 */
import { compareDates, formatDate, strptime, utcDateOf } from '../dates.js';
import { pyStr } from '../python.js';
import { failed, isEmpty, issue, ok, singleInputFunction } from '../types.js';

export const checkDate = singleInputFunction<null>({
  name: 'check_date',
  prepare: () => ({ plan: null, problems: [] }),
  singleInput: 'date',
  runValue(value, _plan, _args, context) {
    if (isEmpty(value)) return ok(null);
    const text = typeof value === 'string' ? value : pyStr(value);
    const parsed = strptime(text, '%Y-%m-%d');
    if (!parsed.ok) return failed(`Date is ${text} which is not in the required format YYYY-MM-DD. Parsing error: ${parsed.message}`);
    const warnings = compareDates(parsed.date, utcDateOf(context.now)) > 0 ? [issue('Date is in the future.')] : [];
    return ok(formatDate(parsed.date), warnings);
  },
});
