/** AlignerPool behaviour: concurrency, per-item results, seed scores for segment choice, abort, close. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { AlignerPool } from '../../src/align/pool.js';
import { loadDataset, loadDatasetExamples } from '../../src/dataset/load.js';
import { nextcladeData } from './fixture-data.js';

test('two threads, several datasets: each item gets its own result, in any completion order', async () => {
  const datasets = {
    L: await loadDataset(path.join(nextcladeData, 'cchfv/L')),
    M: await loadDataset(path.join(nextcladeData, 'cchfv/M')),
    S: await loadDataset(path.join(nextcladeData, 'cchfv/S')),
  };
  const pool = await AlignerPool.create({ threads: 2, datasets });
  try {
    assert.equal(pool.threads, 2);
    const items: { key: 'L' | 'M' | 'S'; e: { name: string; sequence: string } }[] = [];
    for (const key of ['L', 'M', 'S'] as const) {
      for (const e of (await loadDatasetExamples(path.join(nextcladeData, `cchfv/${key}`))).slice(0, 4)) items.push({ key, e });
    }
    const outcomes = await Promise.all(items.map(({ key, e }) => pool.align(key, e.sequence)));
    outcomes.forEach((o, i) => {
      assert.ok(o.ok, o.ok ? '' : o.error);
      assert.equal(o.alignment.alignedQuery.length, datasets[items[i].key].reference.sequence.length);
    });
  } finally {
    await pool.close();
  }
});

test('score: seed cover picks the right segment, reverse complements included', async () => {
  const datasets = {
    L: await loadDataset(path.join(nextcladeData, 'cchfv/L')),
    M: await loadDataset(path.join(nextcladeData, 'cchfv/M')),
    S: await loadDataset(path.join(nextcladeData, 'cchfv/S')),
  };
  const pool = await AlignerPool.create({ threads: 1, datasets });
  try {
    const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
    for (const key of ['L', 'M', 'S'] as const) {
      const sample = (await loadDatasetExamples(path.join(nextcladeData, `cchfv/${key}`)))[0].sequence;
      for (const sequence of [sample, sample.toUpperCase().split('').reverse().map((c) => complement[c] ?? 'N').join('')]) {
        const scores = await Promise.all((['L', 'M', 'S'] as const).map(async (k) => [k, await pool.score(k, sequence)] as const));
        const best = scores.reduce((a, b) => (b[1].seedCover > a[1].seedCover ? b : a));
        assert.equal(best[0], key);
        assert.ok(best[1].seedCover > 0.3);
      }
    }
  } finally {
    await pool.close();
  }
});

test('abort while queued or running rejects that item only; close settles everything outstanding', async () => {
  const sc2 = await loadDataset(path.join(nextcladeData, 'sars-cov-2'));
  const pool = await AlignerPool.create({ threads: 1, datasets: { sc2 } });
  const controller = new AbortController();
  const first = pool.align('sc2', sc2.reference.sequence);
  const aborted = pool.align('sc2', sc2.reference.sequence, { signal: controller.signal });
  const queued = [1, 2, 3, 4].map(() => pool.align('sc2', sc2.reference.sequence));
  controller.abort(new Error('cancelled by test'));
  await assert.rejects(aborted, /cancelled by test/);
  assert.equal((await first).ok, true);
  for (const outcome of await Promise.all(queued)) assert.equal(outcome.ok, true);

  // Outstanding work at close: running items end as failed outcomes, queued ones reject.
  const outstanding = Promise.allSettled([1, 2, 3, 4, 5].map(() => pool.align('sc2', sc2.reference.sequence)));
  await pool.close();
  const settled = await outstanding;
  for (const s of settled) {
    if (s.status === 'rejected') assert.match(String(s.reason), /closed/);
    else assert.ok(s.value.ok || /thread stopped/.test(s.value.error));
  }
  await assert.rejects(pool.align('sc2', 'ACGT'), /closed/);
});
