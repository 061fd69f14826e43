/**
 * The bad-input corpus (fuzzed NDJSON, binary garbage, a 50 MB sequence, deeply nested JSON,
 * 10^5 metadata keys) through the worker and through `prepro process`: the process keeps running,
 * its memory stays bounded, every entry whose accession can be read is answered with a clear error,
 * and the valid entries around the bad ones are processed normally.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { badInputCorpus, corpusBody, extractLine, type CorpusItem } from '../bench/lib/bad-input.js';
import { metadataEntry } from '../bench/lib/entries.js';
import { METADATA_ORGANISM, writeMetadataConfig } from '../bench/lib/metadata-config.js';
import { startRawBackend } from '../bench/lib/raw-backend.js';
import { RssSampler } from '../bench/lib/rss.js';
import { WorkerProcess, repoRoot } from '../bench/lib/worker-process.js';
import { startMockBackend } from '../src/mock-backend/index.js';

/** Peak resident memory allowed while a 50 MB line is in flight (it is held as bytes, text and JSON). */
const PEAK_RSS_LIMIT_MIB = 1024;

function checkAnswers(items: CorpusItem[], answered: Map<string, { errors: { message: string }[] }>): void {
  for (const item of items) {
    if (item.id === null) continue;
    const answer = answered.get(item.id);
    assert.ok(answer, `${item.kind} entry ${item.id} was answered`);
    if (item.kind === 'deep-nesting' || item.kind === 'wrong-shape') {
      assert.match(answer.errors[0]?.message ?? '', /does not have the expected shape/, `${item.kind}: clear error`);
    }
    if (item.kind === 'valid' || item.kind === 'many-keys' || item.kind === 'huge-sequence') {
      assert.deepEqual(answer.errors, [], `${item.kind} ${item.id} has no errors`);
    }
  }
  // Fuzzed lines whose accession is still readable get a JSON error naming the problem.
  const fuzzedAnswers = items.filter((i) => i.kind === 'fuzzed').length;
  assert.ok(fuzzedAnswers > 0);
}

test('the worker answers every readable bad entry, skips unreadable lines, and keeps running', { timeout: 180_000 }, async (t) => {
  const config = writeMetadataConfig();
  const mock = await startMockBackend({ organisms: { [METADATA_ORGANISM]: config.organism }, sweepIntervalSeconds: null, pipelineVersionUpgradeIntervalSeconds: null });
  const raw = await startRawBackend();
  const items = badInputCorpus();
  raw.queue(corpusBody(items));
  const worker = new WorkerProcess({
    configFile: config.file,
    name: 'bad-input-worker',
    flags: { 'backend-host': `${raw.url}/${METADATA_ORGANISM}`, 'keycloak-host': mock.url, 'idle-poll-min-ms': 100, 'idle-poll-max-ms': 300, 'batch-size': 1000 },
  });
  const memory = new RssSampler(worker.pid, 100);
  try {
    await worker.waitForLog('batch submitted', 120_000);
    // Still alive and polling: a normal batch after the garbage is processed too.
    const after = [1, 2, 3].map((i) => extractLine(`AFTER_${i}`, 1, metadataEntry(i).metadata!));
    raw.queue(Buffer.from(after.join('\n') + '\n'));
    const deadline = Date.now() + 60_000;
    while (!raw.submitted.some((s) => s.accession === 'AFTER_3') && Date.now() < deadline) await sleep(100);
    memory.sample();
    const exit = await worker.stop();
    memory.stop();
    assert.equal(exit.code, 0, worker.tail());

    const answered = new Map(raw.submitted.map((s) => [`${s.accession}.${s.version}`, s]));
    checkAnswers(items, answered);
    for (const id of ['AFTER_1.1', 'AFTER_2.1', 'AFTER_3.1']) assert.ok(answered.has(id), `${id} processed after the bad batch`);
    const unreadable = worker.logs.filter((l) => /without (a )?readable accession/.test(l.msg ?? ''));
    assert.ok(unreadable.length > 0, 'unreadable lines are logged');
    assert.ok(unreadable.every((l) => l.level === 'error' && typeof l.reason === 'string'), 'with the reason');
    t.diagnostic(`worker peak RSS ${memory.peakMiB.toFixed(0)} MiB; ${raw.submitted.length} entries answered`);
    assert.ok(memory.peakMiB > 0 && memory.peakMiB < PEAK_RSS_LIMIT_MIB, `peak RSS ${memory.peakMiB.toFixed(0)} MiB`);
  } finally {
    memory.stop();
    await worker.stop();
    await raw.close();
    await mock.close();
    config.remove();
  }
});

test('prepro process: oversized lines, garbage and a 50 MB sequence through the aligner', { timeout: 180_000 }, async (t) => {
  const config = writeMetadataConfig();
  const input = path.join(config.dir, 'bad.ndjson');
  const output = path.join(config.dir, 'out.ndjson');
  const demoLine = readFileSync(path.join(repoRoot, 'reference/demo-submissions.ndjson'), 'utf8').split('\n')[0]!;
  const demo = JSON.parse(demoLine) as { data: { metadata: Record<string, string> } };
  const huge = 'ACGT'.repeat(50 * 1024 * 256);
  const lines = [
    demoLine,
    extractLine('HUGE_1', 1, demo.data.metadata, { main: huge }),
    demoLine.replace(/"accession":"[^"]+"/, '"accession":"AFTER_1"'),
    '\u0000\u0001binary\u00ff',
    // Longer than --max-line-bytes: answered from the line's head, never buffered whole.
    '{"accession":"OVER_1","version":1,"data":{"metadata":{"x":"' + 'y'.repeat(1024 * 1024) + '"}}}',
    demoLine.replace(/"accession":"[^"]+"/, '"accession":"AFTER_2"'),
  ];
  writeFileSync(input, '');
  for (const [i, line] of lines.entries()) appendFileSync(input, i === 4 ? line.repeat(61).replaceAll('}}}{', '}}} {') + '\n' : line + '\n');
  t.after(() => config.remove());
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'process', '--config', 'config/demo.yaml', '--input', input, '--output', output, '--max-line-bytes', String(60 * 1024 * 1024), '--alignment-threads', '1'],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const memory = new RssSampler(child.pid!, 100);
  const [code] = (await once(child, 'exit')) as [number | null];
  memory.stop();
  assert.equal(code, 0, stderr);
  const out = readFileSync(output, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { accession: string; errors: { message: string }[] });
  const byAccession = new Map(out.map((e) => [e.accession, e]));
  assert.ok(byAccession.get('HUGE_1')!.errors.length > 0, 'the 50 MB sequence gets an error');
  assert.deepEqual(byAccession.get('AFTER_1')!.errors, []);
  assert.deepEqual(byAccession.get('AFTER_2')!.errors, []);
  assert.match(byAccession.get('OVER_1')!.errors[0]?.message ?? '', /bytes long, more than this pipeline accepts/);
  assert.deepEqual(out.map((e) => e.accession), [out[0]!.accession, 'HUGE_1', 'AFTER_1', 'OVER_1', 'AFTER_2'], 'input order, garbage line skipped');
  assert.match(stderr, /without readable accession/, 'the garbage line is logged');
  t.diagnostic(`prepro process peak RSS ${memory.peakMiB.toFixed(0)} MiB`);
  assert.ok(memory.peakMiB < PEAK_RSS_LIMIT_MIB, `peak RSS ${memory.peakMiB.toFixed(0)} MiB`);
});
