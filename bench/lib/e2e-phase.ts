/**
 * One end-to-end benchmark phase: a mock backend seeded with `entries`, one `prepro run` child
 * process (as deployed) processing all of them, its RSS sampled every second, its 'batch
 * submitted' log lines collected.
 */
import { startMockBackend, type SeedEntry } from '../../src/mock-backend/index.js';
import type { OrganismSchema } from '../../src/contract/organism.js';
import { RssSampler } from './rss.js';
import { mean, quantile, rssSummary } from './stats.js';
import { WorkerProcess } from './worker-process.js';

export interface PhaseOptions {
  name: string;
  organismName: string;
  organism: OrganismSchema;
  configFile: string;
  entries: SeedEntry[];
  flags?: Record<string, string | number | boolean>;
  timeoutMs: number;
  /** Progress lines on stderr. */
  progress?: boolean;
}

export interface PhaseResult {
  name: string;
  entries: number;
  entriesPerSecond: number;
  /** From spawning the process to the last accepted entry (start-up and dataset load included). */
  wallSeconds: number;
  startupSeconds: number;
  batches: number;
  batchP50: number;
  batchP95: number;
  /** Mean seconds per batch in each stage (extract overlaps the previous batch, submit the next). */
  stageMeans: { extract: number; process: number; submit: number };
  /** Mean entries per batch (the adaptive batch size at work). */
  meanBatchEntries: number;
  rss: ReturnType<typeof rssSummary>;
  results: Record<string, number>;
  exitCode: number | null;
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const mock = await startMockBackend({
    organisms: { [options.organismName]: options.organism },
    sweepIntervalSeconds: null,
    pipelineVersionUpgradeIntervalSeconds: null,
    requestLogLimit: 10,
  });
  const store = mock.store;
  let firstClaimAt = 0;
  let lastAcceptAt = 0;
  let accepted = 0;
  const claim = store.claim.bind(store);
  store.claim = (organism, version, limit) => {
    const claimed = claim(organism, version, limit);
    if (claimed.length > 0 && firstClaimAt === 0) firstClaimAt = performance.now();
    return claimed;
  };
  const finish = store.finishProcessing.bind(store);
  store.finishProcessing = (row, result) => {
    finish(row, result);
    // Only counts matter here: do not keep gigabytes of aligned sequences in the benchmark's mock.
    row.processedData = null;
    accepted++;
    lastAcceptAt = performance.now();
  };
  mock.seed(options.organismName, options.entries);
  const total = options.entries.length;

  const spawnedAt = performance.now();
  const worker = new WorkerProcess({
    configFile: options.configFile,
    name: options.name,
    flags: { 'backend-host': mock.backendUrl(options.organismName), 'keycloak-host': mock.url, 'idle-poll-min-ms': 200, 'idle-poll-max-ms': 1000, ...options.flags },
    env: { PREPROCESSING_LOG_LEVEL: 'info' },
    compiled: true,
  });
  const sampler = new RssSampler(worker.pid, 1000);
  try {
    const deadline = Date.now() + options.timeoutMs;
    let lastReport = 0;
    while (accepted < total) {
      if (Date.now() > deadline) throw new Error(`${options.name}: ${accepted}/${total} entries after ${options.timeoutMs} ms\n${worker.tail()}`);
      if (worker.child.exitCode !== null) throw new Error(`${options.name}: worker exited (${worker.child.exitCode})\n${worker.tail()}`);
      if (options.progress && Date.now() - lastReport > Number(process.env.BENCH_PROGRESS_MS ?? 5000)) {
        lastReport = Date.now();
        process.stderr.write(`  ${options.name}: ${accepted}/${total} entries, RSS ${sampler.samples.at(-1)?.rssMiB.toFixed(0) ?? '?'} MiB\n`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    sampler.sample();
  } finally {
    sampler.stop();
  }
  const exit = await worker.stop();
  const state = mock.state().organisms[options.organismName]!;
  await mock.close();

  const batches = worker.logsWith('batch submitted');
  const batchSeconds = batches.map((b) => Number(b.extractSeconds) + Number(b.processSeconds) + Number(b.submitSeconds));
  return {
    name: options.name,
    entries: total,
    entriesPerSecond: total / ((lastAcceptAt - firstClaimAt) / 1000),
    wallSeconds: (lastAcceptAt - spawnedAt) / 1000,
    startupSeconds: (firstClaimAt - spawnedAt) / 1000,
    batches: batches.length,
    batchP50: quantile(batchSeconds, 0.5),
    batchP95: quantile(batchSeconds, 0.95),
    stageMeans: {
      extract: mean(batches.map((b) => Number(b.extractSeconds))),
      process: mean(batches.map((b) => Number(b.processSeconds))),
      submit: mean(batches.map((b) => Number(b.submitSeconds))),
    },
    meanBatchEntries: mean(batches.map((b) => Number(b.entries))),
    rss: rssSummary(sampler.samples.map((s) => s.rssMiB), sampler.peakMiB),
    results: state.processingResults,
    exitCode: exit.code,
  };
}
