/**
 * Re-processing released CCHFV entries (`get-released-data.ndjson`, as the backend stores them)
 * through the align and translate stages with the real aligner pool and the Pathoplexus CCHFV
 * datasets: aligned sequences, insertions, peptides and the `total*` / `completeness_*` values
 * must come out as released.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { AlignerPool } from '../../../src/align/pool.js';
import { ConfigSchema } from '../../../src/config/schema.js';
import { emptyProcessedData } from '../../../src/contract/entries.js';
import { loadDataset } from '../../../src/dataset/load.js';
import { createAlignStage } from '../../../src/pipeline/stages/align.js';
import { createTranslateStage, maskTerminalPeptideGaps } from '../../../src/pipeline/stages/translate.js';
import type { EntryWork } from '../../../src/pipeline/stage.js';
import { sharedData } from '../../analysis/fixtures.js';

const SEGMENTS = ['L', 'M', 'S'] as const;
const GENE = { L: 'RdRp', M: 'GPC', S: 'NP' } as const;
const released = readFileSync(path.join(sharedData, 'loculus/ena-submission/test/data/get-released-data.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line));

const config = ConfigSchema.parse({
  organism: 'cchf',
  segment_classification_method: 'align',
  segments: SEGMENTS.map((name) => ({ name, references: [{ nextclade_dataset_name: `cchfv/${name}`, genes: [GENE[name]] }] })),
});
let pool: AlignerPool;
let datasets: Record<string, Awaited<ReturnType<typeof loadDataset>>>;

before(async () => {
  datasets = {};
  for (const name of SEGMENTS) datasets[name] = await loadDataset(path.join(sharedData, 'nextclade/cchfv', name));
  pool = await AlignerPool.create({ threads: 2, datasets });
});
after(async () => pool?.close());

test('peptide terminal gaps are shown as X, internal deletions stay', () => {
  assert.equal(maskTerminalPeptideGaps('--MK-L--'), 'XXMK-LXX');
  assert.equal(maskTerminalPeptideGaps('---'), 'XXX');
});

test('released CCHFV entries are reproduced: aligned sequences, insertions, peptides, totals, completeness', async () => {
  const batch: EntryWork[] = released.map((entry) => {
    const sequences: Record<string, string> = {};
    for (const name of SEGMENTS) {
      const sequence = entry.unalignedNucleotideSequences[name];
      if (sequence) sequences[`${entry.metadata.submissionId}_${name}`] = sequence;
    }
    return {
      input: { accession: entry.metadata.accession, version: entry.metadata.version, submissionId: '', submitter: '', groupId: 1, submittedAt: 0, metadata: {}, unalignedNucleotideSequences: sequences, files: null },
      output: { accession: entry.metadata.accession, version: entry.metadata.version, data: emptyProcessedData(), errors: [], warnings: [] },
      assignments: {},
      nextclade: {},
      halted: false,
    };
  });
  const context = { signal: new AbortController().signal, logger: pino({ level: 'silent' }) };
  await createAlignStage({ config, datasets, pool }).run(batch, context);
  await createTranslateStage({ config }).run(batch, context);

  let compared = 0;
  released.forEach((entry, i) => {
    const work = batch[i];
    const data = work.output.data;
    const m = entry.metadata;
    assert.deepEqual(work.output.errors, [], m.accessionVersion);
    for (const name of SEGMENTS) {
      const label = `${m.accessionVersion} ${name}`;
      if (!entry.unalignedNucleotideSequences[name]) {
        assert.equal(data.alignedNucleotideSequences[name], undefined, label);
        continue;
      }
      compared++;
      assert.equal(data.alignedNucleotideSequences[name], entry.alignedNucleotideSequences[name], `${label} aligned`);
      assert.deepEqual(data.nucleotideInsertions[name], entry.nucleotideInsertions[name], `${label} insertions`);
      assert.equal(data.alignedAminoAcidSequences[GENE[name]], entry.alignedAminoAcidSequences[GENE[name]], `${label} peptide`);
      assert.deepEqual(data.aminoAcidInsertions[GENE[name]], entry.aminoAcidInsertions[GENE[name]], `${label} aa insertions`);
      const r = work.nextclade[name] as Record<string, number>;
      assert.equal(r.totalSubstitutions, m[`totalSnps_${name}`], `${label} snps`);
      assert.equal(r.totalDeletions, m[`totalDeletedNucs_${name}`], `${label} deletions`);
      assert.equal(r.totalInsertions, m[`totalInsertedNucs_${name}`], `${label} insertions total`);
      assert.equal(r.totalMissing, m[`totalUnknownNucs_${name}`], `${label} unknown`);
      assert.equal(r.totalNonACGTNs, m[`totalAmbiguousNucs_${name}`], `${label} ambiguous`);
      assert.equal(r.totalFrameShifts, m[`totalFrameShifts_${name}`], `${label} frame shifts`);
      assert.equal(r.coverage, m[`completeness_${name}`], `${label} completeness`);
    }
  });
  assert.ok(compared >= 8, `compared ${compared} segments`);
});
