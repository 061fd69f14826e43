/**
 * `prepro run` as a child process, as it is deployed: config file plus flags, the password in
 * the environment (never in the arguments), JSON log lines collected from stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import split2 from 'split2';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(repoRoot, 'src/cli/main.ts');
/** The compiled CLI, as deployed (the benchmark uses it: tsx adds its own memory to every thread). */
export const DIST_CLI = path.join(repoRoot, 'dist/src/cli/main.js');

export interface LogLine {
  level?: string;
  msg?: string;
  [key: string]: unknown;
}

export interface WorkerProcessOptions {
  configFile: string;
  /** `--kebab-case` flags (values as strings). */
  flags?: Record<string, string | number | boolean>;
  /** Extra environment, e.g. PREPROCESSING_KEYCLOAK_PASSWORD. */
  env?: Record<string, string>;
  /** Called for every log line as it arrives. */
  onLog?: (line: LogLine) => void;
  name?: string;
  /** Run the compiled `dist/` CLI instead of the TypeScript sources (build it first). */
  compiled?: boolean;
}

export class WorkerProcess {
  readonly child: ChildProcess;
  readonly logs: LogLine[] = [];
  /** Every byte the child wrote (stdout and stderr), for secret scans. */
  readonly rawOutput: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly name: string;
  #waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];

  constructor(options: WorkerProcessOptions) {
    this.name = options.name ?? 'worker';
    const args = options.compiled ? [DIST_CLI, 'run', '--config', options.configFile] : ['--import', 'tsx', CLI, 'run', '--config', options.configFile];
    const flags: Record<string, string | number | boolean> = { 'health-port': 0, 'health-host': '127.0.0.1', ...options.flags };
    for (const [name, value] of Object.entries(flags)) {
      if (value === true) args.push(`--${name}`);
      else if (value === false) args.push(`--no-${name}`);
      else args.push(`--${name}`, String(value));
    }
    this.child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, PREPROCESSING_LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.child.stdout!.pipe(split2()).on('data', (text: string) => {
      this.rawOutput.push(text);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { level: 'raw', msg: text };
      }
      this.logs.push(line);
      options.onLog?.(line);
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.match(line)) return true;
        w.resolve(line);
        return false;
      });
    });
    this.child.stderr!.pipe(split2()).on('data', (text: string) => {
      this.rawOutput.push(text);
      this.logs.push({ level: 'stderr', msg: text });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with the first log line (past or future) whose message matches. */
  waitForLog(match: string | RegExp | ((line: LogLine) => boolean), timeoutMs = 60_000): Promise<LogLine> {
    const test = typeof match === 'function' ? match : (line: LogLine) => (typeof match === 'string' ? line.msg === match : match.test(line.msg ?? ''));
    const seen = this.logs.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: no log line matching ${String(match)} within ${timeoutMs} ms; last lines:\n${this.tail()}`)), timeoutMs);
      timer.unref();
      const onExit = () => reject(new Error(`${this.name} exited before logging ${String(match)}; last lines:\n${this.tail()}`));
      this.exited.then(() => setTimeout(onExit, 200));
      this.#waiters.push({ match: test, resolve: (line) => (clearTimeout(timer), resolve(line)) });
    });
  }

  /** URL of the worker's health and metrics server (once it listens). */
  async healthUrl(timeoutMs = 60_000): Promise<string> {
    const line = await this.waitForLog('health and metrics server listening', timeoutMs);
    return String(line.url);
  }

  /** Waits for the exit; kills the child with SIGKILL when it takes longer than `timeoutMs`. */
  async waitForExit(timeoutMs = 60_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    timer.unref();
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGTERM (drain), then SIGKILL after `graceMs`; resolves on exit. Safe to call twice. */
  async stop(graceMs = 30_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.waitForExit(graceMs);
  }

  logsWith(msg: string): LogLine[] {
    return this.logs.filter((l) => l.msg === msg);
  }

  tail(lines = 15): string {
    return this.rawOutput.slice(-lines).join('\n');
  }
}
