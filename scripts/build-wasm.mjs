#!/usr/bin/env node
// Compiles every asm/<module>/index.ts with the AssemblyScript compiler installed by npm into
// build/<module>.wasm. Needs nothing but Node and the project's devDependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asmDir = path.join(root, 'asm');
const outDir = path.join(root, 'build');

function ascEntry() {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('assemblyscript/package.json', { paths: [root] });
  return path.join(path.dirname(pkg), 'bin', 'asc.js');
}

const modules = existsSync(asmDir)
  ? readdirSync(asmDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(asmDir, d.name, 'index.ts')))
      .map((d) => d.name)
      .sort()
  : [];

mkdirSync(outDir, { recursive: true });
const asc = ascEntry();
let failed = false;
for (const name of modules) {
  const args = [
    asc,
    path.join('asm', name, 'index.ts'),
    '--outFile', path.join('build', `${name}.wasm`),
    '-O3',
    // No garbage-collected objects are used: plain linear memory, so the stub runtime is enough.
    '--runtime', 'stub',
    '--noAssert',
    // Aborts become traps inside wasm instead of calling an imported `env.abort`.
    '--use', 'abort=',
    '--enable', 'simd',
  ];
  const started = Date.now();
  const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`build-wasm: ${name} failed (exit ${run.status})`);
    failed = true;
  } else {
    console.log(`build-wasm: build/${name}.wasm (${Date.now() - started} ms)`);
  }
}
if (modules.length === 0) console.log('build-wasm: no asm/<module>/index.ts found');
process.exit(failed ? 1 : 0);
