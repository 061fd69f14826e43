/**
 * `prepro demo` (what `npm start` runs): the mock backend seeded with the built-in demo organism
 * and its submissions, the worker processing all of them, a summary, exit 0.
 */
import { join } from 'node:path';
import { packageRoot } from '../shared/package-root.js';
import { loadConfig } from '../config/load.js';
import { createLogger } from '../shared/logger.js';
import { createMetrics } from '../server/metrics.js';
import { HealthState } from '../server/health-state.js';
import { buildPipeline } from '../pipeline/build.js';
import { seedEntriesFromFiles, startMockBackend } from '../mock-backend/index.js';
import { runWorker } from '../worker/run-worker.js';
import { summariseDemo, formatDemoSummary } from './demo-summary.js';
import type { ParsedArgs } from './flags.js';

export async function demoCommand(args: ParsedArgs): Promise<number> {
  const started = performance.now();
  const root = packageRoot();
  const configFile = args.configFile ?? join(root, 'config', 'demo.yaml');
  const seedFile = join(root, 'reference', 'demo-submissions.ndjson');
  const loaded = loadConfig({ file: configFile, flags: args.configFlags, overrides: { health_port: 0, idle_poll_min_ms: 100 } });
  const { config } = loaded;
  const logger = createLogger({ level: process.env.PREPROCESSING_LOG_LEVEL ?? 'warn', base: { organism: config.organism } });

  process.stdout.write(`loculus-prepro demo: organism ${config.organism}, config ${configFile}\n`);
  const threads = args.options.threads ? Number(args.options.threads[0]) : undefined;
  const built = await buildPipeline({ config, logger, threads });
  const mock = await startMockBackend({ organisms: { [config.organism]: built.organism }, staleTimeoutSeconds: 600 });
  const seeded = mock.seed(config.organism, seedEntriesFromFiles([seedFile]));
  process.stdout.write(`mock backend at ${mock.url} seeded with ${seeded.length} submissions; processing...\n`);

  config.backend_host = mock.backendUrl(config.organism);
  config.keycloak_host = mock.url;
  const metrics = createMetrics({ defaultMetrics: false });
  const health = new HealthState();
  const { exitCode, worker } = await runWorker({ config, pipeline: built.pipeline, logger, metrics, health, stopWhenIdle: true });
  const summary = summariseDemo(mock, config.organism, seeded.length, worker.totals, (performance.now() - started) / 1000);
  await mock.close();
  process.stdout.write(formatDemoSummary(summary));
  if (exitCode !== 0) return exitCode;
  return summary.unprocessed === 0 ? 0 : 1;
}
