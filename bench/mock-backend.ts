/**
 * Throughput of the backend validation (on the serialised line, as the mock backend runs it, and
 * on the built entry, as the worker's guard runs it) and of the mock backend's extract + submit
 * over loopback HTTP, on real CCHF output (4 released entries,
 * aligned L/M/S 12108/5366/1672 nt, ~150 metadata fields), cycled to N entries.
 *
 *   node --import tsx bench/mock-backend.ts [N=2000]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { FloatValue, type MetadataValue, type ProcessedEntry } from '../src/contract/entries.js';
import { JsonNumber, type JsonObject, parseLosslessJson } from '../src/contract/lossless-json.js';
import { type BackendMetadataType, type OrganismSchema, defineOrganism } from '../src/contract/organism.js';
import { serialiseProcessedEntry, toNdjsonBody } from '../src/contract/serialise.js';
import { validateBuiltEntry, validateProcessedEntry } from '../src/contract/validate.js';
import { startMockBackend } from '../src/mock-backend/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const released = readFileSync(path.resolve(repoRoot, '../shared/data/loculus/ena-submission/test/data/get-released-data.ndjson'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => parseLosslessJson(line) as JsonObject);
const N = Number(process.argv[2] ?? 2000);

function typeOf(value: unknown): BackendMetadataType {
  if (value instanceof JsonNumber) return value.isFloatLiteral ? 'float' : 'int';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

// The organism schema as far as the released data shows it.
const types = new Map<string, BackendMetadataType>();
for (const record of released) {
  for (const [key, value] of Object.entries(record.metadata as JsonObject)) if (value !== null) types.set(key, typeOf(value));
}
const lengths = (map: JsonObject) =>
  Object.entries(map).flatMap(([name, value]) => (typeof value === 'string' ? [{ name, length: value.length }] : []));
const nucleotideLengths = new Map<string, number>();
const geneLengths = new Map<string, number>();
for (const record of released) {
  for (const ref of lengths(record.alignedNucleotideSequences as JsonObject)) nucleotideLengths.set(ref.name, ref.length);
  for (const ref of lengths(record.alignedAminoAcidSequences as JsonObject)) geneLengths.set(ref.name, ref.length);
}
const organism: OrganismSchema = defineOrganism({
  name: 'cchf',
  metadata: [...new Set(released.flatMap((r) => Object.keys(r.metadata as JsonObject)))].map((name) => ({ name, type: types.get(name) ?? 'string' })),
  nucleotideSequences: [...nucleotideLengths].map(([name, length]) => ({ name, length })),
  genes: [...geneLengths].map(([name, length]) => ({ name, length })),
});

function toEntry(record: JsonObject, accession: string): ProcessedEntry {
  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(record.metadata as JsonObject)) {
    metadata[key] = value instanceof JsonNumber ? (value.isFloatLiteral ? new FloatValue(value.value) : value.value) : (value as MetadataValue);
  }
  const strings = (v: unknown) => JSON.parse(JSON.stringify(v));
  const unaligned = strings(record.unalignedNucleotideSequences) as Record<string, string | null>;
  return {
    accession,
    version: 1,
    data: {
      metadata,
      unalignedNucleotideSequences: unaligned,
      alignedNucleotideSequences: strings(record.alignedNucleotideSequences),
      nucleotideInsertions: strings(record.nucleotideInsertions),
      alignedAminoAcidSequences: strings(record.alignedAminoAcidSequences),
      aminoAcidInsertions: strings(record.aminoAcidInsertions),
      sequenceNameToFastaId: Object.fromEntries(Object.keys(unaligned).map((k) => [k, `fasta_${k}`])),
      files: null,
    },
    errors: [],
    warnings: [],
  };
}

const sample = released.map((r, i) => toEntry(r, `LOC_${i}`));
const line = serialiseProcessedEntry(sample[0]);
console.log(`entry size: ${(line.length / 1024).toFixed(0)} KiB, ${organism.metadata.length} metadata fields`);
for (const entry of sample) {
  const failure = validateProcessedEntry(entry, organism);
  if (failure) throw new Error(`sample entry rejected: ${failure.detail}`);
}

let started = performance.now();
for (let i = 0; i < N; i++) serialiseProcessedEntry(sample[i % sample.length]);
const serialiseMs = performance.now() - started;
started = performance.now();
for (let i = 0; i < N; i++) validateProcessedEntry(sample[i % sample.length], organism);
const validateMs = performance.now() - started;
started = performance.now();
for (let i = 0; i < N; i++) validateBuiltEntry(sample[i % sample.length], organism);
const builtMs = performance.now() - started;
console.log(
  `serialise: ${(serialiseMs / N).toFixed(3)} ms/entry; serialise + validate: ${(validateMs / N).toFixed(3)} ms/entry; ` +
    `validateBuiltEntry (the worker's guard): ${(builtMs / N).toFixed(3)} ms/entry (N=${N})`,
);

const mock = await startMockBackend({ organisms: { cchf: organism }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
try {
  mock.seed('cchf', Array.from({ length: N }, (_, i) => ({ submissionId: `s${i}`, metadata: {}, sequences: { L: 'ACGT' } })));
  const token = mock.issueToken();
  const batch = 100;
  let extractMs = 0;
  let submitMs = 0;
  for (let done = 0; done < N; done += batch) {
    let t = performance.now();
    const response = await request(`${mock.backendUrl('cchf')}/extract-unprocessed-data?numberOfSequenceEntries=${batch}&pipelineVersion=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const accessions = (await response.body.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l).accession as string);
    extractMs += performance.now() - t;
    const body = toNdjsonBody(accessions.map((accession, i) => ({ ...sample[i % sample.length], accession })));
    t = performance.now();
    const submitted = await request(`${mock.backendUrl('cchf')}/submit-processed-data?pipelineVersion=1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    await submitted.body.text();
    if (submitted.statusCode !== 204) throw new Error(`submit answered ${submitted.statusCode}`);
    submitMs += performance.now() - t;
  }
  const state = mock.state().organisms.cchf;
  console.log(
    `mock over HTTP, batches of ${batch}: extract ${(extractMs / N).toFixed(3)} ms/entry, submit (validated) ${(submitMs / N).toFixed(3)} ms/entry; processed ${state.statuses.PROCESSED}/${N}`,
  );
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  await mock.close();
}
