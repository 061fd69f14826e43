#!/usr/bin/env node
/**
 * `prepro` — loculus-prepro's command line.
 *   prepro run --config FILE [--kebab-case-flags]
 *   prepro process --config FILE --input IN.ndjson --output OUT.ndjson   (- for stdin/stdout)
 *   prepro mock-backend --config FILE --port N --seed FILE...
 *   prepro demo
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, PreproError } from '../shared/errors.js';
import { parseArgs } from './flags.js';
import { VERSION } from './version.js';

const USAGE = `prepro ${VERSION} — Loculus preprocessing pipeline

Usage:
  prepro run --config FILE [flags]            run the worker against a Loculus backend
  prepro process --config FILE --input IN --output OUT [--threads N] [--chunk-size N]
                                              process an NDJSON file offline (- = stdin/stdout)
  prepro mock-backend --config FILE --port N --seed FILE... [--backend-config FILE]
                      [--stale-timeout SECONDS] [--host HOST]
                                              serve a mock Loculus backend for local runs
  prepro demo                                 mock backend + worker on the built-in demo organism

Config flags are the reference pipeline's (--backend-host, --keycloak-host, --pipeline-version,
--batch-size, --keycloak-password, ...); they override PREPROCESSING_* variables, which override the file.
`;

/** Options that take several values. */
const MULTI_VALUE_OPTIONS = ['seed'];

const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  run: [],
  process: ['input', 'output', 'threads', 'chunk-size'],
  'mock-backend': ['port', 'seed', 'backend-config', 'stale-timeout', 'host'],
  demo: ['threads'],
};

export async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // The Loculus Helm chart starts `prepro --backend-host=… --config=…` with no subcommand: that is `run`.
  if (command.startsWith('--')) return main(['run', ...argv]);
  const options = COMMAND_OPTIONS[command];
  if (!options) {
    process.stderr.write(`prepro: unknown command '${command}'\n\n${USAGE}`);
    return 2;
  }
  const args = parseArgs(argv, options, MULTI_VALUE_OPTIONS);
  if (args.unknown.length > 0) {
    process.stderr.write(`prepro ${command}: unknown argument(s): ${args.unknown.join(' ')}\n`);
    return 2;
  }
  try {
    switch (command) {
      case 'run':
        return await (await import('./run.js')).runCommand(args);
      case 'process':
        return await (await import('./process.js')).processCommand(args);
      case 'mock-backend':
        return await (await import('./mock-backend.js')).mockBackendCommand(args);
      case 'demo':
        return await (await import('./demo.js')).demoCommand(args);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`prepro ${command}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof PreproError) {
      process.stderr.write(`prepro ${command}: ${error.message} [${error.code}]\n`);
      return 2;
    }
    process.stderr.write(`prepro ${command}: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
  return 2;
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`prepro: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
