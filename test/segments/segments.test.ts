/**
 * Segment assignment: by FASTA-id suffix on the unaligned path (preprocessing-config.md §6.3 and
 * the §8.7 "Unaligned multi-segment" rows), and by our k-mer classifier on real CCHFV and Ebola
 * sequences (the stand-in for `nextclade sort` / `diamond`).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { datasetsOf } from '../../src/config/datasets.js';
import { ConfigSchema } from '../../src/config/schema.js';
import { assignByHeader } from '../../src/segments/assign-by-header.js';
import { classify, KmerIndex } from '../../src/segments/kmer-classifier.js';
import { messages } from '../../src/segments/messages.js';
import { nonIupacSymbols } from '../../src/segments/non-iupac.js';
import { readFasta, sharedData } from '../analysis/fixtures.js';

const ebolaConfig = ConfigSchema.parse({
  organism: 'multi-ebola-test',
  segments: [
    { name: 'ebola-sudan', references: [{ nextclade_dataset_name: 'ebola-dataset/ebola-sudan' }] },
    { name: 'ebola-zaire', references: [{ nextclade_dataset_name: 'ebola-dataset/ebola-zaire' }] },
  ],
});
const ebolaDatasets = datasetsOf(ebolaConfig);

test('unaligned multi-segment: ids are assigned by their suffix', () => {
  const result = assignByHeader(['prefix_ebola-sudan', 'other_prefix_ebola-zaire'], ebolaDatasets, 'multi-ebola-test');
  assert.deepEqual(result, { assigned: { 'ebola-sudan': 'prefix_ebola-sudan', 'ebola-zaire': 'other_prefix_ebola-zaire' }, errors: [] });
});

test('unaligned multi-segment: two ids for one segment is the duplicate error', () => {
  const result = assignByHeader(['ebola-sudan', 'duplicate_ebola-sudan'], ebolaDatasets, 'multi-ebola-test');
  assert.deepEqual(result.assigned, {});
  assert.deepEqual(result.errors, [
    'Found multiple sequences with the same segment name: ebola-sudan. Each metadata entry can have multiple corresponding fasta sequence entries with format <submissionId>_<segmentName>.',
  ]);
});

test('unaligned multi-segment: an unknown segment is reported, the known one kept', () => {
  const result = assignByHeader(['ebola-sudan', 'unknown_segment'], ebolaDatasets, 'multi-ebola-test');
  assert.deepEqual(result.assigned, { 'ebola-sudan': 'ebola-sudan' });
  assert.deepEqual(result.errors, [
    'Found sequences in the input data with segments that are not in the config: unknown_segment. Each metadata entry can have multiple corresponding fasta sequence entries with format <submissionId>_<segmentName> valid segments are: ebola-sudan, ebola-zaire.',
  ]);
});

test('single segment: more than one sequence is an error naming the ids as a Python list', () => {
  const single = datasetsOf(ConfigSchema.parse({ segments: [{ name: 'main', references: [{ nextclade_dataset_name: 'x' }] }] }));
  const result = assignByHeader(['fastaHeader1', 'fastaHeader2'], single, 'ebola-sudan-test');
  assert.equal(result.errors.length, 1);
  assert.ok(result.errors[0].startsWith("Multiple sequences: ['fastaHeader1', 'fastaHeader2'] found in the input data, but organism: ebola-sudan-test is single-segmented."));
});

test('assignment messages read as the reference words them', () => {
  assert.equal(
    messages.noMatch('fastaHeader1', 'multi-ebola-test', 'nextclade align'),
    'Sequence with fasta id fastaHeader1 does not match any reference for organism: multi-ebola-test per `nextclade align`. Double check you are submitting to the correct organism.',
  );
  assert.equal(
    messages.multipleOnSegment(['ebola-sudan', 'duplicate_ebola-sudan'], 'ebola-sudan'),
    'Multiple sequences (with fasta ids: ebola-sudan, duplicate_ebola-sudan) align to ebola-sudan - only one entry is allowed.',
  );
  assert.equal(messages.maxSequences(2, 1), 'Entry has 2 sequences but the maximum allowed number of sequences per entry is 1.');
  assert.equal(
    messages.nonIupac('main', nonIupacSymbols('ACGU-')),
    'Found non-IUPAC symbols in the main sequence: -, U. Gap characters (-) are not allowed in raw sequences.',
  );
});

test('k-mer classifier: every CCHFV sample goes to its own segment, test submissions by their suffix', () => {
  const segments = ['L', 'M', 'S'];
  const indexes = new Map(
    segments.map((s) => [s, new KmerIndex(readFasta(path.join(sharedData, `nextclade/cchfv/${s}/reference_${s}.fasta`))[0].sequence)]),
  );
  for (const segment of segments) {
    const samples = readFasta(path.join(sharedData, `nextclade/cchfv/${segment}/sample_${segment}.fasta`));
    for (const sample of samples) assert.equal(classify(indexes, sample.sequence).best, segment, `${sample.name}`);
  }
  const submissions = readFasta(path.join(sharedData, 'loculus/integration-tests/tests/test-data/cchfv_test_sequences.fasta'));
  assert.ok(submissions.length >= 3);
  for (const record of submissions) {
    const suffix = record.name.split(/\s/)[0].split('_').pop()!;
    assert.equal(classify(indexes, record.sequence).best, suffix, record.name);
  }
});

test('k-mer classifier: Ebola Sudan and Zaire references are told apart, random sequence matches nothing', () => {
  const base = path.join(sharedData, 'loculus/preprocessing/nextclade/tests/ebola-dataset');
  const sudan = readFasta(path.join(base, 'ebola-sudan/main/reference.fasta'))[0].sequence;
  const zaire = readFasta(path.join(base, 'ebola-zaire/main/reference.fasta'))[0].sequence;
  const indexes = new Map([
    ['ebola-sudan', new KmerIndex(sudan)],
    ['ebola-zaire', new KmerIndex(zaire)],
  ]);
  assert.equal(classify(indexes, sudan.slice(5000, 6500)).best, 'ebola-sudan');
  assert.equal(classify(indexes, zaire.slice(5000, 6500)).best, 'ebola-zaire');
  // A 90-nt fragment still classifies (nextclade sort does too), although it is too short to align.
  assert.equal(classify(indexes, sudan.slice(1000, 1090)).best, 'ebola-sudan');
  let seed = 7;
  const random = Array.from({ length: 53 }, () => 'ACGT'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 4]).join('');
  assert.equal(classify(indexes, random).best, null);
});

test('non-IUPAC symbols: a clean sequence in either case has none; others are reported upper-cased and sorted', () => {
  assert.deepEqual(nonIupacSymbols('acgtnRYKMswbdhv'), []);
  assert.deepEqual(nonIupacSymbols('acgu*xu'), ['*', 'U', 'X']);
});
