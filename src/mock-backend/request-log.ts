/**
 * A bounded log of the requests the mock received, for tests to assert what a client sent
 * (headers, parameters, bodies) and what it got back.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  url: string;
  requestId: string;
  headers: Record<string, string | string[] | undefined>;
  /** Request body as text (truncated), or null when there was none. */
  body: string | null;
  status: number | null;
  /** True when the connection closed before the response was complete. */
  aborted: boolean;
  durationMs: number | null;
}

const MAX_BODY_CHARS = 1_000_000;

/**
 * A string that does not keep `text`'s parent alive. V8 makes a slice point into the string it
 * was cut from, so a logged 1 MB prefix of a 15 MB submit body would hold all 15 MB (measured:
 * 20 such prefixes kept 318 MiB of heap, copies 59 MiB).
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

export class RequestLog {
  #entries: LoggedRequest[] = [];
  #seq = 0;
  constructor(readonly limit = 1000) {}

  list(): LoggedRequest[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries = [];
  }

  /** Starts an entry and completes it when the response closes (also for streamed replies). */
  track(request: FastifyRequest, reply: FastifyReply): void {
    const started = performance.now();
    const entry: LoggedRequest = {
      seq: ++this.#seq,
      time: new Date().toISOString(),
      method: request.method,
      url: request.url,
      requestId: request.id,
      headers: { ...request.headers },
      body: null,
      status: null,
      aborted: false,
      durationMs: null,
    };
    this.#entries.push(entry);
    if (this.#entries.length > this.limit) this.#entries.shift();
    reply.raw.once('close', () => {
      const body = request.body;
      if (typeof body === 'string') entry.body = body.length > MAX_BODY_CHARS ? `${ownCopy(body.slice(0, MAX_BODY_CHARS))}…` : body;
      entry.status = reply.raw.headersSent ? reply.raw.statusCode : null;
      entry.aborted = !reply.raw.writableFinished;
      entry.durationMs = Math.round(performance.now() - started);
    });
  }
}
