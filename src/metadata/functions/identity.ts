/**
 * `identity`: passes a value through, coerced to `args.type` with Python's `int()`/`float()`
 * leniency (preprocessing-config.md §7). Fixes §10 #2 (`number` becomes a JSON number) and
 * #3 (ints beyond 32 bits are errors, the backend's int is 32-bit).
 */
import { FloatValue, type MetadataValue } from '../../contract/entries.js';
import { parsePyFloat, parsePyInt, pyStr, pyStrip } from '../python.js';
import { failed, ok, type FunctionResult, type InputValue, type ProcessingFunction } from '../types.js';

export type IdentityType = 'int' | 'float' | 'boolean' | 'number' | 'text' | 'none';

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const SMALL_INT = /^[+-]?[0-9]{1,9}$/;

export function identityTypeOf(type: unknown): IdentityType {
  if (type === undefined || type === null) return 'none';
  switch (String(type)) {
    case 'int':
    case 'integer':
      return 'int';
    case 'float':
      return 'float';
    case 'boolean':
    case 'bool':
      return 'boolean';
    case 'number':
      return 'number';
    default:
      return 'text';
  }
}

/** Python truthiness of an input: processed `0`/`false` count as empty (§10 #22, replicated). */
function isFalsy(value: InputValue): boolean {
  if (value instanceof FloatValue) return value.value === 0;
  return value === null || value === '' || value === 0 || value === false;
}

function numericText(value: InputValue): string {
  return typeof value === 'string' ? value : pyStr(value);
}

export function coerce(value: InputValue, type: IdentityType, field: string): FunctionResult {
  const shown = numericText(value);
  switch (type) {
    case 'none':
      return ok(value);
    case 'int': {
      // Up to nine plain digits always fit 32 bits: no BigInt needed (`+ 0` turns -0 into 0).
      if (typeof value === 'string' && SMALL_INT.test(value)) return ok(Number(value) + 0);
      const parsed = typeof value === 'number' ? BigInt(Math.trunc(value)) : value instanceof FloatValue ? BigInt(Math.trunc(value.value)) : parsePyInt(shown);
      if (parsed === null || parsed < INT_MIN || parsed > INT_MAX) return failed(`Invalid int value: ${shown} for field ${field}.`);
      return ok(Number(parsed));
    }
    case 'float':
    case 'number': {
      const parsed = typeof value === 'number' ? value : value instanceof FloatValue ? value.value : parsePyFloat(shown);
      if (parsed !== null && Number.isNaN(parsed)) return ok(null);
      if (parsed === null || !Number.isFinite(parsed)) return failed(`Invalid ${type} value: ${shown} for field ${field}.`);
      return ok(type === 'float' ? new FloatValue(parsed) : parsed);
    }
    case 'boolean': {
      const word = typeof value === 'boolean' ? String(value) : shown.toLowerCase();
      if (word === 'true') return ok(true);
      if (word === 'false') return ok(false);
      return failed(`Invalid boolean value: ${shown} for field ${field}.`);
    }
    case 'text':
      return ok(pyStrip(typeof value === 'string' ? value : pyStr(value)) as MetadataValue);
  }
}

export const identity: ProcessingFunction<IdentityType> = {
  name: 'identity',
  prepare: (args) => ({ plan: identityTypeOf(args.type), problems: [] }),
  run(inputs, type, args, context) {
    if (!('input' in inputs)) return failed(`No data found for output field: ${context.field}`);
    return identity.runValue!(inputs.input, type, args, context);
  },
  singleInput: 'input',
  runValue(value, type, _args, context) {
    if (isFalsy(value)) return ok(null);
    return coerce(value, type, context.field);
  },
};
