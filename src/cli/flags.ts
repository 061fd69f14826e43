/**
 * Command-line flags. Config flags are the reference's `--kebab-case` names of scalar keys
 * (preprocessing-config.md §1), booleans as `--x` / `--no-x`; both `--config` and `--config-file`
 * name the YAML file. Values stay strings here; the config schema coerces and validates them.
 */
import { ConfigSchema, STRUCTURED_KEYS } from '../config/schema.js';

export interface ParsedArgs {
  command: string | null;
  configFile: string | null;
  /** Config overrides keyed by snake_case config key. */
  configFlags: Record<string, string | boolean>;
  /** Command options that are not config keys (e.g. --input, --port, --seed). */
  options: Record<string, string[]>;
  unknown: string[];
}

const CONFIG_KEYS = new Set(Object.keys(ConfigSchema.shape).filter((k) => !(STRUCTURED_KEYS as readonly string[]).includes(k)));

/** `multiValue`: options that take every value up to the next flag (e.g. `--seed a.ndjson b.tsv b.fasta`). */
export function parseArgs(argv: string[], commandOptions: readonly string[], multiValue: readonly string[] = []): ParsedArgs {
  const result: ParsedArgs = { command: null, configFile: null, configFlags: {}, options: {}, unknown: [] };
  const allowed = new Set(commandOptions);
  let i = 0;
  if (argv[0] && !argv[0].startsWith('-')) {
    result.command = argv[0];
    i = 1;
  }
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      result.unknown.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next !== '-')) return undefined;
      i++;
      return next;
    };
    if (name === 'config' || name === 'config-file') {
      result.configFile = takeValue() ?? null;
      continue;
    }
    if (allowed.has(name)) {
      const values = result.options[name] ?? (result.options[name] = []);
      const first = takeValue();
      if (first !== undefined) values.push(first);
      while (multiValue.includes(name) && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) values.push(argv[++i]!);
      if (first === undefined) values.push('true');
      continue;
    }
    const key = name.replaceAll('-', '_');
    if (CONFIG_KEYS.has(key)) {
      const value = takeValue();
      result.configFlags[key] = value ?? true;
      continue;
    }
    if (name.startsWith('no-') && CONFIG_KEYS.has(key.slice(3))) {
      result.configFlags[key.slice(3)] = false;
      continue;
    }
    result.unknown.push(arg);
  }
  return result;
}
