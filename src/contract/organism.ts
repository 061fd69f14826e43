/**
 * The backend's view of an organism: the metadata schema and reference lengths its validator
 * checks processed entries against (backend-contract.md §5.4, §8).
 *
 * Two ways in: a backend-config-shaped document (`organisms.<key>.schema.metadata`,
 * `organisms.<key>.referenceGenome.nucleotideSequences/genes`), or an `OrganismSchema` built in
 * code (the lead derives one from the preprocessing config and the datasets).
 */
import { z } from 'zod';

export const BACKEND_METADATA_TYPES = ['string', 'int', 'float', 'number', 'date', 'boolean', 'authors'] as const;
export type BackendMetadataType = (typeof BACKEND_METADATA_TYPES)[number];

export interface MetadataFieldSchema {
  name: string;
  type: BackendMetadataType;
  required?: boolean;
}

export interface ReferenceSequence {
  name: string;
  /** Optional: only the length is needed for validation. */
  sequence?: string;
  length: number;
}

export interface OrganismSchema {
  name: string;
  metadata: MetadataFieldSchema[];
  /** Backend sequence names (`main`, segment names, `{segment}-{reference}`), in config order. */
  nucleotideSequences: ReferenceSequence[];
  /** Gene keys; amino-acid lengths include a terminal `*` when the reference has one. */
  genes: ReferenceSequence[];
  /** Output file categories (`schema.files`): the only categories a pipeline may attach. */
  outputFileCategories: string[];
}

export interface BackendConfig {
  accessionPrefix: string;
  organisms: Record<string, OrganismSchema>;
}

/** The field every Loculus deployment appends to the schema (Helm template). */
const VERSION_COMMENT: MetadataFieldSchema = { name: 'versionComment', type: 'string' };

const MetadataFieldInput = z.looseObject({
  name: z.string().min(1),
  type: z.enum(BACKEND_METADATA_TYPES),
  required: z.boolean().optional(),
});

const ReferenceInput = z
  .looseObject({
    name: z.string().min(1),
    sequence: z.string().optional(),
    length: z.number().int().min(0).optional(),
  })
  .refine((ref) => ref.sequence !== undefined || ref.length !== undefined, {
    message: 'a reference needs a sequence or a length',
  });

const ReferenceGenomeInput = z.looseObject({
  nucleotideSequences: z.array(ReferenceInput).default([]),
  genes: z.array(ReferenceInput).default([]),
});

const BackendOrganismInput = z.looseObject({
  schema: z.looseObject({
    organismName: z.string().optional(),
    metadata: z.array(MetadataFieldInput),
    files: z.array(z.looseObject({ name: z.string().min(1) })).optional(),
  }),
  // Current backends say `referenceGenome`; older test configs say `referenceGenomes`.
  referenceGenome: ReferenceGenomeInput.optional(),
  referenceGenomes: ReferenceGenomeInput.optional(),
});

const BackendConfigInput = z.looseObject({
  accessionPrefix: z.string().optional(),
  organisms: z.record(z.string(), BackendOrganismInput),
});

const OrganismSchemaInput = z.object({
  name: z.string().min(1),
  metadata: z.array(MetadataFieldInput),
  nucleotideSequences: z.array(ReferenceInput).default([]),
  genes: z.array(ReferenceInput).default([]),
  outputFileCategories: z.array(z.string()).default([]),
});

export type OrganismSchemaInput = z.input<typeof OrganismSchemaInput>;

function toReference(ref: z.infer<typeof ReferenceInput>): ReferenceSequence {
  const length = ref.sequence !== undefined ? ref.sequence.length : (ref.length as number);
  return ref.sequence !== undefined ? { name: ref.name, sequence: ref.sequence, length } : { name: ref.name, length };
}

function withVersionComment(metadata: MetadataFieldSchema[]): MetadataFieldSchema[] {
  const fields = metadata.map((f) => (f.required === undefined ? { name: f.name, type: f.type } : { name: f.name, type: f.type, required: f.required }));
  return fields.some((f) => f.name === VERSION_COMMENT.name) ? fields : [...fields, { ...VERSION_COMMENT }];
}

/**
 * Builds an `OrganismSchema` from a loose description: lengths are taken from `sequence` when
 * given, and `versionComment` is appended as the backend does. Throws a zod error on bad input.
 */
export function defineOrganism(input: OrganismSchemaInput): OrganismSchema {
  const parsed = OrganismSchemaInput.parse(input);
  return {
    name: parsed.name,
    metadata: withVersionComment(parsed.metadata),
    nucleotideSequences: parsed.nucleotideSequences.map(toReference),
    genes: parsed.genes.map(toReference),
    outputFileCategories: parsed.outputFileCategories,
  };
}

/** Parses a backend-config-shaped document (already decoded from JSON or YAML). */
export function parseBackendConfig(document: unknown): BackendConfig {
  const parsed = BackendConfigInput.parse(document);
  const organisms: Record<string, OrganismSchema> = {};
  for (const [key, organism] of Object.entries(parsed.organisms)) {
    const genome = organism.referenceGenome ?? organism.referenceGenomes ?? { nucleotideSequences: [], genes: [] };
    organisms[key] = {
      name: key,
      metadata: withVersionComment(organism.schema.metadata),
      nucleotideSequences: genome.nucleotideSequences.map(toReference),
      genes: genome.genes.map(toReference),
      outputFileCategories: (organism.schema.files ?? []).map((f) => f.name),
    };
  }
  return { accessionPrefix: parsed.accessionPrefix ?? 'LOC_', organisms };
}
