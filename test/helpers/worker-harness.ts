/**
 * Test harness: a mock backend on 127.0.0.1 and a worker wired to it, both in this process.
 * The organism is metadata-only unless a config says otherwise.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/shared/logger.js';
import { createMetrics } from '../../src/server/metrics.js';
import { HealthState } from '../../src/server/health-state.js';
import { BackendClient } from '../../src/backend/client.js';
import { buildPipeline, type BuiltPipeline } from '../../src/pipeline/build.js';
import { startMockBackend, type MockBackend, type MockBackendOptions } from '../../src/mock-backend/index.js';
import type { OrganismSchema } from '../../src/contract/organism.js';
import { Worker, type WorkerOptions } from '../../src/worker/loop.js';
import type { ParsedConfig } from '../../src/config/schema.js';

export const METADATA_CONFIG = `
organism: meta
batch_size: 10
segments: []
processing_spec:
  country:
    function: identity
    inputs: {input: country}
    args: {type: string}
  age:
    function: identity
    inputs: {input: age}
    args: {type: int}
  ratio:
    function: identity
    inputs: {input: ratio}
    args: {type: float}
  date:
    function: check_date
    inputs: {date: date}
    args: {type: date}
  versionComment:
    function: identity
    inputs: {input: versionComment}
    args: null
`;

export function writeConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'prepro-test-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, text);
  return file;
}

/** Captures log lines (JSON) in memory. */
export function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  return { stream, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export interface Harness {
  mock: MockBackend;
  config: ParsedConfig;
  built: BuiltPipeline;
  logs: ReturnType<typeof logCapture>;
  metrics: ReturnType<typeof createMetrics>;
  health: HealthState;
  worker(overrides?: Partial<WorkerOptions>): Worker;
  close(): Promise<void>;
}

export async function startHarness(options: {
  configText?: string;
  flags?: Record<string, string>;
  mock?: Partial<MockBackendOptions>;
  /** Adjusts the organism the mock validates against (e.g. to make it stricter than the worker). */
  organism?: (derived: OrganismSchema) => OrganismSchema;
} = {}): Promise<Harness> {
  const file = writeConfig(options.configText ?? METADATA_CONFIG);
  const logs = logCapture();
  const loaded = loadConfig({ file, env: {}, flags: { idle_poll_min_ms: '20', idle_poll_max_ms: '200', ...options.flags } });
  const config = loaded.config;
  const logger = createLogger({ level: 'debug', destination: logs.stream as never });
  const built = await buildPipeline({ config, logger, threads: 1 });
  const organism = options.organism ? options.organism(built.organism) : built.organism;
  const mock = await startMockBackend({
    organisms: { [config.organism]: organism },
    sweepIntervalSeconds: null,
    pipelineVersionUpgradeIntervalSeconds: null,
    ...options.mock,
  });
  config.backend_host = mock.backendUrl(config.organism);
  config.keycloak_host = mock.url;
  const metrics = createMetrics({ defaultMetrics: false });
  const health = new HealthState();
  return {
    mock,
    config,
    built,
    logs,
    metrics,
    health,
    worker: (overrides = {}) =>
      new Worker({
        config,
        backend: new BackendClient({ config, logger, metrics, retry: { retries: 6, baseDelayMs: 20, maxDelayMs: 200 } }),
        pipeline: built.pipeline,
        logger,
        metrics,
        health,
        stopWhenIdle: true,
        ...overrides,
      }),
    close: async () => {
      await built.pipeline.close();
      await mock.close();
    },
  };
}

export function metadataEntries(count: number, make: (i: number) => Record<string, string> = () => ({})) {
  return Array.from({ length: count }, (_, i) => ({
    submissionId: `sub${i}`,
    metadata: { country: 'Switzerland', age: String(20 + (i % 50)), ratio: '1', date: '2021-03-04', ...make(i) },
    unalignedNucleotideSequences: {},
  }));
}

/** Every entry of the organism, with its stored row for the current version. */
export function storedRows(mock: MockBackend, organism: string) {
  const version = mock.store.currentVersion(organism);
  return mock.store.entries(organism).map((entry) => ({ entry, row: mock.store.row(entry.accession, entry.version, version) }));
}
