/** Resident memory of another process, read from /proc (Linux), in MiB. */
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  rssMiB: number;
  /** High-water mark of the resident set since the process started. */
  hwmMiB: number;
}

export function readProcessMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024 };
}

/** Samples a process's RSS every `intervalMs` until stopped. */
export class RssSampler {
  readonly samples: { atMs: number; rssMiB: number }[] = [];
  peakMiB = 0;
  #timer: NodeJS.Timeout;
  #started = performance.now();

  constructor(readonly pid: number, intervalMs = 1000) {
    this.#timer = setInterval(() => this.sample(), intervalMs);
    this.#timer.unref();
  }

  sample(): void {
    const memory = readProcessMemory(this.pid);
    if (!memory || Number.isNaN(memory.rssMiB)) return;
    this.samples.push({ atMs: performance.now() - this.#started, rssMiB: memory.rssMiB });
    this.peakMiB = Math.max(this.peakMiB, memory.hwmMiB || memory.rssMiB);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}
