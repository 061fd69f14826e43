/** `is_above_threshold`: `float(input) > float(threshold)`. Message wording replicated (§10 #20). */
import { parsePyFloat, pyStr } from '../python.js';
import { failed, isEmpty, ok, type InputValue, type ProcessingFunction } from '../types.js';

/** Python `float(x)` of an input or argument; null when Python would raise. */
export function toFloat(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null || value === undefined) return null;
  return parsePyFloat(typeof value === 'string' ? value : pyStr(value as InputValue));
}

export const isAboveThreshold: ProcessingFunction<null> = {
  name: 'is_above_threshold',
  prepare: () => ({ plan: null, problems: [] }),
  run(inputs, _plan, args, context) {
    if (args.threshold === undefined || args.threshold === null) {
      return failed(`Field ${context.field} is missing threshold argument. Please report this error to the administrator.`);
    }
    const value = inputs.input;
    if (isEmpty(value) || value === 0 || value === false) return ok(null);
    const threshold = toFloat(args.threshold);
    const input = toFloat(value);
    if (threshold === null || input === null) return failed(`Field ${context.field} has non-numeric threshold value.`);
    return ok(input > threshold);
  },
};
