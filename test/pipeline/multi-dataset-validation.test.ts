/**
 * The reference pipeline's multi-segment and multi-reference test configs, run through the whole
 * pipeline on the Ebola test datasets: every sequence lands where the spec's tests expect, and
 * every output line passes the backend's strict validation for that organism.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../src/config/load.js';
import { buildPipeline } from '../../src/pipeline/build.js';
import { parseEntryLine } from '../../src/pipeline/parse.js';
import { serialiseProcessedEntry } from '../../src/contract/serialise.js';
import { validateProcessedLine } from '../../src/contract/validate.js';
import { silentLogger } from '../../src/shared/logger.js';

const TESTS = '../shared/data/loculus/preprocessing/nextclade/tests';
const reference = (name: string) => readFileSync(`${TESTS}/ebola-dataset/${name}/main/reference.fasta`, 'utf8').split('\n').slice(1).join('').trim();
const SUDAN = reference('ebola-sudan');
const ZAIRE = reference('ebola-zaire');

function mutate(sequence: string, position: number): string {
  const base = sequence[position] === 'A' ? 'G' : 'A';
  return sequence.slice(0, position) + base + sequence.slice(position + 1);
}

function line(n: number, sequences: Record<string, string>): string {
  return JSON.stringify({ accession: `LOC_${n}`, version: 1, submissionId: `s${n}`, submitter: 'u', groupId: 2, submittedAt: 1639526400, data: { metadata: {}, unalignedNucleotideSequences: sequences, files: null } });
}

async function run(configName: string, lines: string[]) {
  // These configs name their datasets `ebola-dataset/<name>` below the test directory.
  const { config } = loadConfig({ file: `${TESTS}/${configName}`, env: {}, flags: { nextclade_dataset_server: TESTS } });
  const built = await buildPipeline({ config, logger: silentLogger(), threads: 2 });
  try {
    const result = await built.pipeline.process(lines.map((text, i) => parseEntryLine({ kind: 'line', text, lineNumber: i + 1 })), { signal: new AbortController().signal, logger: silentLogger() });
    const out = result.entries.map((entry) => ({ entry, line: serialiseProcessedEntry(entry) }));
    for (const { line: text } of out) assert.equal(validateProcessedLine(text, built.organism), null, `backend would reject: ${text.slice(0, 300)}`);
    return out.map((o) => o.entry);
  } finally {
    await built.pipeline.close();
  }
}

test('multi-segment config: both segments assigned, per-segment fields, strict validation passes', { timeout: 120_000 }, async () => {
  const [both, onlyZaire, duplicate] = await run('multi_segment_config.yaml', [
    line(1, { fastaHeader1: mutate(SUDAN, 460), fastaHeader2: mutate(ZAIRE, 460) }),
    line(2, { z: ZAIRE }),
    line(3, { 'ebola-sudan': SUDAN, 'duplicate_ebola-sudan': SUDAN }),
  ]);
  assert.deepEqual(both!.data.sequenceNameToFastaId, { 'ebola-sudan': 'fastaHeader1', 'ebola-zaire': 'fastaHeader2' });
  assert.deepEqual(both!.errors, []);
  assert.equal(both!.data.alignedNucleotideSequences['ebola-sudan']!.length, SUDAN.length);
  assert.deepEqual(onlyZaire!.data.sequenceNameToFastaId, { 'ebola-zaire': 'z' });
  assert.deepEqual(onlyZaire!.errors, []);
  assert.match(duplicate!.errors.map((e) => e.message).join('\n'), /Multiple sequences \(with fasta ids: ebola-sudan, duplicate_ebola-sudan\) align to ebola-sudan - only one entry is allowed\./);
});

test('multi-reference config: the reference is assigned and named in sequence and gene keys', { timeout: 120_000 }, async () => {
  const [zaire] = await run('multi_reference_config.yaml', [line(1, { 'ebola-zaire': ZAIRE })]);
  assert.deepEqual(zaire!.errors, []);
  assert.deepEqual(Object.keys(zaire!.data.alignedNucleotideSequences), ['ebola-zaire']);
  assert.deepEqual(zaire!.data.sequenceNameToFastaId, { 'ebola-zaire': 'ebola-zaire' });
  assert.ok(Object.keys(zaire!.data.alignedAminoAcidSequences).every((gene) => gene.endsWith('-ebola-zaire')));
  assert.equal(zaire!.data.metadata.subtype, 'ebola-zaire');
});
