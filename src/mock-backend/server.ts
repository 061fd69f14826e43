/**
 * The mock Loculus backend as a fastify server, with a programmatic handle for tests and the CLI.
 *
 *   const mock = await startMockBackend({ organisms: { dummyOrganism: schema } });
 *   mock.seed('dummyOrganism', [{ metadata: {...}, sequences: {...} }]);
 *   // worker: backend host `${mock.url}/dummyOrganism`, keycloak host `mock.url`
 *   await mock.close();
 *
 * Every instance has its own state, secret and timers; nothing is global.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { OrganismSchema } from '../contract/organism.js';
import { DEFAULT_USERS, type MockUser, TokenIssuer } from './auth.js';
import type { MockContext } from './context.js';
import { registerExtractRoute } from './extract.js';
import { Faults } from './faults.js';
import { registerHealthRoutes } from './health.js';
import { registerInspectionRoutes } from './inspection.js';
import { sendProblem } from './problem.js';
import { RequestLog } from './request-log.js';
import { every } from './schedule.js';
import { seedEntriesFromFiles } from './seed-files.js';
import { type SeedEntry, entriesFromTsvAndFasta, seedEntries } from './seeding.js';
import { resetStaleInProcessing } from './stale-reset.js';
import { describeEntry, summariseState } from './state-summary.js';
import { MockStore, type SequenceEntry } from './store.js';
import { registerSubmitRoute } from './submit.js';
import { TOKEN_PATH, registerTokenRoute } from './token-route.js';
import { PipelineVersionUpgrader } from './versions.js';

export interface MockBackendOptions {
  organisms: Record<string, OrganismSchema>;
  /** Accession prefix (default `LOC_`). */
  accessionPrefix?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Stale IN_PROCESSING reset timeout (default 600 s, as standard deployments). */
  staleTimeoutSeconds?: number;
  /** Stale sweep interval: > 0 on a timer (default 60 s); 0 = before every pipeline request; null = on demand only. */
  sweepIntervalSeconds?: number | null;
  /** Upgrade check interval: > 0 on a timer (default 10 s); 0 = before every extract; null = on demand only. */
  pipelineVersionUpgradeIntervalSeconds?: number | null;
  /** Access-token lifetime (default 36000 s, the realm's). */
  tokenLifetimeSeconds?: number;
  /** Tolerance on token expiry (Spring: 60 s; default here 0 so expiry tests are quick). */
  clockSkewSeconds?: number;
  users?: MockUser[];
  /** Fixed bearer tokens accepted besides the issued JWTs. */
  staticTokens?: Record<string, { username: string; roles: string[] }>;
  readOnly?: boolean;
  /** A pino-compatible logger, or true for fastify's default; off by default. */
  logger?: FastifyBaseLogger | boolean;
  requestLogLimit?: number;
  /** Clock in epoch milliseconds (tests may move time). */
  now?: () => number;
}

export interface MockBackend {
  /** `http://host:port` — also the Keycloak host. */
  url: string;
  port: number;
  /** Full URL of the token endpoint. */
  tokenUrl: string;
  /** The pipeline's backend host for an organism: `${url}/${organism}`. */
  backendUrl(organism: string): string;
  app: FastifyInstance;
  context: MockContext;
  store: MockStore;
  faults: Faults;
  requestLog: RequestLog;
  seed(organism: string, entries: SeedEntry[]): SequenceEntry[];
  seedFromTsvAndFasta(organism: string, metadataTsv: string, fasta?: string): SequenceEntry[];
  /** NDJSON, or TSV paired with FASTA files (see `seed-files.ts`). */
  seedFromFiles(organism: string, paths: string[]): SequenceEntry[];
  /** A valid access token (default: the pipeline user and role). */
  issueToken(options?: { username?: string; roles?: string[]; lifetimeSeconds?: number }): string;
  /** Makes every token issued so far answer 401. */
  invalidateTokens(): void;
  staleReset(timeoutSeconds?: number): number;
  upgradeCheck(): Record<string, number>;
  setReadOnly(readOnly: boolean): void;
  state(): ReturnType<typeof summariseState>;
  describe(accession: string, version: number): ReturnType<typeof describeEntry> | null;
  close(): Promise<void>;
}

/** Builds the fastify app and its context without listening (for embedding). */
export function createMockBackendApp(options: MockBackendOptions): { app: FastifyInstance; context: MockContext } {
  const now = options.now ?? Date.now;
  const store = new MockStore(options.organisms, { accessionPrefix: options.accessionPrefix, now });
  const faults = new Faults();
  faults.readOnly = options.readOnly ?? false;
  const context: MockContext = {
    store,
    faults,
    issuer: new TokenIssuer({ lifetimeSeconds: options.tokenLifetimeSeconds ?? 36000, clockSkewSeconds: options.clockSkewSeconds ?? 0, now }),
    users: options.users ?? DEFAULT_USERS,
    staticTokens: options.staticTokens ?? {},
    requestLog: new RequestLog(options.requestLogLimit ?? 1000),
    upgrader: new PipelineVersionUpgrader(store),
    staleTimeoutSeconds: options.staleTimeoutSeconds ?? 600,
    sweepIntervalSeconds: options.sweepIntervalSeconds === undefined ? 60 : options.sweepIntervalSeconds,
    upgradeIntervalSeconds: options.pipelineVersionUpgradeIntervalSeconds === undefined ? 10 : options.pipelineVersionUpgradeIntervalSeconds,
  };

  const logger = options.logger;
  const app = Fastify({
    ...(typeof logger === 'object' ? { loggerInstance: logger } : { logger: logger ?? false }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024 * 1024,
    forceCloseConnections: true,
  });
  // Every body arrives as text: NDJSON, form bodies and JSON are parsed by the routes themselves,
  // so a wrong Content-Type gets the backend's answer instead of fastify's.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!request.url.startsWith('/_mock')) context.requestLog.track(request, reply);
  });
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
    sendProblem(request, reply, status, error.message);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, `No endpoint ${request.method} ${request.url.split('?')[0]}`));

  registerTokenRoute(app, context);
  registerExtractRoute(app, context);
  registerSubmitRoute(app, context);
  registerInspectionRoutes(app, context);
  registerHealthRoutes(app);

  const stops: (() => void)[] = [];
  if (context.sweepIntervalSeconds) stops.push(every(context.sweepIntervalSeconds, () => resetStaleInProcessing(store, context.staleTimeoutSeconds)));
  if (context.upgradeIntervalSeconds) stops.push(every(context.upgradeIntervalSeconds, () => context.upgrader.run()));
  app.addHook('onClose', async () => stops.forEach((stop) => stop()));
  return { app, context };
}

/** Starts the mock backend on `host:port` (default 127.0.0.1, a free port). */
export async function startMockBackend(options: MockBackendOptions): Promise<MockBackend> {
  const { app, context } = createMockBackendApp(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const { store } = context;
  return {
    url,
    port,
    tokenUrl: `${url}${TOKEN_PATH}`,
    backendUrl: (organism) => `${url}/${organism}`,
    app,
    context,
    store,
    faults: context.faults,
    requestLog: context.requestLog,
    seed: (organism, entries) => seedEntries(store, organism, entries),
    seedFromTsvAndFasta: (organism, tsv, fasta) => seedEntries(store, organism, entriesFromTsvAndFasta(tsv, fasta)),
    seedFromFiles: (organism, paths) => seedEntries(store, organism, seedEntriesFromFiles(paths)),
    issueToken: (o = {}) => context.issuer.issue(o.username ?? 'preprocessing_pipeline', o.roles ?? ['preprocessing_pipeline'], o.lifetimeSeconds).token,
    invalidateTokens: () => context.issuer.invalidateAll(),
    staleReset: (timeoutSeconds) => resetStaleInProcessing(store, timeoutSeconds ?? context.staleTimeoutSeconds),
    upgradeCheck: () => context.upgrader.run(),
    setReadOnly: (readOnly) => {
      context.faults.readOnly = readOnly;
    },
    state: () => summariseState(store),
    describe: (accession, version) => {
      const entry = store.entry(accession, version);
      return entry ? describeEntry(store, entry) : null;
    },
    close: () => app.close(),
  };
}
