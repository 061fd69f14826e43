/**
 * `process_options`: maps a value onto the canonical spelling of an allowed option, ignoring case
 * and runs of whitespace. The lookup table is built once per field at startup.
 */
import { pyStr } from '../python.js';
import { failed, isEmpty, issue, ok, singleInputFunction } from '../types.js';

function normalise(text: string): string {
  return text.toLowerCase().split(/\s+/u).filter(Boolean).join(' ');
}

export const processOptions = singleInputFunction<Map<string, string> | null>({
  name: 'process_options',
  prepare(args) {
    if (!Array.isArray(args.options)) return { plan: null, problems: [] };
    const table = new Map<string, string>();
    for (const option of args.options) {
      const canonical = pyStr(option);
      const key = normalise(canonical);
      if (!table.has(key)) table.set(key, canonical);
    }
    return { plan: table, problems: [] };
  },
  singleInput: 'input',
  runValue(value, table, _args, context) {
    // Checked before the input, as the reference does: a config mistake shows on every entry.
    if (table === null) {
      return failed(`Website configuration error: no options list specified for field ${context.field}, please contact an administrator.`);
    }
    if (isEmpty(value)) return ok(null);
    const text = typeof value === 'string' ? value : pyStr(value);
    // Keys are normalised, so a lower-cased text found as a key is its own normal form.
    const lower = text.toLowerCase();
    const canonical = table.get(lower) ?? table.get(normalise(text));
    if (canonical !== undefined) return ok(canonical);
    const message = `Metadata field ${context.field}:'${text}' - not in list of accepted options.`;
    if (context.isInsdcIngestGroup) return ok(text, [issue(message)]);
    return failed(message);
  },
});
