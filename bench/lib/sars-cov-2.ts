/**
 * SARS-CoV-2 as Loculus would deploy it: the Helm chart's rendered single-segment config
 * (west-nile, the chart's closest organism) with its Helm-style processing_spec and nextclade.*
 * inputs, pointed at the local SARS-CoV-2 Nextclade dataset; and submissions built from the
 * dataset's example sequences.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { organismForConfig } from '../../src/cli/organism.js';
import type { OrganismSchema } from '../../src/contract/organism.js';
import type { SeedEntry } from '../../src/mock-backend/index.js';
import { silentLogger } from '../../src/shared/logger.js';
import { repoRoot } from './worker-process.js';

export const SHARED_DATA = path.resolve(repoRoot, '../shared/data');
export const NEXTCLADE_DATA = path.join(SHARED_DATA, 'nextclade');
const HELM_CONFIG = path.join(SHARED_DATA, 'loculus/rendered/loculus-west-nile.yaml');
const SARS_GENES = ['E', 'M', 'N', 'ORF1a', 'ORF1b', 'ORF3a', 'ORF6', 'ORF7a', 'ORF7b', 'ORF8', 'ORF9b', 'S'];
/** Functions that need the Loculus taxonomy service, which a benchmark has no business calling. */
const TAXONOMY_FUNCTIONS = new Set(['resolve_host_taxon_id', 'common_name_from_id', 'scientific_name_from_id']);

export async function writeSarsConfig(dir: string): Promise<{ file: string; organism: OrganismSchema }> {
  const helm = YAML.parse(readFileSync(HELM_CONFIG, 'utf8')) as Record<string, unknown>;
  const spec = helm.processing_spec as Record<string, { function?: string; required?: boolean }>;
  for (const [field, entry] of Object.entries(spec)) {
    if (entry && TAXONOMY_FUNCTIONS.has(entry.function ?? '')) delete spec[field];
  }
  // The local SARS-CoV-2 dataset has no reference tree, so private mutations are "None" and
  // is_variant would answer every entry with an error (as the reference does).
  delete spec.variant;
  const config = {
    ...helm,
    organism: 'sars-cov-2',
    scientific_name: 'Severe acute respiratory syndrome coronavirus 2',
    log_level: 'INFO',
    create_embl_file: false,
    nextclade_dataset_server: NEXTCLADE_DATA,
    taxonomy_service_url: null,
    segments: [{ name: 'main', references: [{ name: 'singleReference', nextclade_dataset_name: 'sars-cov-2', genes: SARS_GENES }] }],
    processing_spec: spec,
  };
  const file = path.join(dir, 'sars-cov-2.yaml');
  // YAML 1.1 like the loader (PyYAML): gene "N" must be quoted or it reads as false.
  writeFileSync(file, YAML.stringify(config, { version: '1.1' }));
  const { config: parsed } = loadConfig({ file, env: {} });
  return { file, organism: await organismForConfig(parsed, silentLogger()) };
}

export function readFasta(file: string): { id: string; sequence: string }[] {
  const records: { id: string; sequence: string }[] = [];
  for (const block of readFileSync(file, 'utf8').split('>').slice(1)) {
    const newline = block.indexOf('\n');
    records.push({ id: block.slice(0, newline).trim().split(/\s+/)[0]!, sequence: block.slice(newline + 1).replace(/\s+/g, '') });
  }
  return records;
}

const COUNTRIES = ['Switzerland', 'Germany', 'Brazil', 'India', 'Kenya', 'Canada'];

/** `count` submissions cycling through the dataset's example genomes (the strings are shared). */
export function sarsEntries(count: number): SeedEntry[] {
  const examples = readFasta(path.join(NEXTCLADE_DATA, 'sars-cov-2/sequences.fasta'));
  return Array.from({ length: count }, (_, i) => {
    const example = examples[i % examples.length]!;
    return {
      submissionId: `sc2-${i}`,
      metadata: {
        sampleCollectionDate: `2021-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
        geoLocCountry: COUNTRIES[i % COUNTRIES.length]!,
        host: 'Homo sapiens',
        authors: 'Doe, Jane; Smith, John',
        specimenCollectorSampleId: example.id,
        hostAge: String(20 + (i % 60)),
        sequencingInstrument: 'Illumina NovaSeq 6000',
      },
      sequences: { main: example.sequence },
    };
  });
}
