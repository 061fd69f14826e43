/** `check_regex`: the stripped value must match the pattern from its start (Python `re.match`). */
import { compilePyRegex, type PyRegex } from '../pyregex.js';
import { pyStr, pyStrip } from '../python.js';
import { failed, isEmpty, ok, singleInputFunction } from '../types.js';

export function prepareRegex(args: Readonly<Record<string, unknown>>): { regex: PyRegex | null; problems: string[] } {
  if (typeof args.pattern !== 'string') return { regex: null, problems: ["argument 'pattern' must be a string"] };
  const compiled = compilePyRegex(args.pattern);
  return compiled.ok ? { regex: compiled.regex, problems: [] } : { regex: null, problems: [compiled.problem] };
}

export const checkRegex = singleInputFunction<PyRegex | null>({
  name: 'check_regex',
  prepare(args) {
    const { regex, problems } = prepareRegex(args);
    return { plan: regex, problems };
  },
  singleInput: 'regex_field',
  runValue(value, regex) {
    if (isEmpty(value) || regex === null) return ok(null);
    const stripped = pyStrip(typeof value === 'string' ? value : pyStr(value));
    if (regex.match(stripped)) return ok(stripped);
    return failed(`The value '${stripped}' does not match the expected regex pattern: '${regex.source}'.`);
  },
});
