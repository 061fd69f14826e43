/**
 * Probe and metrics server on its own port: /livez, /readyz, /healthz, /metrics.
 * It exposes no entry data, only check states and counters.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { HealthState } from './health-state.js';
import type { Metrics } from './metrics.js';

export interface HealthServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function buildHealthApp(health: HealthState, metrics: Metrics): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 });
  const probe = (result: { ok: boolean; checks: unknown }, verbose: boolean) => ({
    code: result.ok ? 200 : 503,
    body: verbose ? { status: result.ok ? 'ok' : 'failing', checks: result.checks } : result.ok ? 'ok\n' : 'failing\n',
  });
  const isVerbose = (query: unknown) => typeof query === 'object' && query !== null && 'verbose' in query;

  const routes: Record<string, () => { ok: boolean; checks: unknown }> = {
    '/livez': () => health.live(),
    // Kubernetes' older name, kept for humans and scripts.
    '/healthz': () => health.live(),
    '/readyz': () => health.ready(),
  };
  for (const [path, check] of Object.entries(routes)) {
    app.get(path, async (request, reply) => {
      const { code, body } = probe(check(), isVerbose(request.query));
      return reply.code(code).send(body);
    });
  }
  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
  return app;
}

export async function startHealthServer(health: HealthState, metrics: Metrics, options: { port: number; host: string }): Promise<HealthServer> {
  const app = buildHealthApp(health, metrics);
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return { url: `http://${shownHost}:${port}`, port, close: () => app.close() };
}
