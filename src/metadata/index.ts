/** The metadata engine's public surface. */
export { ConfigError } from '../shared/errors.js';
export { compileProcessingSpec, type CompiledSpec, type CompiledField, type CompileOptions } from './compile.js';
export { processMetadata, type EntryContext, type MetadataOutcome, type RuntimeOptions } from './process.js';
export { guardMetadata, checkValue, type GuardOutcome } from './guard.js';
export { mergeAnnotations } from './annotations.js';
export { createTaxonomyClient, TaxonomyUnavailableError, type TaxonomyClient, type Taxon } from './taxonomy.js';
export { backendTypeOf, type BackendType } from './backend-type.js';
