/**
 * Seeding from files on disk, for the CLI (`prepro mock-backend --seed FILE...`) and tests:
 * `.ndjson`/`.jsonl`/`.json` files hold entries one per line; each `.tsv` is paired, in order,
 * with the next `.fasta`/`.fa`/`.fna` file given.
 */
import { readFileSync } from 'node:fs';
import { SeedError, entriesFromTsvAndFasta, parseSeedNdjson, type SeedEntry } from './seeding.js';

export function seedEntriesFromFiles(paths: string[]): SeedEntry[] {
  const entries: SeedEntry[] = [];
  const tsvs = paths.filter((p) => /\.tsv$/i.test(p));
  const fastas = paths.filter((p) => /\.(fasta|fa|fna)$/i.test(p));
  if (fastas.length > tsvs.length) throw new SeedError(`FASTA file ${fastas[tsvs.length]} has no metadata TSV to go with it`);
  for (const path of paths) {
    if (/\.(ndjson|jsonl|json)$/i.test(path)) entries.push(...parseSeedNdjson(readFileSync(path, 'utf8')));
    else if (!/\.(tsv|fasta|fa|fna)$/i.test(path)) throw new SeedError(`Cannot tell what ${path} holds: expected .ndjson, .tsv or .fasta`);
  }
  tsvs.forEach((tsv, i) => {
    const fasta = fastas[i];
    entries.push(...entriesFromTsvAndFasta(readFileSync(tsv, 'utf8'), fasta === undefined ? undefined : readFileSync(fasta, 'utf8')));
  });
  return entries;
}
