/**
 * Runs a worker against the configured backend until it stops (queue empty with `stopWhenIdle`,
 * a shutdown signal, or an outdated pipeline version), with signal handling in place, and closes
 * the pipeline afterwards. Returns the exit code and the worker (for its totals).
 */
import type { Logger } from 'pino';
import { BackendClient } from '../backend/client.js';
import type { ParsedConfig } from '../config/schema.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { HealthState } from '../server/health-state.js';
import type { Metrics } from '../server/metrics.js';
import { Worker } from './loop.js';
import { installShutdownHandlers } from './signals.js';

export async function runWorker(options: {
  config: ParsedConfig;
  pipeline: Pipeline;
  logger: Logger;
  metrics: Metrics;
  health: HealthState;
  stopWhenIdle?: boolean;
}): Promise<{ exitCode: number; worker: Worker }> {
  const { config, logger } = options;
  const backend = new BackendClient({ config, logger, metrics: options.metrics });
  const worker = new Worker({ ...options, backend });
  const removeHandlers = installShutdownHandlers(worker, { graceSeconds: config.shutdown_grace_seconds, logger });
  try {
    return { exitCode: await worker.run(), worker };
  } finally {
    removeHandlers();
    await options.pipeline.close();
  }
}
