/**
 * `required` and `required_when` (preprocessing-config.md §3.9): checked when the processed value
 * is null or "", never for the INSDC ingest group (the caller skips those).
 */
import type { Annotation, MetadataValue, UnprocessedEntry } from '../contract/entries.js';
import type { CompiledField } from './compile.js';

function requiredError(field: CompiledField, message: string): Annotation {
  return { unprocessedFields: field.requiredSources, processedFields: field.processedSources, message, category: 'metadata' };
}

/** `values` holds the processed values by field index (see CompiledField.index). */
export function requiredAnnotations(field: CompiledField, entry: UnprocessedEntry, values: readonly MetadataValue[], errors: Annotation[]): void {
  if (field.required) {
    const hint = field.userInputPaths.length > 0 ? ` Please provide input metadata field(s): ${field.userInputPaths.map((path) => `\`${path}\``).join(', ')}` : '';
    errors.push(requiredError(field, `Metadata field \`${field.name}\` is required.${hint}`));
  }
  for (let i = 0; i < field.requiredWhen.length; i += 1) {
    const condition = field.requiredWhen[i];
    if (condition.kind === 'files') {
      if ((entry.files?.[condition.category]?.length ?? 0) > 0) {
        errors.push(requiredError(field, `Metadata field \`${field.name}\` is required when \`${condition.category}\` files are provided.`));
      }
    } else if (condition.kind === 'processed') {
      const value = values[condition.index];
      if (value !== null && value !== undefined && value !== '') {
        errors.push(requiredError(field, `Metadata field \`${field.name}\` is required when \`${condition.field}\` exists.`));
      }
    } else {
      const value = entry.metadata[condition.key];
      if (value !== null && value !== undefined && value !== '') {
        errors.push(requiredError(field, `Metadata field \`${field.name}\` is required when \`${condition.key}\` is provided.`));
      }
    }
  }
}
