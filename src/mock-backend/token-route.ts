/** Keycloak's token endpoint, password grant only (backend-contract.md §2). */
import type { FastifyInstance } from 'fastify';
import { passwordGrant } from './auth.js';
import type { MockContext } from './context.js';
import { applyRequestFaults } from './gate.js';

export const TOKEN_PATH = '/realms/loculus/protocol/openid-connect/token';

export function registerTokenRoute(app: FastifyInstance, ctx: MockContext): void {
  app.post(TOKEN_PATH, async (request, reply) => {
    if (await applyRequestFaults(ctx, 'token', request, reply)) return reply;
    const form = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const result = passwordGrant(form, ctx.users, ctx.issuer);
    return reply.code(result.status).header('content-type', 'application/json').header('cache-control', 'no-store').send(JSON.stringify(result.body));
  });
}
