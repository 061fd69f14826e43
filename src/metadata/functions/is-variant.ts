/** `is_variant`: more mutations than `mu × length` (strictly). Messages as observed (§8.8, §9). */
import { failed, isEmpty, ok, type ProcessingFunction } from '../types.js';
import { toFloat } from './is-above-threshold.js';

export const isVariant: ProcessingFunction<null> = {
  name: 'is_variant',
  prepare: () => ({ plan: null, problems: [] }),
  run(inputs, _plan, args, context) {
    if (args.mu === undefined || args.mu === null) {
      return failed(`Field ${context.field} is missing mu argument. Please report this error to the administrator.`);
    }
    if (isEmpty(inputs.length) || isEmpty(inputs.numMutations)) return ok(null);
    const mu = toFloat(args.mu);
    const length = toFloat(inputs.length);
    if (length === null || mu === null || Number.isNaN(length)) return failed(`Field ${context.field} has non-numeric length or numMutations value.`);
    const mutations = toFloat(inputs.numMutations);
    if (mutations === null || Number.isNaN(mutations)) return failed(`Field ${context.field} has non-numeric threshold value.`);
    return ok(mutations > mu * length);
  },
};
