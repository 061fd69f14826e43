/**
 * `concatenate`: joins inputs, the accession version and literal args with `/`, spaces → `_`
 * (preprocessing-config.md §7, §8.5). Argument mistakes are found at startup instead of on every
 * entry (§10 #12 spirit): `order`/`type` lists, `ARG:` names and order fields without an input.
 */
import { parsePastDate } from './parse-and-assert-past-date.js';
import { parseTimestamp } from './parse-timestamp.js';
import { pyStr, pyStrip } from '../python.js';
import { isEmpty, type Args, type CallContext, type FunctionResult, type InputValue, type Issue, type ProcessingFunction } from '../types.js';

export interface ConcatenatePart {
  name: string;
  type: string;
  /** Where the text comes from, decided once at startup. */
  source: 'accessionVersion' | 'arg' | 'input';
}

export interface ConcatenatePlan {
  parts: ConcatenatePart[];
  fallback: string;
}

function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

/** Validates `order`/`type`/`ARG:`; `available` are the names an order entry may refer to. */
export function prepareParts(args: Args, available: ReadonlySet<string>, defaultFallback: string): { plan: ConcatenatePlan; problems: string[] } {
  const problems: string[] = [];
  const plan: ConcatenatePlan = { parts: [], fallback: args.fallback_value === undefined || args.fallback_value === null ? defaultFallback : pyStr(args.fallback_value) };
  if (!isList(args.order)) problems.push("argument 'order' must be a list");
  if (!isList(args.type)) problems.push("argument 'type' must be a list");
  if (!isList(args.order) || !isList(args.type)) return { plan, problems };
  if (args.order.length !== args.type.length) problems.push("arguments 'order' and 'type' must have the same length");
  args.order.forEach((entry, index) => {
    const name = pyStr(entry);
    const type = pyStr((args.type as unknown[])[index] ?? 'string');
    if (name.startsWith('ARG:')) {
      if (!(name.slice(4) in args)) problems.push(`order entry '${name}' names an argument that is not set`);
    } else if (name !== 'ACCESSION_VERSION' && type !== 'ACCESSION_VERSION' && !available.has(name)) {
      problems.push(`order entry '${name}' is not one of the inputs`);
    }
    const source = type === 'ACCESSION_VERSION' || name === 'ACCESSION_VERSION' ? 'accessionVersion' : name.startsWith('ARG:') ? 'arg' : 'input';
    plan.parts.push({ name, type, source });
  });
  return { plan, problems };
}

function partValue(part: ConcatenatePart, value: InputValue, context: CallContext, fallback: string, internal: Issue[]): string {
  if (isEmpty(value)) return fallback;
  switch (part.type) {
    case 'date': {
      // The date's own errors and warnings are ignored here (#3567); an unparseable date drops out.
      const parsed = parsePastDate(value, undefined, context.field, context.now).value;
      return parsed === null ? fallback : pyStr(parsed);
    }
    case 'timestamp': {
      const parsed = parseTimestamp(value).value;
      return parsed === null ? fallback : pyStr(parsed);
    }
    case 'dateRangeString': {
      const text = pyStr(value);
      if (text.indexOf('/') !== text.lastIndexOf('/')) {
        internal.push({ internal: true, message: `Internal Error. Date range value '${text}' of field '${part.name}' contains more than one '/'. Please contact the administrator.` });
        return fallback;
      }
      return text.replace('/', ' TO ');
    }
    default:
      return pyStrip(pyStr(value));
  }
}

const EDGE_SLASHES = /^\/+|\/+$/g;

/** Joins the parts; `values` supplies each named part. */
export function joinParts(plan: ConcatenatePlan, values: (name: string) => InputValue, args: Args, context: CallContext): FunctionResult {
  const errors: Issue[] = [];
  const parts = plan.parts;
  let joined = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    let text: string;
    if (part.source === 'accessionVersion') text = context.accessionVersion;
    else if (part.source === 'arg') text = pyStr(args[part.name.slice(4)]);
    else text = partValue(part, values(part.name), context, plan.fallback, errors);
    joined = i === 0 ? text : `${joined}/${text}`;
  }
  // Slashes are trimmed from the ends only; most joins have none there.
  if (joined.startsWith('/') || joined.endsWith('/')) joined = joined.replace(EDGE_SLASHES, '');
  return { value: joined.replaceAll(' ', '_'), errors, warnings: [] };
}

export const concatenate: ProcessingFunction<ConcatenatePlan> = {
  name: 'concatenate',
  prepare: (args, _field, inputNames) => prepareParts(args, new Set(inputNames), ''),
  run: (inputs, plan, args, context) => joinParts(plan, (name) => inputs[name] ?? null, args, context),
};

