/**
 * The align and translate stages with the real aligner pool on the Ebola test datasets of the
 * reference test suite (preprocessing-config.md §8.7 single-segment and multi-segment rows).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { AlignerPool } from '../../../src/align/pool.js';
import { ConfigSchema } from '../../../src/config/schema.js';
import { emptyProcessedData } from '../../../src/contract/entries.js';
import { loadDataset } from '../../../src/dataset/load.js';
import { createAlignStage } from '../../../src/pipeline/stages/align.js';
import { createTranslateStage } from '../../../src/pipeline/stages/translate.js';
import type { EntryWork } from '../../../src/pipeline/stage.js';
import { readFasta, sharedData } from '../../analysis/fixtures.js';

const base = path.join(sharedData, 'loculus/preprocessing/nextclade/tests/ebola-dataset');
const sudanRef = readFasta(path.join(base, 'ebola-sudan/main/reference.fasta'))[0].sequence;
const zaireRef = readFasta(path.join(base, 'ebola-zaire/main/reference.fasta'))[0].sequence;
let pool: AlignerPool;
let datasets: Record<string, Awaited<ReturnType<typeof loadDataset>>>;

before(async () => {
  const sudan = await loadDataset(path.join(base, 'ebola-sudan/main'));
  // Sequence names: `main` (single segment), or the segment / reference names of the Ebola configs.
  datasets = { main: sudan, 'ebola-sudan': sudan, 'ebola-zaire': await loadDataset(path.join(base, 'ebola-zaire/main')) };
  pool = await AlignerPool.create({ threads: 1, datasets });
});
after(async () => pool?.close());

function work(sequences: Record<string, string | null>): EntryWork {
  return {
    input: { accession: 'LOC_1', version: 1, submissionId: 's', submitter: 'u', groupId: 1, submittedAt: 0, metadata: {}, unalignedNucleotideSequences: sequences, files: null },
    output: { accession: 'LOC_1', version: 1, data: emptyProcessedData(), errors: [], warnings: [] },
    assignments: {},
    nextclade: {},
    halted: false,
  };
}

const context = { signal: new AbortController().signal, logger: pino({ level: 'silent' }) };

function multiConfig(requirement: 'ALL' | 'ANY', method: 'align' | 'minimizer' = 'align') {
  return ConfigSchema.parse({
    organism: 'multi-ebola-test',
    alignment_requirement: requirement,
    segment_classification_method: method,
    segments: [
      { name: 'ebola-sudan', references: [{ nextclade_dataset_name: 'ebola-dataset/ebola-sudan', genes: ['NPEbolaSudan', 'VP35EbolaSudan'] }] },
      { name: 'ebola-zaire', references: [{ nextclade_dataset_name: 'ebola-dataset/ebola-zaire', genes: ['VP24EbolaZaire', 'LEbolaZaire'] }] },
    ],
  });
}

async function runStages(config: ReturnType<typeof ConfigSchema.parse>, entries: EntryWork[]) {
  await createAlignStage({ config, datasets, pool }).run(entries, context);
  await createTranslateStage({ config }).run(entries, context);
}

test('insertion in both segments: nucleotide and amino-acid insertions under the right keys', async () => {
  const sudan = sudanRef.slice(0, 2671) + 'GAC' + sudanRef.slice(2671);
  const zaire = zaireRef.slice(0, 11097) + 'GAC' + zaireRef.slice(11097);
  const entry = work({ fastaHeader1: sudan, fastaHeader2: zaire });
  await runStages(multiConfig('ALL'), [entry]);
  const data = entry.output.data;
  assert.deepEqual(entry.output.errors, []);
  assert.deepEqual(data.sequenceNameToFastaId, { 'ebola-sudan': 'fastaHeader1', 'ebola-zaire': 'fastaHeader2' });
  assert.deepEqual(data.nucleotideInsertions, { 'ebola-sudan': ['2671:GAC'], 'ebola-zaire': ['11097:GAC'] });
  assert.deepEqual(data.aminoAcidInsertions.NPEbolaSudan, ['738:D']);
  assert.deepEqual(data.aminoAcidInsertions.VP24EbolaZaire, ['251:D']);
  assert.equal(data.alignedNucleotideSequences['ebola-sudan'], sudanRef);
  assert.equal((entry.nextclade['ebola-sudan'] as any).totalInsertions, 3);
});

test('two sequences on one segment: the duplicate error, nothing kept', async () => {
  const entry = work({ 'ebola-sudan': sudanRef, 'duplicate_ebola-sudan': sudanRef.slice(100) });
  await runStages(multiConfig('ALL'), [entry]);
  assert.deepEqual(entry.output.errors.map((e) => e.message), [
    'Multiple sequences (with fasta ids: ebola-sudan, duplicate_ebola-sudan) align to ebola-sudan - only one entry is allowed.',
  ]);
  assert.deepEqual(entry.output.data.alignedNucleotideSequences, {});
});

test('an unrelated sequence matches no reference; the zaire one is processed', async () => {
  let seed = 3;
  const random = Array.from({ length: 53 }, () => 'ACGT'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 4]).join('');
  const entry = work({ fastaHeader1: random, fastaHeader2: zaireRef });
  await runStages(multiConfig('ALL'), [entry]);
  assert.deepEqual(entry.output.errors.map((e) => e.message), [
    'Sequence with fasta id fastaHeader1 does not match any reference for organism: multi-ebola-test per `nextclade align`. Double check you are submitting to the correct organism.',
  ]);
  assert.deepEqual(Object.keys(entry.output.data.alignedNucleotideSequences), ['ebola-zaire']);
  assert.equal(entry.output.data.alignedAminoAcidSequences.VP24EbolaZaire?.endsWith('*'), true);
});

const singleConfig = ConfigSchema.parse({
  organism: 'ebola-sudan-test',
  segments: [{ name: 'main', references: [{ nextclade_dataset_name: 'ebola-sudan', genes: ['NPEbolaSudan', 'VP35EbolaSudan'] }] }],
});

function randomSequence(length: number, seed: number): string {
  return Array.from({ length }, () => 'ACGT'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 4]).join('');
}

test('single segment, one substitution G461A: aligned = input, both peptides, one substitution', async () => {
  assert.equal(sudanRef[460], 'G');
  const query = sudanRef.slice(0, 460) + 'A' + sudanRef.slice(461);
  const entry = work({ fastaHeader: query });
  await runStages(singleConfig, [entry]);
  const data = entry.output.data;
  assert.deepEqual(entry.output.errors, []);
  assert.deepEqual(entry.output.warnings, []);
  assert.equal(data.alignedNucleotideSequences.main, query);
  assert.equal(data.unalignedNucleotideSequences.main, query);
  assert.deepEqual(data.sequenceNameToFastaId, { main: 'fastaHeader' });
  assert.deepEqual(Object.keys(data.alignedAminoAcidSequences).sort(), ['NPEbolaSudan', 'VP35EbolaSudan']);
  const result = entry.nextclade.main as Record<string, unknown>;
  assert.equal(result.totalSubstitutions, 1);
  assert.equal(result.coverage, 1);
});

test('single segment, 3-nt deletion: totalDeletions 3 and the gap in the aligned sequence', async () => {
  const query = sudanRef.slice(0, 1000) + sudanRef.slice(1003);
  const entry = work({ fastaHeader: query });
  await runStages(singleConfig, [entry]);
  assert.equal((entry.nextclade.main as Record<string, unknown>).totalDeletions, 3);
  assert.ok(entry.output.data.alignedNucleotideSequences.main!.includes('---'));
});

test('single segment, two sequences: the single-segmented error and no sequences', async () => {
  const entry = work({ fastaHeader1: sudanRef, fastaHeader2: sudanRef });
  await runStages(singleConfig, [entry]);
  assert.equal(entry.output.errors.length, 1);
  assert.ok(entry.output.errors[0].message.startsWith("Multiple sequences: ['fastaHeader1', 'fastaHeader2'] found in the input data, but organism: ebola-sudan-test is single-segmented."));
  assert.deepEqual(entry.output.errors[0].processedFields, [{ name: 'alignment', type: 'NucleotideSequence' }]);
  assert.deepEqual(entry.output.data.unalignedNucleotideSequences, {});
});

test('single segment, 53 random bases: failed to align on main, unaligned kept', async () => {
  const random = randomSequence(53, 11);
  const entry = work({ fastaHeader: random });
  await runStages(singleConfig, [entry]);
  assert.deepEqual(entry.output.errors.map((e) => [e.processedFields[0].name, e.message]), [['main', 'Nucleotide sequence failed to align']]);
  assert.equal(entry.output.data.unalignedNucleotideSequences.main, random);
  assert.deepEqual(entry.output.data.sequenceNameToFastaId, { main: 'fastaHeader' });
  assert.deepEqual(entry.output.data.alignedNucleotideSequences, {});
  assert.equal(entry.nextclade.main, null);
});

test('multi segment, only zaire: no errors, sudan absent', async () => {
  const entry = work({ fastaHeader2: zaireRef });
  await runStages(multiConfig('ALL'), [entry]);
  assert.deepEqual(entry.output.errors, []);
  assert.deepEqual(Object.keys(entry.output.data.unalignedNucleotideSequences), ['ebola-zaire']);
});

test('ANY + sort: a 90-nt sudan fragment is assigned but fails to align (warning); zaire aligns', async () => {
  const entry = work({ fastaHeader1: sudanRef.slice(2000, 2090), fastaHeader2: zaireRef });
  await runStages(multiConfig('ANY', 'minimizer'), [entry]);
  assert.deepEqual(entry.output.errors, []);
  assert.deepEqual(entry.output.warnings.map((w) => [w.processedFields[0].name, w.message]), [
    ['ebola-sudan', 'Nucleotide sequence for ebola-sudan failed to align'],
  ]);
  assert.equal(entry.output.data.unalignedNucleotideSequences['ebola-sudan'], sudanRef.slice(2000, 2090));
  assert.equal(entry.output.data.sequenceNameToFastaId['ebola-sudan'], 'fastaHeader1');
  assert.ok(entry.output.data.alignedNucleotideSequences['ebola-zaire']);
});

test('ANY + sort: two fragments give two warnings and "No sequence aligned."', async () => {
  const entry = work({ fastaHeader1: sudanRef.slice(2000, 2090), fastaHeader2: zaireRef.slice(5000, 5090) });
  await runStages(multiConfig('ANY', 'minimizer'), [entry]);
  assert.equal(entry.output.warnings.length, 2);
  assert.deepEqual(entry.output.errors.map((e) => e.message), ['No sequence aligned.']);
});

const multiReferenceConfig = ConfigSchema.parse({
  organism: 'multi-ebola-test',
  alignment_requirement: 'ANY',
  segments: [
    {
      name: 'main',
      references: [
        { name: 'ebola-sudan', nextclade_dataset_name: 'ebola-dataset/ebola-sudan', genes: ['NPEbolaSudan', 'VP35EbolaSudan'] },
        { name: 'ebola-zaire', nextclade_dataset_name: 'ebola-dataset/ebola-zaire', genes: ['VP24EbolaZaire', 'LEbolaZaire'] },
      ],
    },
  ],
});

test('multi reference: a Zaire genome is assigned to reference ebola-zaire with suffixed gene keys', async () => {
  const entry = work({ 'ebola-zaire': zaireRef });
  await runStages(multiReferenceConfig, [entry]);
  assert.deepEqual(entry.output.errors, []);
  assert.deepEqual(entry.output.data.sequenceNameToFastaId, { 'ebola-zaire': 'ebola-zaire' });
  assert.equal(entry.assignments['ebola-zaire'].reference, 'ebola-zaire');
  assert.deepEqual(Object.keys(entry.output.data.alignedAminoAcidSequences).sort(), ['LEbolaZaire-ebola-zaire', 'VP24EbolaZaire-ebola-zaire']);
});

test('multi reference: both references submitted is "Multiple sequences … align to main"', async () => {
  const entry = work({ 'ebola-zaire': zaireRef, 'ebola-sudan': sudanRef });
  await runStages(multiReferenceConfig, [entry]);
  assert.deepEqual(entry.output.errors.map((e) => e.message), [
    'Multiple sequences (with fasta ids: ebola-zaire, ebola-sudan) align to main - only one entry is allowed.',
  ]);
  assert.deepEqual(entry.output.data.unalignedNucleotideSequences, {});
});

test('max_sequences_per_entry only flags the entry that exceeds it', async () => {
  const config = ConfigSchema.parse({ ...multiConfig('ALL'), max_sequences_per_entry: 1 });
  const tooMany = work({ fastaHeader1: sudanRef, fastaHeader2: zaireRef });
  const fine = work({ fastaHeader1: sudanRef });
  await runStages(config, [tooMany, fine]);
  assert.deepEqual(tooMany.output.errors.map((e) => e.message), [
    'Entry has 2 sequences but the maximum allowed number of sequences per entry is 1.',
  ]);
  assert.deepEqual(fine.output.errors, []);
});

/**
 * Multi-segment, multi-reference (the reference suite's CCHF config: L, and S with references
 * `1and6` and `2to5`). Its S datasets are not available here, so `2to5` is built on the fly from a
 * distant S genotype (KY484028.1, NP at 54..1502) next to the Pathoplexus S dataset as `1and6`.
 */
test('multi segment, multi reference (CCHF L + S/1and6 + S/2to5): keys, gene keys, duplicates', async () => {
  const { mkdtempSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const cchfv = path.join(sharedData, 'nextclade/cchfv');
  const samples = readFasta(path.join(cchfv, 'S/sample_S.fasta'));
  const distant = samples.find((r) => r.name === 'KY484028.1')!.sequence;
  const dir = mkdtempSync(path.join(tmpdir(), 'cchf-s-2to5-'));
  const pool2 = await (async () => {
    writeFileSync(path.join(dir, 'reference.fasta'), `>KY484028.1\n${distant}\n`);
    writeFileSync(
      path.join(dir, 'genome_annotation.gff3'),
      `##gff-version 3\nKY484028.1\tx\tCDS\t54\t1502\t.\t+\t0\tName=NP;ID=cds-NP\n`,
    );
    const pathogen = JSON.parse(readFileSync(path.join(cchfv, 'S/pathogen.json'), 'utf8'));
    pathogen.files = { reference: 'reference.fasta', genomeAnnotation: 'genome_annotation.gff3', pathogenJson: 'pathogen.json' };
    writeFileSync(path.join(dir, 'pathogen.json'), JSON.stringify(pathogen));
    const cchfDatasets = {
      L: await loadDataset(path.join(cchfv, 'L')),
      'S-1and6': await loadDataset(path.join(cchfv, 'S')),
      'S-2to5': await loadDataset(dir),
    };
    return { datasets: cchfDatasets, pool: await AlignerPool.create({ threads: 1, datasets: cchfDatasets }) };
  })();
  try {
    const config = ConfigSchema.parse({
      organism: 'multi-reference-cchf-test',
      segment_classification_method: 'diamond',
      segments: [
        { name: 'L', references: [{ name: 'singleReference', nextclade_dataset_name: 'CCHF/L', genes: ['RdRp'] }] },
        {
          name: 'S',
          references: [
            { name: '1and6', nextclade_dataset_name: 'CCHF/S-1and6', genes: ['NP'] },
            { name: '2to5', nextclade_dataset_name: 'CCHF/S-2to5', genes: ['NP'] },
          ],
        },
      ],
    });
    const run = async (entries: EntryWork[]) => {
      await createAlignStage({ config, datasets: pool2.datasets, pool: pool2.pool }).run(entries, context);
      await createTranslateStage({ config }).run(entries, context);
    };
    const near1 = samples.find((r) => r.name === 'PQ463984.1')!.sequence; // identical k-mers to the S reference
    const lSample = readFasta(path.join(cchfv, 'L/sample_L.fasta'))[0].sequence;

    const sOnly = work({ seg1: near1 });
    const sAndL = work({ seg1: near1, segL: lSample });
    const twoS = work({ seg1: near1, seg2: distant });
    const other = work({ seg2: samples.find((r) => r.name === 'KY484028.1')!.sequence });
    await run([sOnly, sAndL, twoS, other]);

    assert.deepEqual(other.output.data.sequenceNameToFastaId, { 'S-2to5': 'seg2' });
    assert.deepEqual(Object.keys(other.output.data.alignedAminoAcidSequences), ['NP-2to5']);

    assert.deepEqual(sOnly.output.errors, []);
    assert.deepEqual(sOnly.output.data.sequenceNameToFastaId, { 'S-1and6': 'seg1' });
    assert.equal(sOnly.assignments['S-1and6'].reference, '1and6');
    assert.deepEqual(Object.keys(sOnly.output.data.alignedAminoAcidSequences), ['NP-1and6']);

    assert.deepEqual(sAndL.output.errors, []);
    assert.deepEqual(Object.keys(sAndL.output.data.sequenceNameToFastaId).sort(), ['L', 'S-1and6']);
    assert.deepEqual(Object.keys(sAndL.output.data.alignedAminoAcidSequences).sort(), ['NP-1and6', 'RdRp']);

    assert.deepEqual(twoS.output.errors.map((e) => e.message), [
      'Multiple sequences (with fasta ids: seg1, seg2) align to S - only one entry is allowed.',
    ]);
    assert.deepEqual(twoS.output.data.unalignedNucleotideSequences, {});
  } finally {
    await pool2.pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
