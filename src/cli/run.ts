/** `prepro run`: the long-running worker. */
import { loadConfig, configSummary } from '../config/load.js';
import { createLogger } from '../shared/logger.js';
import { createMetrics } from '../server/metrics.js';
import { HealthState } from '../server/health-state.js';
import { startHealthServer } from '../server/health-server.js';
import { buildPipeline } from '../pipeline/build.js';
import { runWorker } from '../worker/run-worker.js';
import { installShutdownHandlers } from '../worker/signals.js';
import type { ParsedArgs } from './flags.js';
import { VERSION } from './version.js';

export async function runCommand(args: ParsedArgs): Promise<number> {
  const loaded = loadConfig({ file: args.configFile, flags: args.configFlags });
  const { config } = loaded;
  const logger = createLogger({ level: process.env.PREPROCESSING_LOG_LEVEL ?? config.log_level, base: { version: VERSION, organism: config.organism, pipelineVersion: config.pipeline_version } });
  logger.info({ config: configSummary(loaded) }, 'configuration loaded');
  if (loaded.unknownKeys.length > 0) logger.debug({ keys: loaded.unknownKeys }, 'config keys not used by this pipeline were ignored (as the reference does)');

  const metrics = createMetrics();
  metrics.buildInfo.set({ version: VERSION, pipeline_version: String(config.pipeline_version), organism: config.organism }, 1);
  const health = new HealthState({ livenessWindowMs: Math.max(120_000, config.idle_poll_max_ms * 5) });
  health.set('config', true);
  const server = await startHealthServer(health, metrics, { port: config.health_port, host: config.health_host });
  logger.info({ url: server.url }, 'health and metrics server listening');

  const boot = new AbortController();
  const stopBoot = installShutdownHandlers({ stop: () => boot.abort() }, { graceSeconds: config.shutdown_grace_seconds, logger });
  let built;
  try {
    built = await buildPipeline({ config, logger, signal: boot.signal });
  } finally {
    stopBoot();
  }
  health.set('datasets', true);

  let outcome;
  try {
    outcome = await runWorker({ config, pipeline: built.pipeline, logger, metrics, health });
  } finally {
    await server.close();
  }
  const { exitCode, worker } = outcome;
  logger.info({ exitCode, ...worker.totals }, 'worker stopped');
  logger.flush?.();
  return exitCode;
}
