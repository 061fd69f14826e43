/**
 * A fault scenario end to end: seed entries, start replicas with a short stale timeout on both
 * sides, let the test inject faults while they run, wait until every entry is processed, drain
 * the workers, and report what the mock saw.
 */
import { metadataEntries } from './entries.js';
import { startScenario, type Scenario } from './scenario.js';
import type { MockBackendOptions } from '../../src/mock-backend/index.js';
import type { WorkerProcess } from './worker-process.js';

/** Short enough that entries held by a dead stream come back within a test. */
export const TEST_STALE_TIMEOUT_SECONDS = 5;

export interface FaultRunOptions {
  entries: number;
  replicas?: number;
  batchSize?: number;
  flags?: Record<string, string | number | boolean>;
  mock?: Partial<MockBackendOptions>;
  /** Runs once the workers were started; may inject faults, now or later. */
  during?: (scenario: Scenario, workers: WorkerProcess[]) => void | Promise<void>;
  timeoutMs?: number;
}

export interface FaultRunResult {
  scenario: Scenario;
  workers: WorkerProcess[];
  exits: { code: number | null; signal: NodeJS.Signals | null }[];
}

export async function runWithFaults(options: FaultRunOptions): Promise<FaultRunResult> {
  const scenario = await startScenario({
    entries: metadataEntries(options.entries),
    mock: { staleTimeoutSeconds: TEST_STALE_TIMEOUT_SECONDS, sweepIntervalSeconds: 1, ...options.mock },
  });
  try {
    const workers = Array.from({ length: options.replicas ?? 2 }, () =>
      scenario.startWorker({
        flags: {
          'batch-size': options.batchSize ?? 100,
          'backend-stale-timeout-seconds': TEST_STALE_TIMEOUT_SECONDS,
          ...options.flags,
        },
      }),
    );
    await options.during?.(scenario, workers);
    await scenario.waitAllProcessed(options.timeoutMs ?? 90_000);
    const exits = await Promise.all(workers.map((w) => w.stop()));
    return { scenario, workers, exits };
  } catch (error) {
    await scenario.close();
    throw error;
  }
}

/** Log lines of every worker with this message. */
export function allLogs(workers: WorkerProcess[], msg: string) {
  return workers.flatMap((w) => w.logsWith(msg));
}
