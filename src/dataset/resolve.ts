/**
 * Where a configured dataset lives on disk (alignment.md §19). `nextclade_dataset_server` is either
 * a local directory holding `<datasetName>/` (optionally `<datasetName>/<tag>/`) or an HTTP(S)
 * server in the Nextclade v3 layout: `index.json`, then `<path>/<tag>/<file>` for each file of the
 * resolved version. Downloads go to `<cacheDir>/<server>/<path>/<tag>/`, once: written to a
 * temporary directory, verified, then renamed into place. If the server cannot be reached, an
 * already cached version is used (with a warning).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetSpec } from '../config/datasets.js';
import { download, DownloadError, type DownloadOptions } from './download.js';
import { parseFasta } from './fasta.js';
import { parseGff3 } from './gff3.js';
import { parsePathogenJson } from './pathogen.js';
import { findServerDataset, parseServerIndex, resolveTag } from './server-index.js';

export interface ResolveOptions extends Pick<DownloadOptions, 'timeoutMs' | 'retries'> {
  signal?: AbortSignal;
  onWarning?: (message: string) => void;
}

const COMPLETE_MARKER = '.complete';

function isHttp(server: string): boolean {
  return /^https?:\/\//i.test(server);
}

export async function resolveDatasetDirectory(spec: DatasetSpec, cacheDir: string, opts: ResolveOptions = {}): Promise<string> {
  const name = spec.datasetName;
  if (!name) throw new Error(`sequence '${spec.sequenceName}' has no nextclade_dataset_name`);
  const server = spec.datasetServer;
  if (!isHttp(server)) return localDataset(server.startsWith('file://') ? new URL(server).pathname : server, name, spec.datasetTag);
  return remoteDataset(server.replace(/\/+$/, ''), name, spec.datasetTag, cacheDir, opts);
}

function localDataset(root: string, name: string, tag: string | null): string {
  const base = path.resolve(root, name);
  const tagged = tag && tag !== 'latest' ? path.join(base, tag) : null;
  const isDataset = (dir: string) => existsSync(path.join(dir, 'pathogen.json')) || existsSync(path.join(dir, 'reference.fasta'));
  for (const candidate of [tagged, base]) {
    if (candidate && isDataset(candidate)) return candidate;
  }
  // A dataset kept in a single version folder (e.g. `<name>/main/`, as Loculus's test datasets are).
  const versions = existsSync(base) ? readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory() && isDataset(path.join(base, d.name))) : [];
  if (versions.length === 1) return path.join(base, versions[0]!.name);
  throw new Error(`dataset '${name}' not found under local dataset directory ${root}`);
}

function cacheRoot(cacheDir: string, server: string, datasetPath: string): string {
  const serverKey = server.replace(/^https?:\/\//i, '').replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(cacheDir, serverKey, ...datasetPath.split('/').filter((p) => p && p !== '..' && p !== '.'));
}

async function remoteDataset(server: string, name: string, tag: string | null, cacheDir: string, opts: ResolveOptions): Promise<string> {
  const http = { signal: opts.signal, timeoutMs: opts.timeoutMs, retries: opts.retries };
  let indexText: string;
  try {
    indexText = (await download(`${server}/index.json`, { ...http, maxBytes: 64 * 1024 * 1024 })).toString('utf8');
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    const cached = await newestCached(cacheRoot(cacheDir, server, (await shortcutTarget(cacheDir, server, name)) ?? name), tag);
    if (!cached) throw new Error(`dataset server ${server} unreachable and no cached copy of '${name}': ${error.message}`);
    opts.onWarning?.(`dataset server ${server} unreachable (${error.message}); using cached ${cached}`);
    return cached;
  }
  const index = parseServerIndex(indexText, `${server}/index.json`);
  const entry = findServerDataset(index, name);
  if (!entry) throw new Error(`dataset '${name}' is not listed in ${server}/index.json`);
  if (entry.path !== name) await rememberShortcut(cacheDir, server, name, entry.path);
  const resolvedTag = resolveTag(entry, tag);
  const target = path.join(cacheRoot(cacheDir, server, entry.path), resolvedTag);
  if (existsSync(path.join(target, COMPLETE_MARKER))) return target;

  const files = [...new Set(Object.values(entry.files))];
  if (!files.some((f) => f === (entry.files.reference ?? 'reference.fasta'))) files.push('reference.fasta');
  const temporary = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(temporary, { recursive: true });
  try {
    for (const file of files) {
      if (file.includes('/') || file.includes('..')) throw new Error(`dataset '${entry.path}': suspicious file name '${file}'`);
      const url = `${server}/${entry.path}/${resolvedTag}/${encodeURIComponent(file)}`;
      let body: Buffer;
      try {
        body = await download(url, http);
      } catch (error) {
        // Optional files (readme, changelog, examples, tree) may be absent; the core ones are not.
        const role = Object.entries(entry.files).find(([, f]) => f === file)?.[0];
        if (error instanceof DownloadError && !error.retryable && role && !['reference', 'pathogenJson', 'genomeAnnotation'].includes(role)) {
          opts.onWarning?.(`dataset '${entry.path}' ${resolvedTag}: ${file} not downloadable (${error.message}); continuing without it`);
          continue;
        }
        throw error;
      }
      await writeFile(path.join(temporary, file), body);
    }
    await verifyDataset(temporary, entry.files);
    await writeFile(path.join(temporary, COMPLETE_MARKER), `${server}/${entry.path}/${resolvedTag}\n`);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(temporary, target);
    } catch (error) {
      // Another process finished the same download first: use theirs.
      if (!existsSync(path.join(target, COMPLETE_MARKER))) throw error;
      await rm(temporary, { recursive: true, force: true });
    }
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return target;
}

/**
 * The cache is laid out by dataset path; a dataset configured by a shortcut (`sars-cov-2`) needs
 * the path it stood for to be found again when the server is unreachable.
 */
function shortcutFile(cacheDir: string, server: string, name: string): string {
  return path.join(cacheRoot(cacheDir, server, ''), '.shortcuts', `${encodeURIComponent(name)}.path`);
}

async function rememberShortcut(cacheDir: string, server: string, name: string, datasetPath: string): Promise<void> {
  const file = shortcutFile(cacheDir, server, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, datasetPath);
}

async function shortcutTarget(cacheDir: string, server: string, name: string): Promise<string | null> {
  const file = shortcutFile(cacheDir, server, name);
  return existsSync(file) ? (await readFile(file, 'utf8')).trim() : null;
}

/** The downloaded files must parse before the version is accepted into the cache. */
async function verifyDataset(dir: string, files: Record<string, string>): Promise<void> {
  const reference = path.join(dir, files.reference ?? 'reference.fasta');
  const text = await readFile(reference, 'utf8');
  const records = text.trimStart().startsWith('>') ? parseFasta(text) : [];
  if (records.length === 0 || records[0].sequence.length === 0) throw new Error(`downloaded ${path.basename(reference)} is not a FASTA file with a sequence`);
  const pathogen = path.join(dir, files.pathogenJson ?? 'pathogen.json');
  if (existsSync(pathogen)) parsePathogenJson(await readFile(pathogen, 'utf8'), pathogen);
  const annotation = path.join(dir, files.genomeAnnotation ?? 'genome_annotation.gff3');
  if (existsSync(annotation)) parseGff3(await readFile(annotation, 'utf8'));
}

async function newestCached(root: string, tag: string | null): Promise<string | null> {
  if (!existsSync(root)) return null;
  if (tag && tag !== 'latest') {
    const exact = path.join(root, tag);
    return existsSync(path.join(exact, COMPLETE_MARKER)) ? exact : null;
  }
  const tags = (await readdir(root)).filter((t) => existsSync(path.join(root, t, COMPLETE_MARKER))).sort();
  return tags.length > 0 ? path.join(root, tags[tags.length - 1]) : null;
}
