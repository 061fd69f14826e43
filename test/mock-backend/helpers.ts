/** Shared set-up for the mock-backend tests: a fresh mock per test, real HTTP on 127.0.0.1. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import type { ProcessedEntry } from '../../src/contract/entries.js';
import { toNdjsonBody } from '../../src/contract/serialise.js';
import { type MockBackend, type MockBackendOptions, startMockBackend } from '../../src/mock-backend/index.js';
import { loadTestBackendConfig } from './fixtures/organisms.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const loculusTestResources = path.resolve(repoRoot, '../shared/data/loculus/backend/src/test/resources');

/** A mock with the backend's test organisms; background tasks off unless asked for. */
export function startTestMock(options: Partial<MockBackendOptions> = {}): Promise<MockBackend> {
  return startMockBackend({
    organisms: loadTestBackendConfig().organisms,
    sweepIntervalSeconds: null,
    pipelineVersionUpgradeIntervalSeconds: null,
    ...options,
  });
}

/** Ten entries like the backend tests' default submission (`custom0..9`). */
export function seedTen(mock: MockBackend, organism = 'dummyOrganism') {
  return mock.seed(
    organism,
    Array.from({ length: 10 }, (_, i) => ({
      submissionId: `custom${i}`,
      metadata: { date: '2020-12-26', region: 'Europe', country: 'Switzerland' },
      sequences: { [`custom${i}`]: 'ACTG' },
    })),
  );
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export async function post(url: string, init: { headers?: Record<string, string>; body?: string } = {}): Promise<HttpResult> {
  const response = await request(url, { method: 'POST', headers: init.headers, body: init.body });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function extract(
  mock: MockBackend,
  params: { numberOfSequenceEntries?: number | string; pipelineVersion?: number | string },
  options: { organism?: string; token?: string | null; headers?: Record<string, string> } = {},
): Promise<HttpResult & { lines: Record<string, unknown>[] }> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  const token = options.token === undefined ? mock.issueToken() : options.token;
  const headers = { ...(token === null ? {} : bearer(token)), ...options.headers };
  const result = await post(`${mock.backendUrl(options.organism ?? 'dummyOrganism')}/extract-unprocessed-data?${query}`, { headers });
  const lines = result.status === 200 ? result.text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) : [];
  return { ...result, lines };
}

export async function submit(
  mock: MockBackend,
  body: string | ProcessedEntry[],
  options: { organism?: string; pipelineVersion?: number | string; token?: string | null; contentType?: string } = {},
): Promise<HttpResult & { detail?: string }> {
  const token = options.token === undefined ? mock.issueToken() : options.token;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/x-ndjson', ...(token === null ? {} : bearer(token)) };
  const text = typeof body === 'string' ? body : toNdjsonBody(body);
  const result = await post(`${mock.backendUrl(options.organism ?? 'dummyOrganism')}/submit-processed-data?pipelineVersion=${options.pipelineVersion ?? 1}`, {
    headers,
    body: text,
  });
  let detail: string | undefined;
  if (result.text) {
    try {
      detail = (JSON.parse(result.text) as { detail?: string }).detail;
    } catch {
      detail = undefined;
    }
  }
  return { ...result, detail };
}

export function problemDetail(result: HttpResult): string {
  return (JSON.parse(result.text) as { detail: string }).detail;
}
