/**
 * Prometheus metrics (conventions.md §2), on a dedicated registry so tests can build fresh ones.
 * No high-cardinality labels: never an accession, group or user id.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const PREFIX = 'loculus_preprocessing_';
const STAGE_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 900];
const REQUEST_BUCKETS = [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const SEQUENCE_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export type BatchOutcome =
  | 'submitted'
  | 'empty'
  | 'not_modified'
  | 'extract_failed'
  | 'process_failed'
  | 'submit_rejected'
  | 'submit_failed'
  | 'abandoned';

export type BackendEndpoint = 'extract' | 'submit' | 'token' | 'request_upload' | 'raw_reads';

export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const r = [registry];
  return {
    registry,
    buildInfo: new Gauge({ name: `${PREFIX}build_info`, help: 'Build and deployment information (always 1).', labelNames: ['version', 'pipeline_version', 'organism'], registers: r }),
    batches: new Counter({ name: `${PREFIX}batches_total`, help: 'Extract/process/submit cycles by outcome.', labelNames: ['outcome'], registers: r }),
    entries: new Counter({ name: `${PREFIX}entries_total`, help: 'Processed entries by result.', labelNames: ['result'], registers: r }),
    annotations: new Counter({ name: `${PREFIX}annotations_total`, help: 'Errors and warnings attached to entries.', labelNames: ['severity', 'category'], registers: r }),
    stageDuration: new Histogram({ name: `${PREFIX}batch_stage_duration_seconds`, help: 'Time per batch stage.', labelNames: ['stage'], buckets: STAGE_BUCKETS, registers: r }),
    batchEntries: new Histogram({ name: `${PREFIX}batch_entries`, help: 'Entries per extracted batch.', buckets: [0, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 5000], registers: r }),
    batchSize: new Gauge({ name: `${PREFIX}batch_size`, help: 'Number of entries currently requested per extract (adaptive).', registers: r }),
    batchSizeChanges: new Counter({ name: `${PREFIX}batch_size_adjustments_total`, help: 'Adaptive batch size changes.', labelNames: ['direction'], registers: r }),
    alignmentDuration: new Histogram({ name: `${PREFIX}sequence_alignment_duration_seconds`, help: 'Per-sequence alignment time.', labelNames: ['dataset'], buckets: SEQUENCE_BUCKETS, registers: r }),
    inProgress: new Gauge({ name: `${PREFIX}entries_in_progress`, help: 'Claimed entries in flight.', registers: r }),
    heartbeat: new Gauge({ name: `${PREFIX}loop_heartbeat_timestamp_seconds`, help: 'Last main loop iteration (unix seconds).', registers: r }),
    lastSubmit: new Gauge({ name: `${PREFIX}last_successful_submit_timestamp_seconds`, help: 'Last accepted submit (unix seconds).', registers: r }),
    backendRequests: new Counter({ name: `${PREFIX}backend_requests_total`, help: 'Backend and Keycloak calls by result class.', labelNames: ['endpoint', 'code_class'], registers: r }),
    backendDuration: new Histogram({ name: `${PREFIX}backend_request_duration_seconds`, help: 'Backend call latency.', labelNames: ['endpoint'], buckets: REQUEST_BUCKETS, registers: r }),
    retries: new Counter({ name: `${PREFIX}retries_total`, help: 'Retried operations.', labelNames: ['operation'], registers: r }),
    leaseOverrun: new Counter({ name: `${PREFIX}lease_overrun_total`, help: 'Batches older than the backend stale timeout when submitted or abandoned.', registers: r }),
    submitIsolations: new Counter({ name: `${PREFIX}submit_isolations_total`, help: 'Entries downgraded or dropped after a rejected submit.', labelNames: ['reason'], registers: r }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function codeClass(status: number | 'timeout' | 'network'): string {
  if (typeof status !== 'number') return status;
  return `${Math.floor(status / 100)}xx`;
}
