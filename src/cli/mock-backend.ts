/**
 * `prepro mock-backend`: the mock Loculus backend as a server, for local runs and compose.
 * The organism schema comes from `--backend-config` (backend-config JSON/YAML) when given,
 * otherwise it is derived from the preprocessing config and its datasets.
 */
import { loadConfig } from '../config/load.js';
import { createLogger } from '../shared/logger.js';
import { PreproError } from '../shared/errors.js';
import { loadBackendConfigFile, seedEntriesFromFiles, startMockBackend } from '../mock-backend/index.js';
import type { OrganismSchema } from '../contract/organism.js';
import { organismForConfig } from './organism.js';
import type { ParsedArgs } from './flags.js';

export async function mockBackendCommand(args: ParsedArgs): Promise<number> {
  const loaded = loadConfig({ file: args.configFile, flags: args.configFlags });
  const { config } = loaded;
  const logger = createLogger({ level: config.log_level, base: { component: 'mock-backend' } });
  let organisms: Record<string, OrganismSchema>;
  let accessionPrefix: string | undefined;
  const backendConfig = args.options['backend-config']?.[0];
  if (backendConfig) {
    const parsed = loadBackendConfigFile(backendConfig);
    organisms = parsed.organisms;
    accessionPrefix = parsed.accessionPrefix;
  } else {
    organisms = { [config.organism]: await organismForConfig(config, logger) };
  }
  const port = Number(args.options.port?.[0] ?? 8079);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PreproError('PREPRO_CONFIG_INVALID', `--port must be a port number, got ${args.options.port?.[0]}`);
  const staleTimeout = args.options['stale-timeout'] ? Number(args.options['stale-timeout'][0]) : undefined;
  const mock = await startMockBackend({
    organisms,
    accessionPrefix,
    port,
    host: args.options.host?.[0] ?? '0.0.0.0',
    staleTimeoutSeconds: staleTimeout,
    logger: false,
  });
  const seeds = args.options.seed ?? [];
  if (seeds.length > 0) {
    const organism = Object.keys(organisms).includes(config.organism) ? config.organism : Object.keys(organisms)[0]!;
    const seeded = mock.seed(organism, seedEntriesFromFiles(seeds));
    logger.info({ organism, entries: seeded.length, files: seeds.length }, 'mock backend seeded');
  }
  logger.info({ url: mock.url, organisms: Object.keys(organisms), tokenUrl: mock.tokenUrl }, 'mock backend listening');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await mock.close();
  return 0;
}
