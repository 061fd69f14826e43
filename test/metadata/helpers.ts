/**
 * Shared helpers of the metadata conformance suite: configs from the reference's test folder,
 * entries shaped like the reference's test factory (accession `LOC_<n>`, version 1, group 2,
 * submitted 2021-12-15), and a fixed "now" (the spec's observation date).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigSchema, type ConfigInput, type ParsedConfig } from '../../src/config/schema.js';
import { parseConfigYaml } from '../../src/config/load.js';
import { FloatValue, type Annotation, type MetadataValue, type UnprocessedEntry } from '../../src/contract/entries.js';
import { compileProcessingSpec, type CompileOptions, type CompiledSpec } from '../../src/metadata/compile.js';
import { processMetadata, type EntryContext, type MetadataOutcome } from '../../src/metadata/process.js';
import type { TaxonomyClient } from '../../src/metadata/taxonomy.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const referenceTests = resolve(repoRoot, '../shared/data/loculus/preprocessing/nextclade/tests');
export const renderedConfigs = resolve(repoRoot, '../shared/data/loculus/rendered');

/** The date the spec's observed rows were recorded on. */
export const NOW = new Date('2026-11-22T12:00:00Z');

export function epochSeconds(date: string): number {
  return Math.floor(new Date(`${date}T00:00:00Z`).getTime() / 1000);
}

export function configFrom(input: ConfigInput | Record<string, unknown>): ParsedConfig {
  return ConfigSchema.parse(input);
}

export function yamlConfig(...files: string[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const file of files) {
    const parsed = parseConfigYaml(readFileSync(file, 'utf8'), file);
    const spec = { ...((merged.processing_spec as object) ?? {}), ...((parsed.processing_spec as object) ?? {}) };
    Object.assign(merged, parsed, { processing_spec: spec });
  }
  return merged;
}

export function compileYaml(files: string[], options?: CompileOptions): { config: ParsedConfig; compiled: CompiledSpec } {
  const config = configFrom(yamlConfig(...files));
  return { config, compiled: compileProcessingSpec(config, options) };
}

export interface EntryOptions {
  accession?: string;
  groupId?: number;
  submittedAt?: string | null;
  files?: UnprocessedEntry['files'];
}

export function makeEntry(metadata: Record<string, string | null>, options: EntryOptions = {}): UnprocessedEntry {
  return {
    accession: options.accession ?? 'LOC_1',
    version: 1,
    submissionId: 'submission',
    submitter: 'tester',
    groupId: options.groupId ?? 2,
    submittedAt: options.submittedAt === null ? null : epochSeconds(options.submittedAt ?? '2021-12-15'),
    metadata,
    unalignedNucleotideSequences: {},
    files: options.files ?? null,
  };
}

export function contextOf(entry: UnprocessedEntry, extra: Partial<EntryContext> = {}): EntryContext {
  return { entry, assignments: {}, nextclade: {}, sequences: {}, aligned: false, ...extra };
}

export async function run(
  compiled: CompiledSpec,
  entry: UnprocessedEntry,
  extra: Partial<EntryContext> = {},
  now: Date = NOW,
  taxonomy?: TaxonomyClient | null,
): Promise<MetadataOutcome> {
  return processMetadata(compiled, contextOf(entry, extra), { now, taxonomy });
}

/** Values as the tables write them: floats as `{ float: n }`. */
export function plain(value: MetadataValue): unknown {
  return value instanceof FloatValue ? { float: value.value } : value;
}

export function plainMetadata(metadata: Record<string, MetadataValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, plain(value)]));
}

/** `field: message` pairs, sorted, as the reference tests compare annotations. */
export function summary(annotations: Annotation[]): string[] {
  return annotations.map((a) => `${a.processedFields.map((f) => f.name).join(',')}: ${a.message}`).sort();
}

/** An expected message ending in `…` matches by prefix. */
export function messageMatches(actual: string, expected: string): boolean {
  return expected.endsWith('…') ? actual.startsWith(expected.slice(0, -1)) : actual === expected;
}
