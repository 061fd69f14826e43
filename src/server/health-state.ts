/**
 * What the probes report (conventions.md §1). The loop beats the heart on every iteration,
 * including idle polls and backoff sleeps; readiness is a set of named checks.
 */
export interface HealthCheck {
  ok: boolean;
  since: number;
  detail?: string;
}

export class HealthState {
  #heartbeat = Date.now();
  #batchStartedAt: number | null = null;
  #checks = new Map<string, HealthCheck>();
  readonly livenessWindowMs: number;
  readonly batchDeadlineMs: number;

  constructor(options: { livenessWindowMs?: number; batchDeadlineMs?: number } = {}) {
    this.livenessWindowMs = options.livenessWindowMs ?? 120_000;
    this.batchDeadlineMs = options.batchDeadlineMs ?? 30 * 60_000;
    for (const name of ['config', 'datasets', 'token', 'backend', 'pipeline_version', 'not_shutting_down']) {
      this.set(name, name === 'pipeline_version' || name === 'not_shutting_down');
    }
  }

  beat(): void {
    this.#heartbeat = Date.now();
  }

  batchStarted(): void {
    this.#batchStartedAt = Date.now();
  }

  batchFinished(): void {
    this.#batchStartedAt = null;
  }

  set(name: string, ok: boolean, detail?: string): void {
    const previous = this.#checks.get(name);
    if (previous && previous.ok === ok && previous.detail === detail) return;
    this.#checks.set(name, { ok, since: Date.now(), detail });
  }

  get heartbeatAgeMs(): number {
    return Date.now() - this.#heartbeat;
  }

  live(): { ok: boolean; checks: Record<string, unknown> } {
    const heartbeatOk = this.heartbeatAgeMs < this.livenessWindowMs;
    const batchAge = this.#batchStartedAt === null ? 0 : Date.now() - this.#batchStartedAt;
    const batchOk = batchAge < this.batchDeadlineMs;
    return {
      ok: heartbeatOk && batchOk,
      checks: { heartbeat: { ok: heartbeatOk, ageMs: this.heartbeatAgeMs }, batch: { ok: batchOk, ageMs: batchAge } },
    };
  }

  ready(): { ok: boolean; checks: Record<string, HealthCheck> } {
    const checks = Object.fromEntries(this.#checks);
    return { ok: [...this.#checks.values()].every((c) => c.ok), checks };
  }
}
