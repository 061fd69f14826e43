import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { httpCall, readText } from '../../src/backend/http.js';
import { TransientBackendError } from '../../src/shared/errors.js';

test('a body that trickles in is cut off at 10 × the timeout, as a retryable error', { timeout: 20_000 }, async () => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/x-ndjson' });
    // One small chunk every 100 ms: never idle for the 200 ms timeout, but endless.
    const timer = setInterval(() => response.write('{}\n'), 100);
    response.on('close', () => clearInterval(timer));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const started = Date.now();
  try {
    const response = await httpCall({ endpoint: 'extract', method: 'POST', url: `http://127.0.0.1:${port}/`, timeoutMs: 200 });
    await assert.rejects(
      (async () => {
        for await (const _chunk of response.body) {
          /* keep reading */
        }
      })(),
    );
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 1800 && elapsed < 6000, `cut off after ${elapsed} ms`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('no answer within the timeout is a retryable timeout error', { timeout: 10_000 }, async () => {
  const server = createServer(() => {
    /* never answers */
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  try {
    await assert.rejects(httpCall({ endpoint: 'extract', method: 'POST', url: `http://127.0.0.1:${port}/`, timeoutMs: 200 }), (error: unknown) => {
      assert.ok(error instanceof TransientBackendError);
      assert.match(error.message, /timeout/);
      return true;
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('an error body is read up to a limit', async () => {
  const server = createServer((_request, response) => response.end('x'.repeat(100_000)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  try {
    const response = await httpCall({ endpoint: 'submit', method: 'POST', url: `http://127.0.0.1:${port}/`, timeoutMs: 1000 });
    assert.equal((await readText(response, 1000)).length, 1000);
  } finally {
    server.close();
  }
});
