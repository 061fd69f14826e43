/**
 * `npm run bench:align`: alignment throughput and memory, with minimap2 as the yardstick.
 *
 *  - SARS-CoV-2: the dataset's 127 example genomes repeated to >= 1000; single thread (core only,
 *    and through the pool with analysis) and all threads; minimap2 -x asm20 -t 1 on the same input.
 *  - mpox: the 13 example genomes (197 kb); seq/s and peak RSS of a separate process.
 *
 * minimap2 is timed only if it is on PATH (Debian/Ubuntu: `apt-get install minimap2`).
 * Prints figures; asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignerPool } from '../src/align/pool.js';
import { gapOpenMap } from '../src/align/gap-open.js';
import { NucAligner } from '../src/align/wasm.js';
import { loadDataset, loadDatasetExamples, type LoadedDataset } from '../src/dataset/load.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.resolve(repoRoot, '../shared/data/nextclade');

type Seq = { name: string; sequence: string };

function repeatTo(examples: Seq[], atLeast: number): Seq[] {
  const out: Seq[] = [];
  for (let round = 0; out.length < atLeast; round++) {
    for (const e of examples) out.push({ name: `${e.name}#${round}`, sequence: e.sequence });
  }
  return out;
}

/** Throughput by wall clock and by CPU time (the latter is robust when other jobs share the cores). */
interface Rate {
  wall: number;
  cpu: number;
}

function rate(count: number, wallMs: number, cpuMicros: number): Rate {
  return { wall: count / (wallMs / 1000), cpu: count / (cpuMicros / 1e6) };
}

function coreOnly(dataset: LoadedDataset, seqs: Seq[]): Rate {
  const aligner = new NucAligner();
  const params = { ...dataset.alignParams, retryReverseComplement: true };
  const id = aligner.addReference(dataset.reference.sequence, gapOpenMap(dataset.reference.sequence.length, dataset.annotation, params), params);
  for (const s of seqs.slice(0, 20)) aligner.align(id, s.sequence); // warm-up
  const started = performance.now();
  const cpu = process.cpuUsage();
  let failed = 0;
  for (const s of seqs) if (!aligner.align(id, s.sequence).ok) failed++;
  const used = process.cpuUsage(cpu);
  const result = rate(seqs.length, performance.now() - started, used.user + used.system);
  if (failed > 0) console.log(`  (${failed} failed)`);
  return result;
}

async function throughPool(dataset: LoadedDataset, seqs: Seq[], threads: number): Promise<Rate> {
  const pool = await AlignerPool.create({ threads, datasets: { d: dataset } });
  try {
    await Promise.all(seqs.slice(0, 10 * threads).map((s) => pool.align('d', s.sequence))); // warm-up
    const started = performance.now();
    const cpu = process.cpuUsage(); // process-wide: includes the worker threads
    const outcomes = await Promise.all(seqs.map((s) => pool.align('d', s.sequence)));
    const used = process.cpuUsage(cpu);
    const result = rate(seqs.length, performance.now() - started, used.user + used.system);
    const failed = outcomes.filter((o) => !o.ok).length;
    if (failed > 0) console.log(`  (${failed} failed)`);
    return result;
  } finally {
    await pool.close();
  }
}

function hasMinimap2(): boolean {
  return spawnSync('minimap2', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** minimap2 on the same sequences (wall and, with GNU time, CPU seconds); null when not installed. */
function minimap2(reference: Seq, seqs: Seq[]): { rate: Rate; maxRssMb: number } | null {
  if (!hasMinimap2()) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-align-'));
  try {
    const ref = path.join(dir, 'ref.fa');
    const qry = path.join(dir, 'query.fa');
    writeFileSync(ref, `>${reference.name}\n${reference.sequence}\n`);
    writeFileSync(qry, seqs.map((s, i) => `>q${i}\n${s.sequence}\n`).join(''));
    const args = ['-a', '-x', 'asm20', '--score-N=0', '--secondary=no', '-t', '1', ref, qry];
    // GNU time reports the peak RSS when available; the SAM output is discarded in the pipe buffer.
    const timed = existsSync('/usr/bin/time');
    const started = performance.now();
    const run = timed
      ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', 'minimap2', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
      : spawnSync('minimap2', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`minimap2 failed: ${run.stderr.slice(-300)}`);
    const [maxRssKb, user, system] = timed ? run.stderr.trim().split('\n').pop()!.split(' ').map(Number) : [Number.NaN, Number.NaN, Number.NaN];
    const cpuSeconds = timed ? user + system : seconds;
    return { rate: rate(seqs.length, seconds * 1000, cpuSeconds * 1e6), maxRssMb: maxRssKb / 1024 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => n.toFixed(1);
const show = (r: Rate) => `${fmt(r.wall)} seq/s wall, ${fmt(r.cpu)} seq/CPU-s`;

async function mpoxChild(): Promise<void> {
  const dataset = await loadDataset(path.join(data, 'mpox'));
  const seqs = await loadDatasetExamples(path.join(data, 'mpox'));
  const measured = await throughPool(dataset, seqs, 1);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ rate: measured, peakMb, count: seqs.length }));
}

async function main(): Promise<void> {
  if (process.argv.includes('--mpox-child')) return mpoxChild();
  const cores = availableParallelism();
  console.log(`bench:align — Node ${process.version}, ${cores} cores`);

  const sc2 = await loadDataset(path.join(data, 'sars-cov-2'));
  const sc2Seqs = repeatTo(await loadDatasetExamples(path.join(data, 'sars-cov-2')), 1000);
  console.log(`\nSARS-CoV-2: ${sc2Seqs.length} genomes (127 examples repeated)`);
  const mm = minimap2({ name: sc2.reference.name, sequence: sc2.reference.sequence }, sc2Seqs);
  const core1 = coreOnly(sc2, sc2Seqs);
  console.log(`  ours, 1 thread, alignment only:              ${show(core1)}`);
  const pool1 = await throughPool(sc2, sc2Seqs, 1);
  console.log(`  ours, 1 pool thread, alignment + analysis:   ${show(pool1)}`);
  const poolN = await throughPool(sc2, sc2Seqs, cores);
  console.log(`  ours, ${cores} pool threads, alignment + analysis:  ${show(poolN)}`);
  if (mm) {
    console.log(`  minimap2 -x asm20 -t 1:                      ${show(mm.rate)} (peak RSS ${fmt(mm.maxRssMb)} MB)`);
    const ratio = (a: Rate, b: Rate) => `${(a.wall / b.wall).toFixed(2)} (wall), ${(a.cpu / b.cpu).toFixed(2)} (CPU)`;
    console.log(`  ratio ours/minimap2, single thread, alignment only: ${ratio(core1, mm.rate)}`);
    console.log(`  ratio ours/minimap2, single thread, with analysis:  ${ratio(pool1, mm.rate)}`);
  } else {
    console.log('  minimap2 not on PATH: skipped (apt-get install minimap2)');
  }

  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--mpox-child'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`mpox run failed: ${child.stderr.slice(-500)}`);
  const mpox = JSON.parse(child.stdout) as { rate: Rate; peakMb: number; count: number };
  console.log(`\nmpox: ${mpox.count} genomes (197 kb)`);
  console.log(`  ours, 1 pool thread, alignment + analysis:   ${show(mpox.rate)}, peak RSS ${fmt(mpox.peakMb)} MB (whole process)`);
  const mpoxDataset = await loadDataset(path.join(data, 'mpox'));
  const mm2 = minimap2({ name: mpoxDataset.reference.name, sequence: mpoxDataset.reference.sequence }, await loadDatasetExamples(path.join(data, 'mpox')));
  if (mm2) console.log(`  minimap2 -x asm20 -t 1:                      ${show(mm2.rate)} (peak RSS ${fmt(mm2.maxRssMb)} MB)`);
}

await main();
