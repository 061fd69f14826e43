/** Dataset downloads: which answers are retried, how often, and the size and time limits. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { download, DownloadError } from '../../src/dataset/download.js';

type Handler = (req: IncomingMessage, res: ServerResponse, attempt: number) => void;

let server: Server;
let baseUrl: string;
const handlers = new Map<string, Handler>();
const hits = new Map<string, number>();

before(async () => {
  server = createServer((req, res) => {
    const attempt = (hits.get(req.url!) ?? 0) + 1;
    hits.set(req.url!, attempt);
    const handler = handlers.get(req.url!);
    if (handler) handler(req, res, attempt);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('5xx and 429 answers are retried until one succeeds', async () => {
  handlers.set('/flaky', (_req, res, attempt) => {
    if (attempt === 1) res.writeHead(503).end();
    else if (attempt === 2) res.writeHead(429).end();
    else res.writeHead(200).end('reference');
  });
  const body = await download(`${baseUrl}/flaky`, { retries: 3 });
  assert.equal(body.toString(), 'reference');
  assert.equal(hits.get('/flaky'), 3);
});

test('retries are bounded: a server that keeps failing is asked retries + 1 times', async () => {
  handlers.set('/down', (_req, res) => res.writeHead(500).end());
  await assert.rejects(download(`${baseUrl}/down`, { retries: 2 }), (error: unknown) => {
    assert.ok(error instanceof DownloadError);
    assert.match(error.message, /HTTP 500/);
    assert.equal(error.retryable, true);
    return true;
  });
  assert.equal(hits.get('/down'), 3);
});

test('a 404 is not retried', async () => {
  await assert.rejects(download(`${baseUrl}/missing`, { retries: 3 }), (error: unknown) => {
    assert.ok(error instanceof DownloadError);
    assert.match(error.message, /HTTP 404/);
    assert.equal(error.retryable, false);
    return true;
  });
  assert.equal(hits.get('/missing'), 1);
});

test('a body above maxBytes is refused and not retried', async () => {
  handlers.set('/big', (_req, res) => res.writeHead(200).end(Buffer.alloc(4096, 65)));
  await assert.rejects(download(`${baseUrl}/big`, { retries: 3, maxBytes: 1000 }), /body larger than 1000 bytes/);
  assert.equal(hits.get('/big'), 1);
  assert.equal((await download(`${baseUrl}/big`, { maxBytes: 4096 })).length, 4096);
});

test('a server that never answers times out and is retried within the bound', async () => {
  handlers.set('/silent', () => undefined);
  await assert.rejects(download(`${baseUrl}/silent`, { retries: 1, timeoutMs: 100 }), DownloadError);
  assert.equal(hits.get('/silent'), 2);
});

test('a nonsensical retry count does not retry forever', async () => {
  handlers.set('/down-nan', (_req, res) => res.writeHead(500).end());
  await assert.rejects(download(`${baseUrl}/down-nan`, { retries: Number.NaN }), /HTTP 500/);
  assert.ok(hits.get('/down-nan')! <= 4);
});

test('aborting stops the retries', async () => {
  handlers.set('/down-abort', (_req, res) => res.writeHead(500).end());
  const controller = new AbortController();
  const pending = download(`${baseUrl}/down-abort`, { retries: 50, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  await assert.rejects(pending, { name: 'AbortError' });
  assert.ok(hits.get('/down-abort')! < 50);
});

test('a body that trickles in below the inactivity timeout still ends at the per-attempt deadline', async () => {
  handlers.set('/trickle', (_req, res) => {
    res.writeHead(200);
    const timer = setInterval(() => res.write('A'), 20);
    res.on('close', () => clearInterval(timer));
  });
  await assert.rejects(download(`${baseUrl}/trickle`, { retries: 1, timeoutMs: 1000, deadlineMs: 200 }), (error: unknown) => {
    assert.ok(error instanceof DownloadError);
    assert.match(error.message, /no complete answer within 200 ms/);
    return true;
  });
  assert.equal(hits.get('/trickle'), 2);
});
