/** The backend-side organism schema for a preprocessing config (for the mock backend). */
import type { Logger } from 'pino';
import type { ParsedConfig } from '../config/schema.js';
import type { OrganismSchema } from '../contract/organism.js';
import { buildPipeline } from '../pipeline/build.js';

export async function organismForConfig(config: ParsedConfig, logger: Logger): Promise<OrganismSchema> {
  const built = await buildPipeline({ config, logger, startPool: false });
  await built.pipeline.close();
  return built.organism;
}
