/**
 * A metadata-only organism (no segments, so no alignment): the config the resilience suite and
 * the metadata-only benchmark run the worker with, and the mock backend's schema for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { organismFromConfig } from '../../src/pipeline/organism-from-config.js';
import type { OrganismSchema } from '../../src/contract/organism.js';

export const METADATA_ORGANISM = 'meta-virus';

/** Helm-style processing spec: dates, options, numbers, authors, a display name. */
const METADATA_CONFIG_YAML = `organism: ${METADATA_ORGANISM}
log_level: INFO
batch_size: 100
pipeline_version: 1
segments: []
alignment_requirement: NONE
processing_spec:
  sampleCollectionDate:
    function: parse_date_into_range
    inputs: { date: sampleCollectionDate }
    args: { fieldType: dateRangeString }
    required: true
  sampleCollectionDateRangeLower:
    function: parse_date_into_range
    inputs: { date: sampleCollectionDate }
    args: { type: date, fieldType: dateRangeLower }
    no_input: true
  sampleCollectionDateRangeUpper:
    function: parse_date_into_range
    inputs: { date: sampleCollectionDate }
    args: { type: date, fieldType: dateRangeUpper }
    no_input: true
  geoLocCountry:
    function: process_options
    inputs: { input: geoLocCountry }
    args: { options: [Brazil, Canada, Germany, India, Kenya, Peru, Switzerland] }
  hostAge:
    function: identity
    inputs: { input: hostAge }
    args: { type: int }
  ctValue:
    function: identity
    inputs: { input: ctValue }
    args: { type: float }
  authors:
    function: check_authors
    inputs: { authors: authors }
    args: { type: authors }
  specimenCollectorSampleId:
    function: identity
    inputs: { input: specimenCollectorSampleId }
  versionComment:
    function: identity
    inputs: { input: versionComment }
`;

export interface WrittenConfig {
  dir: string;
  file: string;
  organism: OrganismSchema;
  /** Deletes the temp directory and everything written into it. */
  remove(): void;
}

/** Writes the metadata-only config (plus `extra` YAML lines) to a fresh temp directory. */
export function writeMetadataConfig(extra = ''): WrittenConfig {
  const dir = mkdtempSync(join(tmpdir(), 'prepro-resilience-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, METADATA_CONFIG_YAML + extra);
  const { config } = loadConfig({ file, env: {} });
  return { dir, file, organism: organismFromConfig(config, []), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
