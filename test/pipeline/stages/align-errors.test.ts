/**
 * The align stage's error paths, with stand-in aligners: an aligner that throws, no aligner at
 * all, and symbols a raw sequence must not contain. None of them may throw out of the stage; each
 * becomes an annotation on the entry.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { ConfigSchema } from '../../../src/config/schema.js';
import { emptyProcessedData } from '../../../src/contract/entries.js';
import { createAlignStage, type SequenceAligner } from '../../../src/pipeline/stages/align.js';
import type { EntryWork } from '../../../src/pipeline/stage.js';

const config = ConfigSchema.parse({
  organism: 'test-virus',
  segments: [{ name: 'main', references: [{ nextclade_dataset_name: 'test-virus', genes: [] }] }],
});
const datasets = { main: { reference: { sequence: 'ACGT'.repeat(50) } } };
const context = { signal: new AbortController().signal, logger: pino({ level: 'silent' }) };

function work(sequences: Record<string, string | null>): EntryWork {
  return {
    input: { accession: 'LOC_1', version: 1, submissionId: 's', submitter: 'u', groupId: 1, submittedAt: 0, metadata: {}, unalignedNucleotideSequences: sequences, files: null },
    output: { accession: 'LOC_1', version: 1, data: emptyProcessedData(), errors: [], warnings: [] },
    assignments: {},
    nextclade: {},
    halted: false,
  };
}

const messagesOf = (entry: EntryWork) => entry.output.errors.map((e) => [e.processedFields[0].name, e.message]);

test('an aligner that throws: "failed to align" on the sequence, the unaligned sequence kept', async () => {
  const throwing: SequenceAligner = {
    align: async () => {
      throw new Error('thread gone');
    },
  };
  const entry = work({ header: 'ACGTACGT' });
  await createAlignStage({ config, datasets, pool: throwing }).run([entry], context);
  assert.deepEqual(messagesOf(entry), [['main', 'Nucleotide sequence failed to align']]);
  assert.equal(entry.nextclade.main, null);
  assert.equal(entry.output.data.unalignedNucleotideSequences.main, 'ACGTACGT');
  assert.equal(entry.translations, undefined);
});

test('no aligner although the config aligns: the internal-error annotation', async () => {
  const entry = work({ header: 'ACGTACGT' });
  await createAlignStage({ config, datasets, pool: null }).run([entry], context);
  assert.deepEqual(messagesOf(entry), [
    ['alignment', 'An unknown internal error occurred while aligning sequences, please contact the administrator.'],
  ]);
  assert.equal(entry.output.errors[0].category, 'internal');
});

test('non-IUPAC symbols in a raw sequence are an error on that sequence', async () => {
  const failing: SequenceAligner = { align: async () => ({ ok: false, error: 'Unable to align' }) };
  const entry = work({ header: 'ACGU-acgt' });
  await createAlignStage({ config, datasets, pool: failing }).run([entry], context);
  assert.deepEqual(messagesOf(entry), [
    ['main', 'Found non-IUPAC symbols in the main sequence: -, U. Gap characters (-) are not allowed in raw sequences.'],
    ['main', 'Nucleotide sequence failed to align'],
  ]);
});

test('cancelled while aligning: the stage rejects instead of reporting "failed to align"', async () => {
  const controller = new AbortController();
  const waitsForAbort: SequenceAligner = {
    align: (_name, _sequence, options) =>
      new Promise((_resolve, reject) => options?.signal?.addEventListener('abort', () => reject(new Error('aborted')))),
  };
  const entry = work({ header: 'ACGTACGT' });
  const running = createAlignStage({ config, datasets, pool: waitsForAbort }).run([entry], { ...context, signal: controller.signal });
  controller.abort();
  await assert.rejects(running);
});
