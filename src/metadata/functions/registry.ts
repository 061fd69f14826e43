/** Every processing function by its config name (preprocessing-config.md §7). */
import type { ProcessingFunction } from '../types.js';
import { assignCustomLineage } from './assign-custom-lineage.js';
import { buildDisplayName } from './build-display-name.js';
import { checkAuthors } from './check-authors.js';
import { checkDate } from './check-date.js';
import { checkRegex } from './check-regex.js';
import { concatenate } from './concatenate.js';
import { extractRegex } from './extract-regex.js';
import { identity } from './identity.js';
import { isAboveThreshold } from './is-above-threshold.js';
import { isVariant } from './is-variant.js';
import { parseAndAssertPastDate } from './parse-and-assert-past-date.js';
import { parseDateIntoRange } from './parse-date-into-range.js';
import { parseTimestampFunction } from './parse-timestamp.js';
import { processOptions } from './process-options.js';
import { commonNameFromId, resolveHostTaxonId, scientificNameFromId } from './taxonomy-functions.js';

const ALL: ProcessingFunction<never>[] = [
  identity,
  processOptions,
  checkRegex,
  extractRegex,
  checkDate,
  parseAndAssertPastDate,
  parseTimestampFunction,
  parseDateIntoRange,
  concatenate,
  buildDisplayName,
  checkAuthors,
  isAboveThreshold,
  isVariant,
  assignCustomLineage,
  resolveHostTaxonId,
  scientificNameFromId,
  commonNameFromId,
] as unknown as ProcessingFunction<never>[];

export const PROCESSING_FUNCTIONS: ReadonlyMap<string, ProcessingFunction<unknown>> = new Map(
  ALL.map((fn) => [fn.name, fn as unknown as ProcessingFunction<unknown>]),
);

/** Functions that need the taxonomy service. */
export const TAXONOMY_FUNCTIONS: ReadonlySet<string> = new Set([resolveHostTaxonId.name, scientificNameFromId.name, commonNameFromId.name]);
