/**
 * A deliberately dumb backend for bad-input tests: its extract endpoint streams whatever bytes
 * the test queued (garbage included), its submit endpoint records what the worker sent back.
 * Tokens still come from the real mock (the worker's Keycloak host).
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';

export interface RawBackend {
  url: string;
  /** The next extract call streams this body (in 64 KiB chunks); later calls get an empty 200. */
  queue(body: Buffer): void;
  /** Every line the worker submitted, parsed. */
  submitted: { accession: string; version: number; errors: { message: string }[] }[];
  extractCalls: number;
  close(): Promise<void>;
}

export async function startRawBackend(): Promise<RawBackend> {
  const bodies: Buffer[] = [];
  const backend: RawBackend = {
    url: '',
    queue: (body) => void bodies.push(body),
    submitted: [],
    extractCalls: 0,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      if (request.url?.includes('/extract-unprocessed-data')) {
        backend.extractCalls++;
        const body = bodies.shift() ?? Buffer.alloc(0);
        response.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for (let at = 0; at < body.length; at += 65536) {
          if (!response.write(body.subarray(at, at + 65536))) await once(response, 'drain');
        }
        response.end();
        return;
      }
      if (request.url?.includes('/submit-processed-data')) {
        for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
          if (line) backend.submitted.push(JSON.parse(line) as RawBackend['submitted'][number]);
        }
        response.writeHead(204).end();
        return;
      }
      response.writeHead(404).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  backend.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return backend;
}
