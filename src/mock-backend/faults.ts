/**
 * Fault injection for resilience tests (backend-contract.md §10 item 8). Each fault applies to
 * the next `times` calls of one endpoint (default 1), or to every call when `persistent`.
 *
 * - `status`: answer with this status (default 500) and a problem body, before auth
 *   (optionally with `Retry-After`, e.g. for 429/503).
 * - `reset`: destroy the connection without answering.
 * - `delay`: wait `ms` before doing anything (to exceed client timeouts).
 * - `drop` (extract): reset the connection after `afterLines` lines were streamed.
 * - `errorLine` (extract): after `afterLines` lines, append the backend's non-JSON streaming
 *   error line (no trailing newline) and end the 200 response.
 * - `slowStream` (extract): wait `perLineMs` before each line.
 */
import { z } from 'zod';

export const FaultEndpoint = z.enum(['extract', 'submit', 'token']);
export type FaultEndpoint = z.infer<typeof FaultEndpoint>;

const Common = { times: z.number().int().min(1).optional(), persistent: z.boolean().optional() };

export const FaultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    endpoint: FaultEndpoint,
    status: z.number().int().min(400).max(599).optional(),
    detail: z.string().optional(),
    retryAfterSeconds: z.number().int().min(0).optional(),
    ...Common,
  }),
  z.object({ kind: z.literal('reset'), endpoint: FaultEndpoint, ...Common }),
  z.object({ kind: z.literal('delay'), endpoint: FaultEndpoint, ms: z.number().min(0), ...Common }),
  z.object({ kind: z.literal('drop'), endpoint: z.literal('extract').default('extract'), afterLines: z.number().int().min(0), ...Common }),
  z.object({
    kind: z.literal('errorLine'),
    endpoint: z.literal('extract').default('extract'),
    afterLines: z.number().int().min(0),
    message: z.string().optional(),
    ...Common,
  }),
  z.object({ kind: z.literal('slowStream'), endpoint: z.literal('extract').default('extract'), perLineMs: z.number().min(0), ...Common }),
]);
export type Fault = z.infer<typeof FaultSchema>;
export type FaultInput = z.input<typeof FaultSchema>;
export type FaultKind = Fault['kind'];

export const STREAM_ERROR_PREFIX = 'An unexpected error occurred while streaming, aborting the stream: ';

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

export class Faults {
  #active: ActiveFault[] = [];
  /** Read-only mode: every pipeline POST answers 503. */
  readOnly = false;

  add(input: FaultInput): Fault {
    const fault = FaultSchema.parse(input);
    this.#active.push({ fault, remaining: fault.times ?? 1 });
    return fault;
  }

  clear(): void {
    this.#active = [];
  }

  list(): (Fault & { remaining: number | 'persistent' })[] {
    return this.#active.map((a) => ({ ...a.fault, remaining: a.fault.persistent ? 'persistent' : a.remaining }));
  }

  /** Takes the first active fault of one of `kinds` for `endpoint`, using up one of its calls. */
  take<K extends FaultKind>(endpoint: FaultEndpoint, kinds: readonly K[]): Extract<Fault, { kind: K }> | null {
    const index = this.#active.findIndex((a) => a.fault.endpoint === endpoint && (kinds as readonly FaultKind[]).includes(a.fault.kind));
    if (index < 0) return null;
    const active = this.#active[index];
    if (!active.fault.persistent) {
      active.remaining--;
      if (active.remaining <= 0) this.#active.splice(index, 1);
    }
    return active.fault as Extract<Fault, { kind: K }>;
  }
}
