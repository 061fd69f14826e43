/** Reading a backend-config-shaped file (JSON or YAML) into organism schemas. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type BackendConfig, parseBackendConfig } from '../contract/organism.js';

export function loadBackendConfigFile(path: string): BackendConfig {
  const text = readFileSync(path, 'utf8');
  const document = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  return parseBackendConfig(document);
}
