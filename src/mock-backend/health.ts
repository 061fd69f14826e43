/**
 * The backend's unauthenticated helpers (backend-contract.md §9): `GET /` with instance info and
 * the Spring actuator health probes, so compose health checks can treat the mock like the backend.
 */
import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(app: FastifyInstance): void {
  app.get('/', async () => ({ name: 'Loculus (mock backend)', status: 'Healthy', documentation: '/swagger-ui/index.html', isInDebugMode: false }));
  for (const path of ['/actuator/health', '/actuator/health/liveness', '/actuator/health/readiness']) {
    app.get(path, async () => ({ status: 'UP' }));
  }
}
