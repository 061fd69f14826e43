/**
 * What a shell command line names: npm scripts it runs and repository files it reads.
 * Used to check that the Dockerfile, compose file, manifests and CI script only name things
 * that exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** npm scripts a command runs (`npm run x`, `npm test`, `npm start`). */
export function npmScriptsIn(command: string): string[] {
  const names: string[] = [];
  for (const match of command.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start)\b)/g)) {
    names.push(match[1] ?? match[2]);
  }
  return names;
}

const FILE_TOKEN = /^(?:\.\/)?[\w.-]+(?:\/[\w.-]+)*\.(?:mjs|cjs|js|ts|json|ya?ml|ndjson)$/;

/** Repository files a command names as arguments (scripts, configs, data). */
export function filesIn(command: string): string[] {
  return command
    .split(/[\s=;&|()"']+/)
    .filter((token) => FILE_TOKEN.test(token) && !token.startsWith('/'))
    .map((token) => token.replace(/^\.\//, ''));
}

/** A compiled path `dist/<x>.js` comes from `<x>.ts`; other paths must exist as they are. */
export function sourceOf(path: string): string {
  const compiled = /^dist\/(.+)\.js$/.exec(path);
  return compiled ? `${compiled[1]}.ts` : path;
}

export function missingFiles(repoRoot: string, paths: string[]): string[] {
  return paths.filter((p) => !existsSync(join(repoRoot, sourceOf(p))));
}

/** The npm scripts reachable from `start`, following `npm run` inside script bodies. */
export function reachableScripts(scripts: Record<string, string>, roots: string[]): { found: string[]; missing: string[] } {
  const found = new Set<string>();
  const missing = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (found.has(name) || missing.has(name)) continue;
    const body = scripts[name];
    if (body === undefined) {
      missing.add(name);
      continue;
    }
    found.add(name);
    queue.push(...npmScriptsIn(body));
  }
  return { found: [...found], missing: [...missing] };
}
