/**
 * Error answers in the backend's RFC 7807 form (backend-contract.md §1): `application/problem+json`
 * with `type`, `title` (the reason phrase), `status`, `detail`, `instance`. Clients match on
 * `status` and `detail`.
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface Problem {
  type: 'about:blank';
  title: string;
  status: number;
  detail: string;
  instance: string;
}

export function problemBody(status: number, detail: string, instance: string): Problem {
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail, instance };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/problem+json')
    .send(Buffer.from(JSON.stringify(problemBody(status, detail, request.url.split('?')[0]))));
}

export const READ_ONLY_DETAIL = 'This Loculus instance is in read-only mode; write requests are disabled.';
