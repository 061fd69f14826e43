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
  datasets = {
    'ebola-sudan': await loadDataset(path.join(base, 'ebola-sudan/main')),
    'ebola-zaire': await loadDataset(path.join(base, 'ebola-zaire/main')),
  };
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

function multiConfig(requirement: 'ALL' | 'ANY') {
  return ConfigSchema.parse({
    organism: 'multi-ebola-test',
    alignment_requirement: requirement,
    segment_classification_method: 'align',
    segments: [
      { name: 'ebola-sudan', references: [{ nextclade_dataset_name: 'ebola-dataset/ebola-sudan', genes: ['NPEbolaSudan', 'VP35EbolaSudan'] }] },
      { name: 'ebola-zaire', references: [{ nextclade_dataset_name: 'ebola-dataset/ebola-zaire', genes: ['VP24EbolaZaire', 'LEbolaZaire'] }] },
    ],
  });
}

async function runStages(config: ReturnType<typeof multiConfig>, entries: EntryWork[]) {
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
