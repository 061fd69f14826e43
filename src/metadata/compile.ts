/**
 * Compiles a `processing_spec` once at startup into a plan the per-entry engine runs without
 * further lookups: functions resolved, args validated and prepared (regexes, option tables),
 * inputs classified, `processed.` dependencies ordered. Every problem is collected and thrown as
 * one ConfigError (preprocessing-config.md §3.2; unknown functions are refused here, §10 #12).
 */
import type { AnnotationSource } from '../contract/entries.js';
import type { ParsedConfig, ProcessingSpec } from '../config/schema.js';
import { backendTypeOf, type BackendType } from './backend-type.js';
import { ConfigError } from '../shared/errors.js';
import { PROCESSING_FUNCTIONS, TAXONOMY_FUNCTIONS } from './functions/registry.js';
import { compileNextcladePath, type NextcladePath } from './nextclade-input.js';
import { processingOrder } from './order.js';
import { recordBuilder, type RecordBuilder } from './record-builder.js';
import { createTaxonomyClient, type TaxonomyClient } from './taxonomy.js';
import type { Args, ProcessingFunction } from './types.js';

export type InputSource =
  | { kind: 'raw'; key: string }
  | { kind: 'processed'; field: string; /** Position of the field in `keys`. */ index: number }
  | { kind: 'nextclade'; path: NextcladePath }
  | { kind: 'assignedReference' };

export interface CompiledInput {
  argName: string;
  /** The path as written in the config. */
  written: string;
  source: InputSource;
}

export type RequiredCondition =
  | { kind: 'files'; category: string }
  | { kind: 'processed'; field: string; index: number }
  | { kind: 'raw'; key: string };

export interface CompiledField {
  name: string;
  /** Position in `keys`: processed values are kept in an array in that order. */
  index: number;
  functionName: string;
  fn: ProcessingFunction<unknown>;
  plan: unknown;
  args: Args;
  inputs: CompiledInput[];
  /** The input object handed to the function, from the input values in `inputs` order. */
  buildInputs: RecordBuilder;
  /** The function takes the only input as a plain value (`runValue`), see ProcessingFunction. */
  direct: boolean;
  required: boolean;
  requiredWhen: RequiredCondition[];
  /** Backticked names listed in the "is required" message, empty when none differs from the field. */
  userInputPaths: string[];
  /** `length` / `length_<segment>` fields: the segment whose sequence length is the value. */
  lengthOfSegment: string | null;
  /** Segment and reference selecting the sequence for `nextclade.*` / `ASSIGNED_REFERENCE`. */
  segment: string;
  reference: string | null;
  backendType: BackendType | null;
  /** Annotation sources of function messages: resolved input paths (`processed.` removed). */
  functionSources: AnnotationSource[];
  /** Annotation sources of required messages: inputs as written. */
  requiredSources: AnnotationSource[];
  processedSources: AnnotationSource[];
}

export interface CompiledSpec {
  organism: string;
  insdcIngestGroupId: number;
  /** Fields in processing order. */
  fields: CompiledField[];
  /** Output keys in config order. */
  keys: string[];
  /** The fields in config order (parallel to `keys`). */
  fieldsByKey: CompiledField[];
  /** The metadata object of an entry from its values in `keys` order. */
  buildMetadata: RecordBuilder;
  /** True when a function may wait on the network. */
  hasAsync: boolean;
  taxonomy: TaxonomyClient | null;
}

export interface CompileOptions {
  /** Overrides the client built from `taxonomy_service_url` (tests). */
  taxonomy?: TaxonomyClient | null;
}

const FILE_CATEGORIES = new Set(['rawReads', 'annotations']);

function classifyInput(path: string): InputSource {
  if (path.startsWith('processed.')) return { kind: 'processed', field: path.slice('processed.'.length), index: -1 };
  if (path.startsWith('nextclade.')) return { kind: 'nextclade', path: compileNextcladePath(path.slice('nextclade.'.length)) };
  if (path === 'ASSIGNED_REFERENCE') return { kind: 'assignedReference' };
  return { kind: 'raw', key: path };
}

function classifyCondition(condition: string): RequiredCondition {
  if (condition.startsWith('files.')) return { kind: 'files', category: condition.slice('files.'.length) };
  if (condition.startsWith('processed.')) return { kind: 'processed', field: condition.slice('processed.'.length), index: -1 };
  return { kind: 'raw', key: condition };
}

const metadataSource = (name: string): AnnotationSource => ({ name, type: 'Metadata' });

/** Paths the submitter can fill in: listed in the "is required" message (§3.9). */
function userInputPaths(field: string, inputs: string[], spec: Record<string, ProcessingSpec>): string[] {
  const user = inputs.filter((path) => {
    const specOfPath = spec[path.startsWith('processed.') ? path.slice('processed.'.length) : path];
    if (specOfPath) return !specOfPath.no_input;
    return !path.startsWith('nextclade.') && path !== 'ASSIGNED_REFERENCE';
  });
  return user.some((path) => path !== field) ? user : [];
}

export function compileProcessingSpec(config: ParsedConfig, options: CompileOptions = {}): CompiledSpec {
  const spec = config.processing_spec;
  const keys = Object.keys(spec);
  const segments = new Set(config.segments.map((segment) => segment.name));
  const problems: string[] = [];
  const fields = new Map<string, CompiledField>();
  const dependencies = new Map<string, Set<string>>();
  let needsTaxonomy = false;

  for (const name of keys) {
    const fieldSpec = spec[name];
    const args: Args = { ...(fieldSpec.args ?? {}) };
    const requiredWhen = (fieldSpec.required_when ?? []).map(String);
    const inputPaths = Object.entries(fieldSpec.inputs).map(([argName, path]) => [argName, String(path)] as const);
    const deps = new Set<string>();

    if (fieldSpec.required && requiredWhen.length > 0) {
      problems.push(`invalid configuration: field '${name}' sets both 'required: true' and 'requiredWhen'. This is not allowed.`);
    }
    for (const condition of requiredWhen) {
      const parsed = classifyCondition(condition);
      if (parsed.kind === 'files' && !FILE_CATEGORIES.has(parsed.category)) {
        problems.push(`invalid configuration: field '${name}' has a requiredWhen condition referencing non-existing file category '${parsed.category}'.`);
      }
      if (condition === name || condition === `processed.${name}`) problems.push(`invalid configuration: field '${name}' lists itself in \`requiredWhen\``);
      else if (parsed.kind === 'processed') deps.add(parsed.field);
    }
    for (const [, path] of inputPaths) if (path.startsWith('processed.')) deps.add(path.slice('processed.'.length));
    for (const dep of deps) {
      if (!(dep in spec)) problems.push(`invalid configuration: metadata field '${name}' requested non-existing field '${dep}' as input or as a requiredWhen condition.`);
    }
    dependencies.set(name, new Set([...deps].filter((dep) => dep in spec)));

    const fn = PROCESSING_FUNCTIONS.get(fieldSpec.function);
    const isLengthField = name === 'length' || (name.startsWith('length_') && segments.has(name.slice('length_'.length)));
    if (!fn) {
      if (!isLengthField) problems.push(`invalid configuration: field '${name}' uses unknown function '${fieldSpec.function}'.`);
    } else if (!isLengthField) {
      if (TAXONOMY_FUNCTIONS.has(fn.name)) needsTaxonomy = true;
      if (TAXONOMY_FUNCTIONS.has(fn.name) && !config.taxonomy_service_url && options.taxonomy === undefined) {
        problems.push(`invalid configuration: field '${name}' uses function '${fn.name}', which needs the taxonomy service, but taxonomy_service_url is not configured.`);
      }
    }
    let plan: unknown = null;
    if (fn && !isLengthField) {
      const prepared = fn.prepare(args, name, inputPaths.map(([argName]) => argName));
      plan = prepared.plan;
      for (const problem of prepared.problems) problems.push(`invalid configuration: field '${name}' (function ${fn.name}): ${problem}`);
    }

    const segment = args.segment === undefined || args.segment === null ? 'main' : String(args.segment);
    const inputs: CompiledInput[] = inputPaths.map(([argName, written]) => ({ argName, written, source: classifyInput(written) }));
    fields.set(name, {
      name,
      index: keys.indexOf(name),
      functionName: fieldSpec.function,
      fn: fn ?? PROCESSING_FUNCTIONS.get('identity')!,
      plan,
      args,
      inputs,
      buildInputs: recordBuilder(inputs.map((input) => input.argName)),
      direct: fn !== undefined && fn.runValue !== undefined && inputs.length === 1 && inputs[0].argName === fn.singleInput,
      required: Boolean(fieldSpec.required),
      requiredWhen: requiredWhen.map(classifyCondition),
      userInputPaths: userInputPaths(name, inputPaths.map(([, path]) => path), spec),
      lengthOfSegment: isLengthField ? (name === 'length' ? segment : name.slice('length_'.length)) : null,
      segment,
      reference: args.reference === undefined || args.reference === null ? null : String(args.reference),
      backendType: backendTypeOf(args.type),
      functionSources: inputPaths.map(([, path]) => metadataSource(path.startsWith('processed.') ? path.slice('processed.'.length) : path)),
      requiredSources: inputPaths.map(([, path]) => metadataSource(path)),
      processedSources: [metadataSource(name)],
    });
  }

  const order = processingOrder(keys, dependencies);
  if (!order.ok) {
    problems.push(
      `invalid configuration: computation of metadata processing order resulted in a Cycle error: ('nodes are in a cycle', [${order.cycle.map((field) => `'${field}'`).join(', ')}])`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const ordered = (order.ok ? order.order : keys).map((name) => fields.get(name)!);
  for (const field of ordered) {
    for (const input of field.inputs) if (input.source.kind === 'processed') input.source.index = keys.indexOf(input.source.field);
    for (const condition of field.requiredWhen) if (condition.kind === 'processed') condition.index = keys.indexOf(condition.field);
  }
  let taxonomy: TaxonomyClient | null = options.taxonomy ?? null;
  if (options.taxonomy === undefined && needsTaxonomy && config.taxonomy_service_url) {
    taxonomy = createTaxonomyClient({ baseUrl: config.taxonomy_service_url });
  }
  return {
    organism: config.organism,
    insdcIngestGroupId: config.insdc_ingest_group_id,
    fields: ordered,
    keys,
    fieldsByKey: keys.map((name) => fields.get(name)!),
    buildMetadata: recordBuilder(keys),
    hasAsync: ordered.some((field) => field.fn.async === true && field.lengthOfSegment === null),
    taxonomy,
  };
}
