/**
 * Builds the pipeline for a config: loads the datasets, starts the aligner pool, compiles the
 * processing spec, and lines the stages up as parse → validate → align → translate → annotate → guard
 * (parsing of the raw lines happens before the stages, in `parse.ts`).
 */
import type { Logger } from 'pino';
import type { ParsedConfig } from '../config/schema.js';
import { datasetsOf, effectiveAlignmentRequirement } from '../config/datasets.js';
import type { OrganismSchema } from '../contract/organism.js';
import { AlignerPool } from '../align/pool.js';
import { loadDataset, type LoadedDataset } from '../dataset/load.js';
import { resolveDatasetDirectory } from '../dataset/resolve.js';
import { PreproError } from '../shared/errors.js';
import { compileProcessingSpec } from '../metadata/compile.js';
import { createAnnotateStage } from './stages/annotate.js';
import { createAlignStage } from './stages/align.js';
import { createTranslateStage } from './stages/translate.js';
import { createValidateStage } from './stages/validate.js';
import { createGuardStage } from './stages/guard.js';
import { organismFromConfig, type DatasetFacts } from './organism-from-config.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import { referencePeptides } from '../analysis/reference-peptides.js';

export interface BuiltPipeline {
  pipeline: Pipeline;
  organism: OrganismSchema;
  datasets: Record<string, LoadedDataset>;
  pool: AlignerPool | null;
}

export interface BuildOptions {
  config: ParsedConfig;
  logger: Logger;
  signal?: AbortSignal;
  /** Overrides `alignment_threads`. */
  threads?: number;
  /** False: load datasets and derive the organism schema without starting threads. */
  startPool?: boolean;
}

export async function buildPipeline(options: BuildOptions): Promise<BuiltPipeline> {
  const { config, logger } = options;
  // Compile first: a bad spec should fail before any download or thread starts.
  const compiled = compileProcessingSpec(config);
  const specs = datasetsOf(config);
  const aligned = effectiveAlignmentRequirement(config) !== 'NONE';

  const datasets: Record<string, LoadedDataset> = {};
  const facts: DatasetFacts[] = [];
  for (const spec of specs) {
    if (!aligned || !spec.datasetName) {
      facts.push({ spec, referenceLength: null, referencePeptides: null });
      continue;
    }
    let dataset: LoadedDataset;
    try {
      const directory = await resolveDatasetDirectory(spec, config.dataset_cache_dir, { signal: options.signal, onWarning: (message) => logger.warn(message) });
      dataset = await loadDataset(directory);
    } catch (error) {
      throw new PreproError('PREPRO_DATASET_UNAVAILABLE', `dataset for '${spec.sequenceName}': ${(error as Error).message}`, { cause: error });
    }
    datasets[spec.sequenceName] = dataset;
    facts.push({
      spec,
      referenceLength: dataset.reference.sequence.length,
      referencePeptides: referencePeptides(dataset),
    });
    logger.info({ sequenceName: spec.sequenceName, dataset: spec.datasetName, referenceLength: dataset.reference.sequence.length, cds: dataset.annotation.cdses.length }, 'dataset loaded');
  }

  const pool = options.startPool !== false && aligned && Object.keys(datasets).length > 0
    ? await AlignerPool.create({ threads: options.threads ?? (config.alignment_threads || undefined), datasets })
    : null;

  const organism = organismFromConfig(config, facts);
  const stages = [
    createValidateStage(config),
    createAlignStage({ config, datasets, pool }),
    createTranslateStage({ config }),
    createAnnotateStage({ config, compiled }),
    createGuardStage(organism),
  ];
  const pipeline = createPipeline(stages);
  const close = pipeline.close.bind(pipeline);
  return {
    pipeline: { ...pipeline, close: async () => { await close(); await pool?.close(); } },
    organism,
    datasets,
    pool,
  };
}

