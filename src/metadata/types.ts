/**
 * Shapes shared by the metadata engine and its processing functions.
 */
import type { MetadataValue } from '../contract/entries.js';
import type { TaxonomyClient } from './taxonomy.js';

/** A value handed to a function: raw metadata (string), a processed value, or null. */
export type InputValue = MetadataValue;

/** A problem a function reports. `internal` ones read "Internal Error. … Please contact the administrator." */
export interface Issue {
  message: string;
  internal?: boolean;
}

export interface FunctionResult {
  value: MetadataValue;
  errors: Issue[];
  warnings: Issue[];
}

/** Injected arguments of every call (preprocessing-config.md §3.8) plus our clock. */
export interface CallContext {
  /** Output field name. */
  field: string;
  isInsdcIngestGroup: boolean;
  /** Epoch seconds; null when the backend did not send it. */
  submittedAt: number | null;
  accessionVersion: string;
  /** "Now", injectable so tests are deterministic. */
  now: Date;
  taxonomy: TaxonomyClient | null;
}

export type Args = Readonly<Record<string, unknown>>;

/**
 * A processing function. `prepare` runs once at startup: it validates the args and returns a
 * plan (compiled regexes, option maps, …) or the problems that make the config unusable.
 */
export interface ProcessingFunction<Plan = unknown> {
  readonly name: string;
  /** True when `run` may return a Promise (network lookups). */
  readonly async?: boolean;
  prepare(args: Args, field: string, inputNames: readonly string[]): { plan: Plan; problems: string[] };
  run(inputs: Readonly<Record<string, InputValue>>, plan: Plan, args: Args, context: CallContext): FunctionResult | Promise<FunctionResult>;
  /**
   * For functions that read one input only: its name, and `runValue`, which gives the same
   * result as `run` with `{ [singleInput]: value }`. The engine calls it for fields whose only
   * input has that name, so no input object is built per call.
   */
  readonly singleInput?: string;
  runValue?(value: InputValue, plan: Plan, args: Args, context: CallContext): FunctionResult | Promise<FunctionResult>;
}

/** A function of one input, written as `runValue` only; see `singleInputFunction`. */
export type SingleInputFunction<Plan> = Omit<ProcessingFunction<Plan>, 'run' | 'singleInput' | 'runValue'> & {
  readonly singleInput: string;
  runValue(value: InputValue, plan: Plan, args: Args, context: CallContext): FunctionResult | Promise<FunctionResult>;
};

/** Adds the `run` that hands the input named `singleInput` to `runValue`, so the two always agree. */
export function singleInputFunction<Plan>(fn: SingleInputFunction<Plan>): ProcessingFunction<Plan> {
  const { singleInput, runValue } = fn;
  return { ...fn, run: (inputs, plan, args, context) => runValue(inputs[singleInput], plan, args, context) };
}

/**
 * Shared empty list for results without messages: most fields of most entries have none, and
 * two fresh arrays per field and entry are measurable garbage. Frozen so nobody appends to it.
 */
const NO_ISSUES: Issue[] = Object.freeze([]) as unknown as Issue[];

// Message-free results of the constant values, shared like NO_ISSUES (and frozen likewise).
const OK_NULL: FunctionResult = Object.freeze({ value: null, errors: NO_ISSUES, warnings: NO_ISSUES });
const OK_TRUE: FunctionResult = Object.freeze({ value: true, errors: NO_ISSUES, warnings: NO_ISSUES });
const OK_FALSE: FunctionResult = Object.freeze({ value: false, errors: NO_ISSUES, warnings: NO_ISSUES });

export function ok(value: MetadataValue, warnings: Issue[] = NO_ISSUES): FunctionResult {
  if (warnings === NO_ISSUES) {
    if (value === null) return OK_NULL;
    if (value === true) return OK_TRUE;
    if (value === false) return OK_FALSE;
  }
  return { value, errors: NO_ISSUES, warnings };
}

export function failed(message: string, value: MetadataValue = null): FunctionResult {
  return { value, errors: [{ message }], warnings: NO_ISSUES };
}

export function internalError(message: string): FunctionResult {
  return { value: null, errors: [{ message, internal: true }], warnings: NO_ISSUES };
}

export function issue(message: string): Issue {
  return { message };
}

/** Python's notion of "no input": null or the empty string. */
export function isEmpty(value: InputValue | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value === '';
}
