/**
 * Runs a compiled spec on one entry: resolves inputs, calls the functions in dependency order,
 * applies `required` / `required_when`, and turns messages into annotations
 * (preprocessing-config.md §3.5–3.9).
 */
import type { Annotation, MetadataValue, UnprocessedEntry } from '../contract/entries.js';
import { accessionVersion } from '../contract/entries.js';
import type { SequenceAssignment } from '../pipeline/stage.js';
import type { CompiledField, CompiledInput, CompiledSpec } from './compile.js';
import { requiredAnnotations } from './required.js';
import type { TaxonomyClient } from './taxonomy.js';
import type { CallContext, FunctionResult, InputValue, Issue } from './types.js';

export interface EntryContext {
  entry: UnprocessedEntry;
  /** Assigned sequences by sequence name. */
  assignments: Record<string, SequenceAssignment>;
  /** Nextclade-shaped result by sequence name; null = assigned but not aligned. */
  nextclade: Record<string, Record<string, unknown> | null>;
  /** Assigned, N-trimmed unaligned sequences by sequence name (for `length` fields). */
  sequences: Record<string, string | null>;
  /** Aligned path: `submitter`, `submittedAt`, `submissionId`, `group_id` are inputs too (§3.5). */
  aligned: boolean;
}

export interface RuntimeOptions {
  /** "Now" for future-date checks; defaults to the current time. */
  now?: Date;
  /** Overrides the compiled taxonomy client. */
  taxonomy?: TaxonomyClient | null;
}

export interface MetadataOutcome {
  metadata: Record<string, MetadataValue>;
  errors: Annotation[];
  warnings: Annotation[];
}

function annotation(field: CompiledField, found: Issue): Annotation {
  return {
    unprocessedFields: field.functionSources,
    processedFields: field.processedSources,
    message: found.message,
    category: found.internal ? 'internal' : 'metadata',
  };
}

/** Sequence names assigned to the field's segment (and reference, when given). */
function sequencesFor(field: CompiledField, context: EntryContext): string[] {
  const names: string[] = [];
  for (const name in context.assignments) {
    const assignment = context.assignments[name];
    if (assignment.segment === field.segment && (field.reference === null || assignment.reference === field.reference)) names.push(name);
  }
  return names;
}

function rawValue(key: string, context: EntryContext): InputValue {
  if (context.aligned) {
    const entry = context.entry;
    switch (key) {
      case 'submitter':
        return entry.submitter;
      case 'submittedAt':
        return entry.submittedAt;
      case 'submissionId':
        return entry.submissionId;
      case 'group_id':
        return entry.groupId;
    }
  }
  return context.entry.metadata[key] ?? null;
}

function lengthValue(field: CompiledField, context: EntryContext): number | null {
  const names: string[] = [];
  for (const name in context.assignments) if (context.assignments[name].segment === field.lengthOfSegment) names.push(name);
  if (names.length === 0) return 0;
  // Several sequences on one segment: the reference only logs this (§10 #24, replicated).
  if (names.length > 1) return null;
  return context.sequences[names[0]]?.length ?? 0;
}

/** The value of one input of a field (raw metadata, a processed field, or sequence results). */
function inputValue(field: CompiledField, input: CompiledInput, context: EntryContext, values: readonly MetadataValue[], organism: string, errors: Annotation[]): InputValue {
  const source = input.source;
  if (source.kind === 'raw') return rawValue(source.key, context);
  if (source.kind === 'processed') return values[source.index];
  const selected = sequencesFor(field, context);
  if (selected.length !== 1) {
    if (selected.length > 1) {
      errors.push({
        unprocessedFields: selected.map((name) => ({ name, type: 'NucleotideSequence' })),
        processedFields: [{ name: input.written, type: 'Metadata' }],
        message: `Organism ${organism} is configured to only accept one sequence per segment, found multiple valid sequences: [${selected.map((name) => `'${name}'`).join(', ')}].`,
        category: 'metadata',
      });
    }
    return null;
  }
  if (source.kind === 'assignedReference') return context.assignments[selected[0]].reference;
  const result = context.nextclade[selected[0]];
  if (!result) return null;
  const read = source.path.read(result, field.args);
  if (read.failure) {
    const pseudo = [{ name: read.failure.pseudoField, type: 'Metadata' as const }];
    errors.push({ unprocessedFields: pseudo, processedFields: pseudo, message: read.failure.message, category: 'internal' });
  }
  return read.value;
}

/**
 * Holds one field's input values until its input object is built; shared because nothing runs
 * between filling and building (the builder copies the values out).
 */
const inputSlots: InputValue[] = [];

function resolveInputs(
  field: CompiledField,
  context: EntryContext,
  values: readonly MetadataValue[],
  organism: string,
  errors: Annotation[],
): Record<string, InputValue> {
  const list = field.inputs;
  for (let i = 0; i < list.length; i += 1) inputSlots[i] = inputValue(field, list[i], context, values, organism, errors);
  return field.buildInputs(inputSlots);
}

function crashed(field: CompiledField, error: unknown): FunctionResult {
  const text = error instanceof Error ? error.message : String(error);
  return {
    value: null,
    errors: [
      {
        internal: true,
        message: `Internal Error. ${field.functionName} raised an unexpected exception for output field '${field.name}': ${text}. Please contact the administrator.`,
      },
    ],
    warnings: [],
  };
}

interface RunState {
  compiled: CompiledSpec;
  context: EntryContext;
  callContext: CallContext;
  isInsdc: boolean;
  /** Processed values by field index (CompiledField.index). */
  values: MetadataValue[];
  errors: Annotation[];
  warnings: Annotation[];
}

function record(state: RunState, field: CompiledField, result: FunctionResult): void {
  state.values[field.index] = result.value;
  // Indexed loops: `for … of` allocated an iterator per list, two per field and entry.
  const { errors, warnings } = result;
  for (let i = 0; i < errors.length; i += 1) state.errors.push(annotation(field, errors[i]));
  for (let i = 0; i < warnings.length; i += 1) state.warnings.push(annotation(field, warnings[i]));
  const mayBeRequired = field.required || field.requiredWhen.length > 0;
  if (mayBeRequired && !state.isInsdc && (result.value === null || result.value === '')) {
    requiredAnnotations(field, state.context.entry, state.values, state.errors);
  }
}

function finish(state: RunState): MetadataOutcome {
  return { metadata: state.compiled.buildMetadata(state.values), errors: state.errors, warnings: state.warnings };
}

/**
 * Runs the fields from `start` on. Synchronous until a function answers with a Promise (only the
 * taxonomy lookups do); then it continues once that settles. Most specs never leave the fast path.
 */
function runFrom(state: RunState, start: number): MetadataOutcome | Promise<MetadataOutcome> {
  const fields = state.compiled.fields;
  for (let i = start; i < fields.length; i += 1) {
    const field = fields[i];
    if (field.lengthOfSegment !== null) {
      state.values[field.index] = lengthValue(field, state.context);
      continue;
    }
    state.callContext.field = field.name;
    let returned: FunctionResult | Promise<FunctionResult>;
    if (field.direct) {
      // One input that the function takes as a plain value: no input object needed.
      const value = inputValue(field, field.inputs[0], state.context, state.values, state.compiled.organism, state.errors);
      try {
        returned = field.fn.runValue!(value, field.plan, field.args, state.callContext);
      } catch (error) {
        returned = crashed(field, error);
      }
    } else {
      const inputs = resolveInputs(field, state.context, state.values, state.compiled.organism, state.errors);
      try {
        returned = field.fn.run(inputs, field.plan, field.args, state.callContext);
      } catch (error) {
        returned = crashed(field, error);
      }
    }
    // Only functions marked async may answer with a Promise.
    if (field.fn.async === true && returned instanceof Promise) {
      return returned
        .catch((error: unknown) => crashed(field, error))
        .then((result) => {
          record(state, field, result);
          return runFrom(state, i + 1);
        });
    }
    record(state, field, returned as FunctionResult);
  }
  return finish(state);
}

/**
 * Processes the metadata of one entry; returns synchronously unless a function had to wait on
 * the network. Never throws for bad input: a crashing function becomes an internal error.
 */
export function processMetadataNow(compiled: CompiledSpec, context: EntryContext, runtime: RuntimeOptions = {}): MetadataOutcome | Promise<MetadataOutcome> {
  const entry = context.entry;
  const isInsdc = entry.groupId === compiled.insdcIngestGroupId;
  const state: RunState = {
    compiled,
    context,
    isInsdc,
    callContext: {
      field: '',
      isInsdcIngestGroup: isInsdc,
      submittedAt: entry.submittedAt,
      accessionVersion: accessionVersion(entry),
      now: runtime.now ?? new Date(),
      taxonomy: runtime.taxonomy === undefined ? compiled.taxonomy : runtime.taxonomy,
    },
    values: new Array<MetadataValue>(compiled.keys.length).fill(null),
    errors: [],
    warnings: [],
  };
  return runFrom(state, 0);
}

/** Processes the metadata of one entry (always as a Promise). */
export async function processMetadata(compiled: CompiledSpec, context: EntryContext, runtime: RuntimeOptions = {}): Promise<MetadataOutcome> {
  return processMetadataNow(compiled, context, runtime);
}
