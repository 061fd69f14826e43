/**
 * Starts a worker thread running a module that sits next to the caller: `.js` under dist/,
 * `.ts` under tsx. Node 20 does not carry tsx's loader hooks into workers, so a `.ts` module is
 * started through a one-line bootstrap that registers tsx first.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function spawnSiblingThread(callerUrl: string, baseName: string, options: WorkerOptions = {}): Worker {
  const ext = path.extname(fileURLToPath(callerUrl));
  const script = new URL(`./${baseName}${ext}`, callerUrl);
  if (ext !== '.ts') return new Worker(script, options);
  // Resolved here so that the thread finds tsx whatever the current directory is.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
