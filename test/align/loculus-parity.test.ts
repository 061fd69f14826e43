/**
 * Parity with real Nextclade v3 output as released by Loculus: CCHFV records from the Loculus
 * repository (`ena-submission/test/data/get-released-data.ndjson`) carry the unaligned segments
 * together with the aligned sequences (terminal gaps masked as N) and nucleotide insertions that
 * the reference pipeline (Nextclade 3.x, `--retry-reverse-complement=true`) produced.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AlignerPool } from '../../src/align/pool.js';
import { formatInsertion, maskTerminalGaps } from '../../src/align/insertions.js';
import { loadDataset } from '../../src/dataset/load.js';
import { nextcladeData, repoRoot } from './fixture-data.js';

interface Released {
  metadata: { accessionVersion?: string; displayName?: string };
  unalignedNucleotideSequences: Record<string, string | null>;
  alignedNucleotideSequences: Record<string, string | null>;
  nucleotideInsertions: Record<string, string[]>;
}

const released = readFileSync(path.resolve(repoRoot, '../shared/data/loculus/ena-submission/test/data/get-released-data.ndjson'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Released);

test('CCHFV L/M/S segments released by Loculus: same aligned sequence and insertions', async () => {
  const datasets = {
    L: await loadDataset(path.join(nextcladeData, 'cchfv/L')),
    M: await loadDataset(path.join(nextcladeData, 'cchfv/M')),
    S: await loadDataset(path.join(nextcladeData, 'cchfv/S')),
  };
  const pool = await AlignerPool.create({ threads: 1, datasets });
  let compared = 0;
  try {
    for (const record of released) {
      for (const segment of ['L', 'M', 'S'] as const) {
        const raw = record.unalignedNucleotideSequences[segment];
        if (!raw) continue;
        const outcome = await pool.align(segment, raw);
        const label = `${record.metadata.displayName ?? '?'} ${segment}`;
        assert.ok(outcome.ok, `${label}: ${outcome.ok ? '' : outcome.error}`);
        assert.ok(maskTerminalGaps(outcome.alignment.alignedQuery) === record.alignedNucleotideSequences[segment], `${label}: aligned sequence differs`);
        assert.deepEqual(outcome.alignment.insertions.map(formatInsertion), record.nucleotideInsertions[segment] ?? [], label);
        compared++;
      }
    }
  } finally {
    await pool.close();
  }
  assert.ok(compared >= 9, `compared ${compared} segments`);
});

test("Loculus' own preprocessing test expectations on its Ebola test datasets (insertion notation)", async () => {
  const root = path.resolve(repoRoot, '../shared/data/loculus/preprocessing/nextclade/tests/ebola-dataset');
  const sudan = await loadDataset(path.join(root, 'ebola-sudan/main'));
  const zaire = await loadDataset(path.join(root, 'ebola-zaire/main'));
  const pool = await AlignerPool.create({ threads: 1, datasets: { sudan, zaire } });
  try {
    const withInsertion = (ref: string, at: number) => ref.slice(0, at) + 'GAC' + ref.slice(at);
    const s = await pool.align('sudan', withInsertion(sudan.reference.sequence, 2671));
    assert.ok(s.ok);
    assert.deepEqual(s.alignment.insertions.map(formatInsertion), ['2671:GAC']);
    assert.equal(s.alignment.alignedQuery, sudan.reference.sequence);
    const z = await pool.align('zaire', withInsertion(zaire.reference.sequence, 11097));
    assert.ok(z.ok);
    assert.deepEqual(z.alignment.insertions.map(formatInsertion), ['11097:GAC']);
    const ref = sudan.reference.sequence;
    const snp = await pool.align('sudan', ref.slice(0, 460) + 'A' + ref.slice(461));
    assert.ok(snp.ok);
    assert.deepEqual(snp.alignment.substitutions, [{ refNuc: 'G', pos: 460, qryNuc: 'A' }]);
    assert.equal(snp.alignment.coverage, 1);
  } finally {
    await pool.close();
  }
});
