/**
 * `extract_regex`: the named capture group of a start-anchored match. A group that exists but did
 * not take part in the match yields null without an error (preprocessing-config.md §7).
 */
import type { PyRegex } from '../pyregex.js';
import { pyStr, pyStrip } from '../python.js';
import { failed, isEmpty, ok, singleInputFunction, type FunctionResult, type InputValue } from '../types.js';
import { prepareRegex } from './check-regex.js';

export interface ExtractPlan {
  regex: PyRegex;
  group: string;
  uppercase: boolean;
}

export function isTruthyArg(value: unknown): boolean {
  if (typeof value === 'string') return value !== '' && value.toLowerCase() !== 'false';
  return Boolean(value);
}

export function prepareExtract(args: Readonly<Record<string, unknown>>): { plan: ExtractPlan | null; problems: string[] } {
  const { regex, problems } = prepareRegex(args);
  if (typeof args.capture_group !== 'string') problems.push("argument 'capture_group' must be a string");
  if (regex === null || typeof args.capture_group !== 'string') return { plan: null, problems };
  if (!regex.groupNames.has(args.capture_group)) {
    return { plan: null, problems: [`Pattern '${regex.source}' does not contain capture group '${args.capture_group}'.`] };
  }
  return { plan: { regex, group: args.capture_group, uppercase: isTruthyArg(args.uppercase) }, problems: [] };
}

/** The extracted group, `undefined` when the pattern did not match at all. */
export function extract(plan: ExtractPlan, text: string): string | null | undefined {
  const found = plan.regex.match(pyStrip(text));
  if (!found) return undefined;
  const group = found.groups?.[plan.group];
  if (group === undefined) return null;
  return plan.uppercase ? group.toUpperCase() : group;
}

export function runExtract(value: InputValue, plan: ExtractPlan | null): FunctionResult {
  if (isEmpty(value) || plan === null) return ok(null);
  const text = typeof value === 'string' ? value : pyStr(value);
  const extracted = extract(plan, text);
  if (extracted === undefined) return failed(`The value '${text}' does not match the expected regex pattern: '${plan.regex.source}'.`);
  return ok(extracted);
}

export const extractRegex = singleInputFunction<ExtractPlan | null>({
  name: 'extract_regex',
  prepare: (args) => prepareExtract(args),
  singleInput: 'regex_field',
  runValue: (value, plan) => runExtract(value, plan),
});
