/**
 * `assign_custom_lineage` (influenza): the human lineage (H1N1pdm, H1N1, H3N2, H2N2) from the HA
 * and NA subtypes and the per-segment reference lineages; ` reassortant` when a segment's lineage
 * differs, ` (variant)` when any segment is flagged as a variant (§7, §8.8).
 */
import { pyStr } from '../python.js';
import { failed, isEmpty, ok, type FunctionResult, type InputValue, type ProcessingFunction } from '../types.js';
import { extract, isTruthyArg, prepareExtract, type ExtractPlan } from './extract-regex.js';

const HUMAN_LINEAGES: Record<string, string> = { H1N1PDM: 'H1N1pdm', H1N1: 'H1N1', H3N2: 'H3N2', H2N2: 'H2N2' };
const SEGMENTS = [1, 2, 3, 4, 5, 6, 7, 8];

function lineageOf(value: InputValue | undefined, plan: ExtractPlan): string | null {
  if (isEmpty(value)) return null;
  const extracted = extract(plan, pyStr(value));
  return extracted ? extracted.toUpperCase() : null;
}

function assign(inputs: Readonly<Record<string, InputValue>>, plan: ExtractPlan): FunctionResult {
  const ha = inputs.subtype_seg4;
  const na = inputs.subtype_seg6;
  if (isEmpty(ha) || isEmpty(na)) return ok(null);
  const subtype = `${pyStr(ha)}${pyStr(na)}`.toUpperCase();
  const lineages = new Map<number, string>();
  for (const segment of SEGMENTS) {
    const lineage = lineageOf(inputs[`reference_seg${segment}`], plan);
    if (lineage !== null) lineages.set(segment, lineage);
  }
  // The HA segment's reference decides between pandemic and seasonal H1N1.
  const main = lineages.get(4) ?? subtype;
  if (!(main in HUMAN_LINEAGES) || !main.startsWith(subtype)) return ok(null);
  const reassortant = [...lineages.values()].some((lineage) => lineage !== main);
  const variant = SEGMENTS.some((segment) => {
    const flag = inputs[`variant_seg${segment}`];
    return flag !== null && flag !== undefined && isTruthyArg(flag);
  });
  return ok(`${HUMAN_LINEAGES[main]}${reassortant ? ' reassortant' : ''}${variant ? ' (variant)' : ''}`);
}

export const assignCustomLineage: ProcessingFunction<ExtractPlan | null> = {
  name: 'assign_custom_lineage',
  prepare: (args) => prepareExtract(args),
  run(inputs, plan, _args, context) {
    if (plan === null) return ok(null);
    try {
      return assign(inputs, plan);
    } catch {
      return failed(`Internal error processing custom lineage for field ${context.field}.`);
    }
  },
};
