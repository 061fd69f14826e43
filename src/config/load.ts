/**
 * Loads the preprocessing config with the reference's precedence:
 * CLI flags > PREPROCESSING_* environment > YAML file > defaults (preprocessing-config.md §1).
 * All layers are merged first, then validated once; every problem is reported at once.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../shared/errors.js';
import { ConfigSchema, STRUCTURED_KEYS, type ParsedConfig } from './schema.js';

export interface LoadedConfig {
  config: ParsedConfig;
  /** Absolute path of the YAML file, if one was read. */
  file: string | null;
  /** Top-level keys our schema does not know (the reference ignores them too). */
  unknownKeys: string[];
}

export interface LoadOptions {
  /** Path given with --config / --config-file. */
  file?: string | null;
  /** Scalar overrides from CLI flags, keyed by snake_case config key. */
  flags?: Record<string, string | boolean | number>;
  env?: NodeJS.ProcessEnv;
  /** Extra values applied below the CLI flags (e.g. the demo's embedded defaults). */
  overrides?: Record<string, unknown>;
}

const KNOWN_KEYS = new Set(Object.keys(ConfigSchema.shape));

/** Keys the reference model knows but we do not act on; accepted without a warning. */
const REFERENCE_ONLY_KEYS = new Set(['processing_order', 'embl']);

export function loadConfig(options: LoadOptions = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  const fileArg = options.file ?? env.PREPROCESSING_CONFIG_FILE ?? null;
  const file = fileArg ? resolve(fileArg) : null;

  let fromFile: Record<string, unknown> = {};
  if (file) fromFile = localiseFileLayer(readYamlFile(file), dirname(file));

  const fromEnv = environmentLayer(env, problems);
  const merged: Record<string, unknown> = { ...fromFile, ...fromEnv, ...options.overrides, ...options.flags };

  const parsed = ConfigSchema.safeParse(merged);
  if (!parsed.success) problems.push(...formatIssues(parsed.error));
  if (problems.length > 0) throw new ConfigError(problems);

  const config = parsed.data!;
  // Paths from the file were made relative to the file above; from flags and env (which can only
  // set the top-level server) they are relative to the working directory.
  config.nextclade_dataset_server = localPath(config.nextclade_dataset_server, process.cwd());
  if (!config.backend_host) config.backend_host = `http://127.0.0.1:8079/${config.organism}`;

  const unknownKeys = Object.keys(merged).filter((key) => !KNOWN_KEYS.has(key) && !REFERENCE_ONLY_KEYS.has(key));
  return { config, file, unknownKeys };
}

function readYamlFile(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`cannot read config file ${file}: ${(error as Error).message}`], 'PREPRO_CONFIG_UNREADABLE');
  }
  return parseConfigYaml(text, file);
}

/**
 * YAML 1.1 like PyYAML's safe_load: unquoted yes/no/on/off are booleans and unquoted dates are
 * dates (converted to yyyy-MM-dd strings by the schema), so option lists behave as in the reference.
 */
export function parseConfigYaml(text: string, source = 'config'): Record<string, unknown> {
  const document = YAML.parseDocument(text, { version: '1.1', schema: 'yaml-1.1', merge: true, uniqueKeys: false });
  if (document.errors.length > 0) {
    throw new ConfigError(
      document.errors.map((e) => `${source}: ${e.message.split('\n')[0]}`),
      'PREPRO_CONFIG_UNREADABLE',
    );
  }
  const value = document.toJS({ maxAliasCount: 1000 }) as unknown;
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError([`${source}: the top level must be a mapping of keys to values`], 'PREPRO_CONFIG_UNREADABLE');
  }
  return value as Record<string, unknown>;
}

/** PREPROCESSING_<KEY> variables, and PREPROCESSING_<KEY>_FILE for secrets mounted as files. */
function environmentLayer(env: NodeJS.ProcessEnv, problems: string[]): Record<string, unknown> {
  const layer: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('PREPROCESSING_') || value === undefined) continue;
    let key = name.slice('PREPROCESSING_'.length).toLowerCase();
    if (key === 'config_file') continue;
    let content: string = value;
    if (key.endsWith('_file') && !KNOWN_KEYS.has(key)) {
      key = key.slice(0, -'_file'.length);
      try {
        content = readFileSync(value, 'utf8').replace(/\r?\n$/, '');
      } catch (error) {
        problems.push(`${name}: cannot read ${value}: ${(error as Error).message}`);
        continue;
      }
    }
    if ((STRUCTURED_KEYS as readonly string[]).includes(key)) {
      problems.push(`${name}: '${key}' is structured and can only be set in the config file`);
      continue;
    }
    layer[key] = content;
  }
  return layer;
}

/** In the file layer, a relative local dataset directory is relative to the config file. */
function localiseFileLayer(layer: Record<string, unknown>, baseDir: string): Record<string, unknown> {
  const localise = (value: unknown) => (typeof value === 'string' ? localPath(value, baseDir) : value);
  const out = { ...layer };
  if ('nextclade_dataset_server' in out) out.nextclade_dataset_server = localise(out.nextclade_dataset_server);
  if (Array.isArray(out.segments)) {
    out.segments = out.segments.map((segment: unknown) => {
      if (!segment || typeof segment !== 'object' || !Array.isArray((segment as { references?: unknown }).references)) return segment;
      const references = ((segment as { references: unknown[] }).references).map((reference) => {
        if (!reference || typeof reference !== 'object' || !('nextclade_dataset_server' in reference)) return reference;
        return { ...reference, nextclade_dataset_server: localise((reference as { nextclade_dataset_server: unknown }).nextclade_dataset_server) };
      });
      return { ...segment, references };
    });
  }
  return out;
}

/** A relative local directory resolved against `baseDir`; URLs and absolute paths unchanged. */
function localPath(value: string, baseDir: string): string {
  return isLocalPath(value) && !isAbsolute(value) ? resolve(baseDir, value) : value;
}

export function isLocalPath(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
    return `${path}: ${issue.message}`;
  });
}

/** What is safe to log about a config: no secrets, no spec details beyond names and counts. */
export function configSummary(loaded: LoadedConfig): Record<string, unknown> {
  const { config } = loaded;
  const functions = new Set(Object.values(config.processing_spec).map((spec) => spec.function));
  return {
    file: loaded.file,
    organism: config.organism,
    pipelineVersion: config.pipeline_version,
    batchSize: config.batch_size,
    backendHost: config.backend_host,
    keycloakHost: config.keycloak_host,
    keycloakUser: config.keycloak_user,
    segments: config.segments.map((s) => s.name),
    alignmentRequirement: config.alignment_requirement,
    metadataFields: Object.keys(config.processing_spec).length,
    functions: [...functions].sort(),
  };
}
