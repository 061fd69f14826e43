/** Genomes built from the references with planted changes must be recovered exactly. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AlignerPool } from '../../src/align/pool.js';
import { formatInsertions } from '../../src/align/insertions.js';
import type { NucAlignment } from '../../src/align/types.js';
import { loadDataset, type LoadedDataset } from '../../src/dataset/load.js';
import { nextcladeData } from './fixture-data.js';

let pool: AlignerPool;
let sc2: LoadedDataset;
let mpox: LoadedDataset;

before(async () => {
  sc2 = await loadDataset(path.join(nextcladeData, 'sars-cov-2'));
  mpox = await loadDataset(path.join(nextcladeData, 'mpox'));
  pool = await AlignerPool.create({ threads: 1, datasets: { sc2, mpox } });
});
after(() => pool.close());

async function aligned(key: string, sequence: string): Promise<NucAlignment> {
  const outcome = await pool.align(key, sequence);
  assert.ok(outcome.ok, outcome.ok ? '' : outcome.error);
  return outcome.alignment;
}

const other: Record<string, string> = { A: 'G', C: 'T', G: 'A', T: 'C' };

function substitute(ref: string, positions: number[]): string {
  const letters = ref.split('');
  for (const p of positions) letters[p] = other[letters[p]];
  return letters.join('');
}

test('the reference itself aligns to itself without changes', async () => {
  const a = await aligned('sc2', sc2.reference.sequence);
  assert.equal(a.alignedQuery, sc2.reference.sequence);
  assert.equal(a.alignedReference, sc2.reference.sequence);
  assert.deepEqual([a.substitutions, a.deletions, a.insertions], [[], [], []]);
  assert.deepEqual(a.alignmentRange, { begin: 0, end: 29903 });
  assert.equal(a.coverage, 1);
  assert.equal(a.alignmentScore, 3 * 29903);
});

test('planted substitutions are called exactly (SARS-CoV-2)', async () => {
  const ref = sc2.reference.sequence;
  const positions = [240, 3036, 14407, 23402, 28880, 28881, 28882, 29700];
  const a = await aligned('sc2', substitute(ref, positions));
  assert.deepEqual(a.substitutions, positions.map((pos) => ({ refNuc: ref[pos], pos, qryNuc: other[ref[pos]] })));
  assert.equal(a.totalSubstitutions, positions.length);
  assert.equal(a.alignedQuery.length, ref.length);
});

test('planted deletions (in frame, in a gene) come back as the same ranges', async () => {
  const ref = sc2.reference.sequence;
  // S gene 69-70 and a 9-nt deletion in ORF1a (the Alpha/Omicron 11288-11296 deletion).
  const cuts = [
    { begin: 21764, end: 21770 },
    { begin: 11287, end: 11296 },
  ];
  let query = ref;
  for (const cut of [...cuts].sort((x, y) => y.begin - x.begin)) query = query.slice(0, cut.begin) + query.slice(cut.end);
  const a = await aligned('sc2', query);
  assert.deepEqual(a.deletions.map((d) => d.range), [...cuts].sort((x, y) => x.begin - y.begin));
  assert.equal(a.totalDeletions, 15);
  assert.deepEqual(a.substitutions, []);
});

test('a planted insertion is stripped and reported in pos:SEQ notation', async () => {
  const ref = sc2.reference.sequence;
  // The Omicron BA.1 insertion 22204:GAGCCAGAA (after 1-based 22204).
  const query = ref.slice(0, 22204) + 'GAGCCAGAA' + ref.slice(22204);
  const a = await aligned('sc2', query);
  assert.equal(a.alignedQuery, ref);
  assert.equal(formatInsertions(a.insertions), '22204:GAGCCAGAA');
  assert.equal(a.totalInsertions, 9);
});

test('N runs become missing ranges; truncated ends are unsequenced, not deletions', async () => {
  const ref = sc2.reference.sequence;
  const query = ref.slice(300, 10_000) + 'N'.repeat(500) + ref.slice(10_500, 29_700);
  const a = await aligned('sc2', query);
  assert.deepEqual(a.alignmentRange, { begin: 300, end: 29_700 });
  assert.deepEqual(a.missing, [{ range: { begin: 10_000, end: 10_500 }, character: 'N' }]);
  assert.equal(a.totalMissing, 500);
  assert.deepEqual(a.deletions, []);
  assert.equal(a.alignedQuery.slice(0, 300), '-'.repeat(300));
  assert.equal(a.alignedQuery.slice(29_700), '-'.repeat(203));
  assert.equal(a.coverage, (29_400 - 500) / 29_903);
});

test('ambiguity codes are kept and reported as non-ACGTN ranges, never as substitutions', async () => {
  const ref = sc2.reference.sequence;
  const query = ref.slice(0, 5000) + 'RY' + ref.slice(5002);
  const a = await aligned('sc2', query.toLowerCase());
  assert.deepEqual(a.nonACGTNs.map((r) => [r.range.begin, r.character]), [[5000, 'R'], [5001, 'Y']]);
  assert.deepEqual(a.substitutions, []);
});

test('lower case, whitespace, digits and input gaps are cleaned like Nextclade FASTA input', async () => {
  const ref = sc2.reference.sequence;
  const messy = ref.slice(0, 100).toLowerCase() + ' \n12-.' + ref.slice(100);
  const a = await aligned('sc2', messy);
  assert.equal(a.alignedQuery, ref);
});

test('the reverse complement of a genome aligns as the genome, flagged (Loculus retries it)', async () => {
  const ref = sc2.reference.sequence;
  const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
  const forward = substitute(ref, [1000, 20_000]).slice(50, 29_800);
  const reverse = forward.split('').reverse().map((c) => complement[c]).join('');
  const a = await aligned('sc2', reverse);
  assert.equal(a.isReverseComplement, true);
  assert.deepEqual(a.substitutions.map((s) => s.pos), [1000, 20_000]);
  assert.deepEqual(a.alignmentRange, { begin: 50, end: 29_800 });
});

test('mpox (197 kb): planted substitutions, deletion and insertion are recovered', async () => {
  const ref = mpox.reference.sequence;
  let query = substitute(ref, [10_000, 100_000, 150_000]);
  query = query.slice(0, 120_000) + query.slice(120_012); // 12-nt deletion
  query = query.slice(0, 60_000) + 'TTTTTCCCGGG' + query.slice(60_000);
  const a = await aligned('mpox', query);
  assert.deepEqual(a.substitutions.map((s) => s.pos), [10_000, 100_000, 150_000]);
  assert.deepEqual(a.deletions, [{ range: { begin: 120_000, end: 120_012 } }]);
  // The reference continues with T, so the insertion can slide one base to the right; with the
  // mpox dataset's gapAlignmentSide "left" Nextclade puts ambiguous indels at the 3'-most place.
  assert.equal(formatInsertions(a.insertions), '60001:TTTTCCCGGGT');
  assert.equal(a.alignedQuery.length, ref.length);
});
