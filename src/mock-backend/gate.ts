/**
 * What stands in front of both pipeline endpoints, in the backend's order: injected faults
 * (they model the network and proxies, so they come first), the security filter (401/403),
 * then — inside the application — read-only mode (503) and the organism path segment (400).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authorizePipelineCall } from './auth.js';
import type { MockContext } from './context.js';
import type { FaultEndpoint } from './faults.js';
import { READ_ONLY_DETAIL, sendProblem } from './problem.js';
import { resetStaleInProcessing } from './stale-reset.js';

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Applies `delay`, `status` and `reset` faults; true when the request was answered (or dropped). */
export async function applyRequestFaults(ctx: MockContext, endpoint: FaultEndpoint, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const delay = ctx.faults.take(endpoint, ['delay']);
  if (delay) await sleep(delay.ms);
  const fault = ctx.faults.take(endpoint, ['status', 'reset']);
  if (!fault) return false;
  if (fault.kind === 'reset') {
    reply.hijack();
    request.raw.socket.resetAndDestroy();
    return true;
  }
  const status = fault.status ?? 500;
  if (fault.retryAfterSeconds !== undefined) reply.header('retry-after', String(fault.retryAfterSeconds));
  sendProblem(request, reply, status, fault.detail ?? `Injected fault: ${status}`);
  return true;
}

/** Runs the checks before an endpoint's own logic; returns the organism, or null when answered. */
export async function pipelineGate(
  ctx: MockContext,
  endpoint: 'extract' | 'submit',
  request: FastifyRequest<{ Params: { organism: string } }>,
  reply: FastifyReply,
): Promise<string | null> {
  if (await applyRequestFaults(ctx, endpoint, request, reply)) return null;
  const failure = authorizePipelineCall(request.headers.authorization, ctx.issuer, ctx.staticTokens);
  if (failure) {
    if (failure.wwwAuthenticate) reply.header('www-authenticate', failure.wwwAuthenticate);
    reply.code(failure.status).send();
    return null;
  }
  if (endpoint === 'submit' && !isNdjson(request.headers['content-type'])) {
    sendProblem(request, reply, 415, `Content-Type '${request.headers['content-type'] ?? ''}' is not supported. Supported: application/x-ndjson`);
    return null;
  }
  if (ctx.faults.readOnly) {
    sendProblem(request, reply, 503, READ_ONLY_DETAIL);
    return null;
  }
  const organism = request.params.organism;
  if (!ctx.store.hasOrganism(organism)) {
    sendProblem(request, reply, 400, `Invalid organism: ${organism}, possible values are: [${ctx.store.organismNames().join(', ')}]`);
    return null;
  }
  if (ctx.sweepIntervalSeconds === 0) resetStaleInProcessing(ctx.store, ctx.staleTimeoutSeconds);
  if (endpoint === 'extract' && ctx.upgradeIntervalSeconds === 0) ctx.upgrader.run();
  return organism;
}

export function isNdjson(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.split(';')[0].trim().toLowerCase() === 'application/x-ndjson';
}
