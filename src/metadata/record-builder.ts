/**
 * Builds the processed-metadata object of an entry from its values, one per output key.
 *
 * Why generated code: V8 turns an object into a slow hash-table ("dictionary mode") once about
 * twenty properties were added one by one with computed names, and a Helm-style spec has more
 * fields than that. Every later read, `for … in` and `JSON.stringify` of such an object is several
 * times slower. An object literal with the keys written out is created in one step with a fixed
 * shape. The keys come from the operator's config and are embedded as JSON string literals, which
 * are valid JavaScript string literals, so no key can break out of the literal.
 */
import type { MetadataValue } from '../contract/entries.js';

export type RecordBuilder = (values: readonly MetadataValue[]) => Record<string, MetadataValue>;

/** Assigns the keys one by one: the plain way, for key lists a literal would treat differently. */
function assigningBuilder(keys: readonly string[]): RecordBuilder {
  return (values) => {
    const record: Record<string, MetadataValue> = {};
    for (let i = 0; i < keys.length; i += 1) record[keys[i]] = values[i];
    return record;
  };
}

export function recordBuilder(keys: readonly string[]): RecordBuilder {
  // In a literal `__proto__` sets the prototype, exactly as the assignment does; it is left to
  // the plain builder anyway so the two can never differ. Duplicates cannot occur (map keys).
  if (keys.length === 0 || keys.includes('__proto__')) return assigningBuilder(keys);
  const properties = keys.map((key, index) => `${JSON.stringify(key)}: values[${index}]`).join(',\n');
  try {
    return new Function('values', `return {\n${properties}\n};`) as RecordBuilder;
  } catch {
    // Code generation can be disabled (--disallow-code-generation-from-strings).
    return assigningBuilder(keys);
  }
}
