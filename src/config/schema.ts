/**
 * The preprocessing config: the reference pipeline's YAML, read unchanged
 * (preprocessing-config.md §2–4). One zod schema is the single source of truth.
 * Unknown keys are kept aside by the loader and logged; they never fail validation.
 */
import { z } from 'zod';

/** Python-style boolean spellings the reference's model accepts (conventions.md §5). */
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 't', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'f', 'n']);

export const Bool = z.union([
  z.boolean(),
  z.string().transform((text, ctx) => {
    const word = text.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    ctx.addIssue({ code: 'custom', message: `expected a boolean (true/false), got '${text}'` });
    return z.NEVER;
  }),
]);

/** Integer from YAML or from an env/CLI string; rejects "" and non-integers instead of coercing. */
export const Int = z.union([
  z.number().int(),
  z.string().transform((text, ctx) => {
    const trimmed = text.trim();
    if (!/^[+-]?\d+$/.test(trimmed)) {
      ctx.addIssue({ code: 'custom', message: `expected an integer, got '${text}'` });
      return z.NEVER;
    }
    return Number(trimmed);
  }),
]);

const PositiveInt = Int.pipe(z.number().int().min(1));
const Str = z.union([z.string(), z.number().transform(String)]);

export const ReferenceSchema = z.looseObject({
  name: Str.default('singleReference'),
  nextclade_dataset_name: Str.nullish(),
  nextclade_dataset_tag: Str.nullish(),
  nextclade_dataset_server: Str.nullish(),
  accepted_dataset_matches: z.array(Str).nullish(),
  genes: z.array(Str).nullish(),
  nextclade_additional_args: z.array(Str).nullish(),
});
export type ReferenceConfig = z.infer<typeof ReferenceSchema>;

export const SegmentSchema = z.looseObject({
  name: Str.default('main'),
  references: z.array(ReferenceSchema).nullish(),
});
export type SegmentConfig = z.infer<typeof SegmentSchema>;

/** A function argument value: string, number, bool, list of strings, or null. */
export const ArgValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

export const ProcessingSpecSchema = z.looseObject({
  inputs: z.record(z.string(), Str),
  function: z.string().default('identity'),
  args: z.record(z.string(), ArgValue).nullish(),
  required: Bool.default(false),
  required_when: z.array(Str).nullish(),
  no_input: Bool.default(false),
});
export type ProcessingSpec = z.infer<typeof ProcessingSpecSchema>;

export const AlignmentRequirement = z.enum(['ALL', 'ANY', 'NONE']);
export const ClassificationMethod = z.enum(['align', 'minimizer', 'diamond']);

export const ConfigSchema = z.looseObject({
  log_level: z.string().default('INFO'),
  keep_tmp_dir: Bool.default(false),
  batch_size: PositiveInt.default(5),
  pipeline_version: PositiveInt.default(1),
  backend_request_timeout_seconds: PositiveInt.default(30),
  backend_host: Str.default(''),
  keycloak_host: Str.default('http://127.0.0.1:8083'),
  keycloak_user: Str.default('preprocessing_pipeline'),
  keycloak_password: Str.default('preprocessing_pipeline'),
  keycloak_token_path: Str.default('realms/loculus/protocol/openid-connect/token'),
  organism: Str.default('mpox'),
  max_sequences_per_entry: Int.nullish(),
  segments: z.array(SegmentSchema).nullish().transform((s) => s ?? []),
  processing_spec: z
    .record(z.string(), ProcessingSpecSchema)
    .nullish()
    .transform((s) => s ?? {}),
  alignment_requirement: AlignmentRequirement.default('ALL'),
  segment_classification_method: ClassificationMethod.default('align'),
  nextclade_dataset_server: Str.default('https://data.clades.nextstrain.org/v3'),
  require_nextclade_sort_match: Bool.default(false),
  minimizer_url: Str.nullish(),
  diamond_dmnd_url: Str.nullish(),
  create_embl_file: Bool.default(false),
  scientific_name: Str.default('Orthonairovirus haemorrhagiae'),
  molecule_type: Str.default('genomic RNA'),
  topology: Str.default('linear'),
  db_name: Str.default('Loculus'),
  insdc_ingest_group_id: Int.default(1),
  taxonomy_service_url: Str.nullish(),
  raw_reads_processing_service_url: Str.nullish(),
  raw_reads_processing_service_timeout_seconds: PositiveInt.default(600),

  // --- loculus-prepro additions (not in the reference; all optional) ---
  /** Port of the health/metrics server; 0 picks a free port; absent = 9090. */
  health_port: Int.pipe(z.number().int().min(0).max(65535)).default(9090),
  /** Host the health server binds to. */
  health_host: Str.default('0.0.0.0'),
  /** Worker threads for alignment; 0 = number of cores. */
  alignment_threads: Int.pipe(z.number().int().min(0)).default(0),
  /** Directory where datasets downloaded from a dataset server are cached. */
  dataset_cache_dir: Str.default('.cache/datasets'),
  /** Backend stale timeout we assume when sizing batches (backend-contract.md §7.2). */
  backend_stale_timeout_seconds: PositiveInt.default(600),
  /** Longest accepted NDJSON line of the extract stream, in bytes. */
  max_line_bytes: PositiveInt.default(64 * 1024 * 1024),
  /** Idle poll delay when the queue is empty, in milliseconds (doubles up to the max). */
  idle_poll_min_ms: PositiveInt.default(1000),
  idle_poll_max_ms: PositiveInt.default(10000),
  /** Grace period for SIGTERM drain, in seconds. */
  shutdown_grace_seconds: PositiveInt.default(25),
  /** Upper bound of the adaptive batch size; absent = 10 × batch_size. */
  max_batch_size: PositiveInt.nullish(),
  /** Resident memory the adaptive batch size keeps under (MiB): over it, batches halve (not below 10). */
  memory_budget_mb: PositiveInt.default(320),
  /** Batch wall time the adaptive batch size aims at; absent = min(60 s, stale timeout / 10). */
  batch_target_seconds: PositiveInt.nullish(),
  /** Exit with a non-zero code when the backend says our pipeline version is outdated. */
  exit_on_outdated_version: Bool.default(true),
});

export type ConfigInput = z.input<typeof ConfigSchema>;
export type ParsedConfig = z.infer<typeof ConfigSchema>;

/** Keys whose values come from files only (structured), refused from env and CLI. */
export const STRUCTURED_KEYS = ['segments', 'processing_spec', 'embl'] as const;
