/** Dataset resolution: local directories and a Nextclade v3 style HTTP server on loopback. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { DatasetSpec } from '../../src/config/datasets.js';
import { resolveDatasetDirectory } from '../../src/dataset/resolve.js';
import { loadDataset } from '../../src/dataset/load.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = path.resolve(repoRoot, '../shared/data/nextclade');

const LATEST = '2026-01-06--14-59-32Z';
const OLDER = '2025-09-09--12-13-13Z';
/** Server path → local folder. */
const served: Record<string, string> = {
  'nextstrain/sars-cov-2/wuhan-hu-1/orfs': 'sars-cov-2',
  'community/pathoplexus/cchfv/M': 'cchfv/M',
};

function filesOf(folder: string): Record<string, string> {
  const files = JSON.parse(readFileSync(path.join(data, folder, 'pathogen.json'), 'utf8')).files as Record<string, string>;
  return Object.fromEntries(Object.entries(files).filter(([, f]) => existsSync(path.join(data, folder, f))));
}

let server: FastifyInstance;
let baseUrl: string;
let cacheDir: string;
const requests: string[] = [];
let brokenReference = false;

before(async () => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'dataset-cache-'));
  server = Fastify();
  server.addHook('onRequest', async (req) => {
    requests.push(req.url);
  });
  server.get('/index.json', async () => ({
    schemaVersion: '3.0.0',
    collections: [
      {
        meta: { id: 'test' },
        datasets: Object.entries(served).map(([datasetPath, folder]) => ({
          path: datasetPath,
          shortcuts: datasetPath.endsWith('orfs') ? ['sars-cov-2'] : [],
          files: filesOf(folder),
          versions: [{ tag: LATEST }, { tag: OLDER }],
          version: { tag: LATEST },
        })),
      },
    ],
  }));
  server.get('/*', async (req, reply) => {
    const rest = decodeURIComponent((req.params as Record<string, string>)['*']);
    for (const [datasetPath, folder] of Object.entries(served)) {
      for (const tag of [LATEST, OLDER]) {
        const prefix = `${datasetPath}/${tag}/`;
        if (!rest.startsWith(prefix)) continue;
        const file = rest.slice(prefix.length);
        const local = path.join(data, folder, file);
        if (file.includes('/') || !existsSync(local)) break;
        if (brokenReference && file.startsWith('reference')) return reply.type('text/plain').send('not a fasta');
        return reply.type('application/octet-stream').send(readFileSync(local));
      }
    }
    return reply.code(404).send({ error: 'not found' });
  });
  baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

function spec(overrides: Partial<DatasetSpec>): DatasetSpec {
  return {
    segment: 'main',
    reference: 'singleReference',
    sequenceName: 'main',
    datasetName: 'nextstrain/sars-cov-2/wuhan-hu-1/orfs',
    datasetTag: null,
    datasetServer: baseUrl,
    acceptedDatasetMatches: [],
    genes: [],
    multiReference: false,
    ...overrides,
  };
}

test('latest version is downloaded once into the cache, verified and loadable', async () => {
  const dir = await resolveDatasetDirectory(spec({}), cacheDir);
  assert.ok(dir.endsWith(path.join('nextstrain', 'sars-cov-2', 'wuhan-hu-1', 'orfs', LATEST)));
  const dataset = await loadDataset(dir);
  assert.equal(dataset.reference.sequence.length, 29_903);
  assert.equal(dataset.alignParams.gapAlignmentSide, 'right');
  const before = requests.length;
  const again = await resolveDatasetDirectory(spec({ datasetTag: 'latest' }), cacheDir);
  assert.equal(again, dir);
  assert.deepEqual(requests.slice(before), ['/index.json']);
});

test('a shortcut name and an explicit older tag resolve; unknown tags and names are errors', async () => {
  const dir = await resolveDatasetDirectory(spec({ datasetName: 'sars-cov-2', datasetTag: OLDER }), cacheDir);
  assert.ok(dir.endsWith(OLDER));
  await assert.rejects(resolveDatasetDirectory(spec({ datasetTag: '1999-01-01' }), cacheDir), /has no version '1999-01-01'/);
  await assert.rejects(resolveDatasetDirectory(spec({ datasetName: 'nope/virus' }), cacheDir), /not listed/);
});

test('dataset files named by pathogen.json (reference_M.fasta) are fetched', async () => {
  const dir = await resolveDatasetDirectory(spec({ datasetName: 'community/pathoplexus/cchfv/M' }), cacheDir);
  assert.ok(existsSync(path.join(dir, 'reference_M.fasta')));
  const dataset = await loadDataset(dir);
  assert.deepEqual(dataset.annotation.cdses.map((c) => c.name), ['GPC']);
});

test('a download that does not verify leaves nothing in the cache', async () => {
  const fresh = mkdtempSync(path.join(tmpdir(), 'dataset-cache-'));
  brokenReference = true;
  try {
    await assert.rejects(resolveDatasetDirectory(spec({}), fresh), /is not a FASTA file/);
  } finally {
    brokenReference = false;
  }
  const root = path.join(fresh, baseUrl.replace('http://', '').replace(/[^A-Za-z0-9._-]+/g, '_'), 'nextstrain', 'sars-cov-2', 'wuhan-hu-1', 'orfs');
  assert.ok(!existsSync(path.join(root, LATEST)));
  rmSync(fresh, { recursive: true, force: true });
});

test('an unreachable server falls back to the cached copy with a warning', async () => {
  const dir = await resolveDatasetDirectory(spec({}), cacheDir);
  const warnings: string[] = [];
  const deadServer = 'http://127.0.0.1:9'; // discard port: connection refused
  const deadCache = mkdtempSync(path.join(tmpdir(), 'dataset-cache-'));
  await assert.rejects(resolveDatasetDirectory(spec({ datasetServer: deadServer }), deadCache, { retries: 0 }), /unreachable and no cached copy/);
  rmSync(deadCache, { recursive: true, force: true });
  // Same cache, server gone: simulate by pointing at the cached server key through a closed port.
  const closing = Fastify();
  const url = await closing.listen({ host: '127.0.0.1', port: 0 });
  await closing.close();
  const key = url.replace('http://', '').replace(/[^A-Za-z0-9._-]+/g, '_');
  const { cpSync } = await import('node:fs');
  const baseKey = baseUrl.replace('http://', '').replace(/[^A-Za-z0-9._-]+/g, '_');
  cpSync(path.join(cacheDir, baseKey), path.join(cacheDir, key), { recursive: true });
  const fallback = await resolveDatasetDirectory(spec({ datasetServer: url }), cacheDir, { retries: 0, onWarning: (w) => warnings.push(w) });
  assert.equal(path.basename(fallback), path.basename(dir));
  assert.match(warnings[0], /unreachable/);
});

test('a local directory server holds <datasetName>/', async () => {
  const dir = await resolveDatasetDirectory(spec({ datasetServer: data, datasetName: 'cchfv/L' }), cacheDir);
  assert.equal(dir, path.join(data, 'cchfv/L'));
  await assert.rejects(resolveDatasetDirectory(spec({ datasetServer: data, datasetName: 'nothing-here' }), cacheDir), /not found under local dataset directory/);
});

/** A cache copied to the server key of a port that no longer listens: the server is gone. */
async function cacheOfGoneServer(cache: string): Promise<string> {
  const closing = Fastify();
  const url = await closing.listen({ host: '127.0.0.1', port: 0 });
  await closing.close();
  const keyOf = (u: string) => u.replace('http://', '').replace(/[^A-Za-z0-9._-]+/g, '_');
  cpSync(path.join(cache, keyOf(baseUrl)), path.join(cache, keyOf(url)), { recursive: true });
  return url;
}

test('an unreachable server falls back to the cached copy of a dataset named by its shortcut', async () => {
  const fresh = mkdtempSync(path.join(tmpdir(), 'dataset-cache-'));
  try {
    const dir = await resolveDatasetDirectory(spec({ datasetName: 'sars-cov-2' }), fresh);
    const gone = await cacheOfGoneServer(fresh);
    const warnings: string[] = [];
    const fallback = await resolveDatasetDirectory(spec({ datasetName: 'sars-cov-2', datasetServer: gone }), fresh, { retries: 0, onWarning: (w) => warnings.push(w) });
    assert.equal(path.basename(fallback), path.basename(dir));
    assert.ok(existsSync(path.join(fallback, 'reference.fasta')));
    assert.match(warnings[0], /unreachable/);
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('a dataset without nextclade_dataset_name is a configuration error', async () => {
  await assert.rejects(resolveDatasetDirectory(spec({ datasetName: null }), cacheDir), /sequence 'main' has no nextclade_dataset_name/);
});

/** A one-dataset server whose index lists `files` and which serves only `present` (from sars-cov-2). */
async function miniServer(files: Record<string, string>, present: string[], index?: string): Promise<FastifyInstance> {
  const mini = Fastify();
  mini.get('/index.json', async (_req, reply) => {
    if (index !== undefined) return reply.type('text/html').send(index);
    return { collections: [{ datasets: [{ path: 'mini/sc2', files, versions: [{ tag: 'v1' }], version: { tag: 'v1' } }] }] };
  });
  mini.get('/mini/sc2/v1/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (!present.includes(file)) return reply.code(404).send();
    return reply.type('application/octet-stream').send(readFileSync(path.join(data, 'sars-cov-2', file)));
  });
  await mini.listen({ host: '127.0.0.1', port: 0 });
  return mini;
}

const urlOf = (s: FastifyInstance) => `http://127.0.0.1:${(s.server.address() as { port: number }).port}`;
const sc2Files = { reference: 'reference.fasta', pathogenJson: 'pathogen.json', genomeAnnotation: 'genome_annotation.gff3', readme: 'README.md' };
const leftovers = (cache: string) => readdirSync(cache, { recursive: true }).map(String).filter((p) => p.includes('.tmp-'));

test('an optional file the server does not have is skipped with a warning', async () => {
  const mini = await miniServer(sc2Files, ['reference.fasta', 'pathogen.json', 'genome_annotation.gff3']);
  const fresh = mkdtempSync(path.join(tmpdir(), 'dataset-cache-'));
  try {
    const warnings: string[] = [];
    const dir = await resolveDatasetDirectory(spec({ datasetServer: urlOf(mini), datasetName: 'mini/sc2' }), fresh, { retries: 0, onWarning: (w) => warnings.push(w) });
    assert.ok(existsSync(path.join(dir, 'genome_annotation.gff3')));
    assert.ok(!existsSync(path.join(dir, 'README.md')));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /README\.md not downloadable .*HTTP 404.*continuing without it/);
  } finally {
    await mini.close();
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('a core file the server does not have fails the download and leaves nothing behind', async () => {
  const mini = await miniServer(sc2Files, ['reference.fasta', 'pathogen.json', 'README.md']);
  const fresh = mkdtempSync(path.join(tmpdir(), 'dataset-cache-'));
  try {
    await assert.rejects(resolveDatasetDirectory(spec({ datasetServer: urlOf(mini), datasetName: 'mini/sc2' }), fresh, { retries: 0 }), /genome_annotation\.gff3: HTTP 404/);
    assert.deepEqual(leftovers(fresh), []);
    assert.equal(readdirSync(fresh, { recursive: true }).map(String).filter((p) => p.endsWith('v1')).length, 0);
  } finally {
    await mini.close();
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('a file name with a path in the index is refused', async () => {
  const mini = await miniServer({ ...sc2Files, readme: '../../README.md' }, ['reference.fasta', 'pathogen.json', 'genome_annotation.gff3']);
  const fresh = mkdtempSync(path.join(tmpdir(), 'dataset-cache-'));
  try {
    await assert.rejects(resolveDatasetDirectory(spec({ datasetServer: urlOf(mini), datasetName: 'mini/sc2' }), fresh, { retries: 0 }), /suspicious file name '\.\.\/\.\.\/README\.md'/);
    assert.deepEqual(leftovers(fresh), []);
  } finally {
    await mini.close();
    rmSync(fresh, { recursive: true, force: true });
  }
});

test('an index.json that is not JSON is reported as such, with its address', async () => {
  const mini = await miniServer(sc2Files, [], '<html>proxy error</html>');
  try {
    await assert.rejects(
      resolveDatasetDirectory(spec({ datasetServer: urlOf(mini), datasetName: 'mini/sc2' }), cacheDir, { retries: 0 }),
      new RegExp(`${urlOf(mini).replace(/\./g, '\\.')}/index\\.json is not a dataset index: .*JSON`),
    );
  } finally {
    await mini.close();
  }
});
