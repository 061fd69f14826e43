/**
 * `npm run bench`: the worker end to end, as deployed — a `prepro run` child process against the
 * mock backend on this machine — for SARS-CoV-2 with full processing (Helm-style config, local
 * Nextclade dataset) and for a metadata-only organism. Prints a table; asserts nothing.
 *
 *   npm run bench                                   # 5,000 SARS-CoV-2 (worker defaults, then batch fixed at 50)
 *                                                   # + 50,000 metadata-only entries
 *   npm run bench -- --sars 50000 --meta 0 --capped-batch 0 --max-batch-size 100
 *                                                   # RSS over 50,000 SARS-CoV-2 entries
 *   npm run bench -- --threads 2 --batch-size 100 --max-batch-size 200
 *
 * Targets (issue 6): >= 200 SARS-CoV-2 entries/s end to end; RSS flat after warm-up and < 400 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { metadataEntries } from './lib/entries.js';
import { METADATA_ORGANISM, writeMetadataConfig } from './lib/metadata-config.js';
import { runPhase, type PhaseResult } from './lib/e2e-phase.js';
import { sarsEntries, writeSarsConfig } from './lib/sars-cov-2.js';


// The worker runs as deployed: the compiled CLI in dist/ (built now, so it matches the sources).
const build = spawnSync('npm', ['run', 'build:ts'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build:ts failed');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const sarsCount = option('sars', 5000);
const metaCount = option('meta', 50_000);
const threads = option('threads', 0);
const batchSize = option('batch-size', 0);
const maxBatchSize = option('max-batch-size', 0);
/** Second SARS-CoV-2 run with the batch size fixed at this (0 = skip). */
const cappedBatch = option('capped-batch', 50);

function workerFlags(): Record<string, number> {
  const flags: Record<string, number> = {};
  if (threads) flags['alignment-threads'] = threads;
  if (batchSize) flags['batch-size'] = batchSize;
  if (maxBatchSize) flags['max-batch-size'] = maxBatchSize;
  return flags;
}

function row(r: PhaseResult): string {
  const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const results = `${r.results.NO_ISSUES ?? 0}/${r.results.HAS_WARNINGS ?? 0}/${r.results.HAS_ERRORS ?? 0}`;
  return `| ${r.name} | ${r.entries} | **${fmt(r.entriesPerSecond)}** | ${fmt(r.startupSeconds, 1)} | ${fmt(r.wallSeconds, 1)} | ${r.batches} | ${fmt(r.batchP50, 2)} / ${fmt(r.batchP95, 2)} | ${fmt(r.rss.peak)} | ${fmt(r.rss.steady)} | ${r.rss.flat === null ? `n/a (${r.rss.samples} samples)` : `${r.rss.flat ? 'yes' : 'no'} (${r.rss.growth >= 0 ? '+' : ''}${fmt(r.rss.growth)})`} | ${results} | ${r.exitCode} |`;
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(path.join(tmpdir(), 'prepro-bench-'));
  const results: PhaseResult[] = [];
  try {
    if (sarsCount > 0) {
      process.stderr.write(`SARS-CoV-2: ${sarsCount} entries, full processing...\n`);
      const sars = await writeSarsConfig(dir);
      results.push(
        await runPhase({
          name: 'SARS-CoV-2, full processing',
          organismName: 'sars-cov-2',
          organism: sars.organism,
          configFile: sars.file,
          entries: sarsEntries(sarsCount),
          flags: workerFlags(),
          timeoutMs: Math.max(300_000, sarsCount * 50),
          progress: true,
        }),
      );
    }
    if (sarsCount > 0 && cappedBatch > 0) {
      // The same run with the adaptive batch size held at a small size: memory follows the batch size.
      process.stderr.write(`SARS-CoV-2: ${sarsCount} entries, batches capped at ${cappedBatch}...\n`);
      const sars = await writeSarsConfig(dir);
      results.push(
        await runPhase({
          name: `SARS-CoV-2, full processing, batch ${cappedBatch} fixed`,
          organismName: 'sars-cov-2',
          organism: sars.organism,
          configFile: sars.file,
          entries: sarsEntries(sarsCount),
          flags: { ...workerFlags(), 'batch-size': cappedBatch, 'max-batch-size': cappedBatch },
          timeoutMs: Math.max(300_000, sarsCount * 50),
          progress: true,
        }),
      );
    }
    if (metaCount > 0) {
      process.stderr.write(`metadata-only: ${metaCount} entries...\n`);
      const meta = writeMetadataConfig();
      results.push(
        await runPhase({
          name: 'metadata only',
          organismName: METADATA_ORGANISM,
          organism: meta.organism,
          configFile: meta.file,
          entries: metadataEntries(metaCount),
          flags: workerFlags(),
          timeoutMs: Math.max(300_000, metaCount * 20),
          progress: true,
        }),
      );
      meta.remove();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  process.stdout.write(`\nloculus-prepro end to end: one \`prepro run\` process against the mock backend (same machine)\n`);
  process.stdout.write(`machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${process.platform}/${process.arch}\n`);
  process.stdout.write(`load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadavg()[0]!.toFixed(2)} — the mock backend and this script share the cores with the worker\n`);
  process.stdout.write(`worker flags: ${JSON.stringify(workerFlags())} (defaults: config batch_size, alignment_threads = cores)\n\n`);
  process.stdout.write('| workload | entries | entries/s | start-up s | wall s | batches | batch p50 / p95 s | peak RSS MiB | steady RSS MiB | RSS flat (growth MiB) | ok/warn/err | exit |\n');
  process.stdout.write('|---|---|---|---|---|---|---|---|---|---|---|---|\n');
  for (const r of results) process.stdout.write(`${row(r)}\n`);
  process.stdout.write('\n| workload | mean entries per batch | mean extract / process / submit s per batch |\n|---|---|---|\n');
  for (const r of results) {
    const m = r.stageMeans;
    process.stdout.write(`| ${r.name} | ${r.meanBatchEntries.toFixed(0)} | ${m.extract.toFixed(2)} / ${m.process.toFixed(2)} / ${m.submit.toFixed(2)} |\n`);
  }
  process.stdout.write('\nentries/s: first claim to last accepted submit. start-up: process spawn to first claim (config, dataset, threads).\n');
  process.stdout.write('steady RSS: median of the second half of 1 s samples; flat: last-quarter median within 10 % (min 16 MiB) of the second-quarter median.\n');
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
