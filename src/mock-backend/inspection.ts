/**
 * The mock's own API under `/_mock` (no auth, never faulted): inspection of state, entries and
 * the request log, and control of faults, read-only mode, stale reset, the upgrade check,
 * seeding, tokens and files. Tests drive the mock over HTTP with it, or call the same
 * functions through the handle `startMockBackend` returns.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { MockContext } from './context.js';
import { FaultSchema } from './faults.js';
import { isNdjson } from './gate.js';
import { SeedError, entriesFromTsvAndFasta, parseSeedNdjson, seedEntries } from './seeding.js';
import { resetStaleInProcessing } from './stale-reset.js';
import { describeEntry, entryStatus, summariseState } from './state-summary.js';

const FaultControl = z.object({
  add: z.union([FaultSchema, z.array(FaultSchema)]).optional(),
  clear: z.boolean().optional(),
  readOnly: z.boolean().optional(),
  invalidateTokens: z.boolean().optional(),
});

const SeedBody = z.object({
  organism: z.string().optional(),
  entries: z.array(z.unknown()).optional(),
  metadataTsv: z.string().optional(),
  fasta: z.string().optional(),
});

const TokenBody = z.object({
  username: z.string().optional(),
  roles: z.array(z.string()).optional(),
  lifetimeSeconds: z.number().optional(),
});

const FileBody = z.object({ fileId: z.string().uuid().optional(), groupId: z.number().int(), uploaded: z.boolean().optional() });
const VersionBody = z.object({ organism: z.string(), version: z.number().int().min(1) });

function jsonBody(request: FastifyRequest): unknown {
  if (typeof request.body !== 'string' || request.body.trim() === '') return {};
  return JSON.parse(request.body);
}

function badRequest(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).send({ error: message });
}

/** Runs a control handler, turning zod, JSON and seeding errors into 400s. */
async function guarded(reply: FastifyReply, work: () => unknown): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof z.ZodError) return badRequest(reply, z.prettifyError(error));
    if (error instanceof SyntaxError || error instanceof SeedError) return badRequest(reply, error.message);
    throw error;
  }
}

export function registerInspectionRoutes(app: FastifyInstance, ctx: MockContext): void {
  const { store } = ctx;

  app.get('/_mock/state', async () => summariseState(store));

  app.get<{ Params: { organism: string } }>('/_mock/entries/:organism', async (request, reply) => {
    if (!store.hasOrganism(request.params.organism)) return reply.code(404).send({ error: 'unknown organism' });
    return store.entries(request.params.organism).map((entry) => ({
      accession: entry.accession,
      version: entry.version,
      submissionId: entry.submissionId,
      ...entryStatus(store, entry),
      pipelineVersions: store.rowsOf(entry.accession, entry.version).map((row) => ({ pipelineVersion: row.pipelineVersion, status: row.status })),
    }));
  });

  app.get<{ Params: { organism: string; accession: string; version: string } }>('/_mock/entries/:organism/:accession/:version', async (request, reply) => {
    const entry = store.entry(request.params.accession, Number(request.params.version));
    if (!entry || entry.organism !== request.params.organism) return reply.code(404).send({ error: 'unknown accession version' });
    return describeEntry(store, entry);
  });

  app.get('/_mock/requests', async () => ctx.requestLog.list());
  app.delete('/_mock/requests', async () => {
    ctx.requestLog.clear();
    return { cleared: true };
  });

  app.get('/_mock/faults', async () => ({ readOnly: ctx.faults.readOnly, faults: ctx.faults.list() }));
  app.post('/_mock/faults', async (request, reply) =>
    guarded(reply, () => {
      const control = FaultControl.parse(jsonBody(request));
      if (control.clear) ctx.faults.clear();
      if (control.readOnly !== undefined) ctx.faults.readOnly = control.readOnly;
      if (control.invalidateTokens) ctx.issuer.invalidateAll();
      for (const fault of control.add === undefined ? [] : Array.isArray(control.add) ? control.add : [control.add]) ctx.faults.add(fault);
      return { readOnly: ctx.faults.readOnly, faults: ctx.faults.list() };
    }),
  );

  app.post('/_mock/stale-reset', async (request, reply) =>
    guarded(reply, () => {
      const { timeoutSeconds } = z.object({ timeoutSeconds: z.number().min(0).optional() }).parse(jsonBody(request));
      return { reset: resetStaleInProcessing(store, timeoutSeconds ?? ctx.staleTimeoutSeconds) };
    }),
  );

  app.post('/_mock/upgrade-check', async () => ({ switched: ctx.upgrader.run() }));

  app.post('/_mock/pipeline-version', async (request, reply) =>
    guarded(reply, () => {
      const { organism, version } = VersionBody.parse(jsonBody(request));
      if (!store.hasOrganism(organism)) throw new SeedError(`Unknown organism ${organism}`);
      store.setCurrentVersion(organism, version);
      return { organism, currentPipelineVersion: version };
    }),
  );

  app.post<{ Querystring: { organism?: string } }>('/_mock/seed', async (request, reply) =>
    guarded(reply, () => {
      let organism = request.query.organism;
      let inputs: unknown[];
      if (isNdjson(request.headers['content-type'])) {
        inputs = parseSeedNdjson(typeof request.body === 'string' ? request.body : '');
      } else {
        const body = SeedBody.parse(jsonBody(request));
        organism ??= body.organism;
        inputs = body.entries ?? (body.metadataTsv !== undefined ? entriesFromTsvAndFasta(body.metadataTsv, body.fasta) : []);
      }
      if (!organism) throw new SeedError('Say which organism to seed (?organism= or "organism" in the body)');
      const seeded = seedEntries(store, organism, inputs as never[]);
      return { seeded: seeded.map((e) => ({ accession: e.accession, version: e.version, submissionId: e.submissionId })) };
    }),
  );

  app.post('/_mock/tokens', async (request, reply) =>
    guarded(reply, () => {
      const body = TokenBody.parse(jsonBody(request));
      const { token, claims } = ctx.issuer.issue(body.username ?? 'preprocessing_pipeline', body.roles ?? ['preprocessing_pipeline'], body.lifetimeSeconds);
      return { access_token: token, claims };
    }),
  );

  app.post('/_mock/files', async (request, reply) =>
    guarded(reply, () => {
      const body = FileBody.parse(jsonBody(request));
      const fileId = body.fileId ?? randomUUID();
      store.files.set(fileId, { fileId, groupId: body.groupId, uploaded: body.uploaded ?? true });
      return { fileId };
    }),
  );
}
