/**
 * One resilience scenario: a mock backend for the metadata-only organism, seeded entries, the
 * accepted-submission counter, and worker child processes pointed at it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startMockBackend, type MockBackend, type MockBackendOptions, type SeedEntry } from '../../src/mock-backend/index.js';
import { countAcceptedSubmissions, type AcceptedCounter } from './accepted.js';
import { METADATA_ORGANISM, writeMetadataConfig, type WrittenConfig } from './metadata-config.js';
import { WorkerProcess, type WorkerProcessOptions } from './worker-process.js';

export interface Scenario {
  mock: MockBackend;
  config: WrittenConfig;
  accepted: AcceptedCounter;
  workers: WorkerProcess[];
  /** Starts `prepro run` against the mock (backend and Keycloak host filled in). */
  startWorker(options?: Partial<WorkerProcessOptions>): WorkerProcess;
  /** Counts of the organism's entries by status, for the current pipeline version. */
  statuses(): { RECEIVED: number; IN_PROCESSING: number; PROCESSED: number };
  /** Polls until every entry is PROCESSED (throws with the state after `timeoutMs`). */
  waitAllProcessed(timeoutMs: number): Promise<void>;
  /** Stops every worker still running (SIGTERM, then SIGKILL) and the mock. */
  close(): Promise<void>;
}

export interface ScenarioOptions {
  entries: SeedEntry[];
  mock?: Partial<MockBackendOptions>;
  /** Extra YAML appended to the metadata-only config. */
  configExtra?: string;
}

export async function startScenario(options: ScenarioOptions): Promise<Scenario> {
  const config = writeMetadataConfig(options.configExtra);
  const mock = await startMockBackend({
    organisms: { [METADATA_ORGANISM]: config.organism },
    sweepIntervalSeconds: null,
    pipelineVersionUpgradeIntervalSeconds: null,
    ...options.mock,
  });
  mock.seed(METADATA_ORGANISM, options.entries);
  const accepted = countAcceptedSubmissions(mock);
  const workers: WorkerProcess[] = [];
  const statuses = () => mock.state().organisms[METADATA_ORGANISM]!.statuses;
  return {
    mock,
    config,
    accepted,
    workers,
    statuses,
    startWorker(o = {}) {
      const worker = new WorkerProcess({
        configFile: config.file,
        name: o.name ?? `worker-${workers.length + 1}`,
        ...o,
        flags: {
          'backend-host': mock.backendUrl(METADATA_ORGANISM),
          'keycloak-host': mock.url,
          'idle-poll-min-ms': 100,
          'idle-poll-max-ms': 500,
          ...o.flags,
        },
      });
      workers.push(worker);
      return worker;
    },
    async waitAllProcessed(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const s = statuses();
        if (s.RECEIVED === 0 && s.IN_PROCESSING === 0) return;
        await sleep(200);
      }
      const tails = workers.map((w) => `--- ${w.name} (exit ${w.child.exitCode ?? w.child.signalCode ?? 'running'})\n${w.tail(8)}`).join('\n');
      throw new Error(`not all entries processed within ${timeoutMs} ms: ${JSON.stringify(statuses())}\n${tails}`);
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop(20_000)));
      await mock.close();
      config.remove();
    },
  };
}
