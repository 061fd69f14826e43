/** Readers for the Nextclade v1 SARS-CoV-2 fixture beside the project (../shared/data/nextclade/fixtures). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFasta } from '../../src/dataset/fasta.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const nextcladeData = path.resolve(repoRoot, '../shared/data/nextclade');
export const v1Fixture = path.join(nextcladeData, 'fixtures/nextclade-v1-2021-sars-cov-2');

export interface V1Expectation {
  name: string;
  sequence: string;
  aligned: string;
  insertions: string;
  substitutions: string;
}

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

export function readV1Fixture(): V1Expectation[] {
  const sequences = parseFasta(readFileSync(path.join(v1Fixture, 'sequences.fasta'), 'utf8'));
  const aligned = new Map(parseFasta(readFileSync(path.join(v1Fixture, 'expected/nextalign.aligned.fasta'), 'utf8')).map((r) => [r.name, r.sequence]));
  const insertions = new Map(
    readFileSync(path.join(v1Fixture, 'expected/nextalign.insertions.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const comma = line.indexOf('",');
        return [unquote(line.slice(0, comma + 1)), unquote(line.slice(comma + 2))] as const;
      }),
  );
  const tsv = readFileSync(path.join(v1Fixture, 'expected/nextclade.tsv'), 'utf8').trim().split('\n');
  const header = tsv[0].split('\t');
  const subCol = header.indexOf('substitutions');
  const substitutions = new Map(tsv.slice(1).map((line) => {
    const cols = line.split('\t');
    return [unquote(cols[0]), unquote(cols[subCol] ?? '')] as const;
  }));
  return sequences.map(({ name, sequence }) => ({
    name,
    sequence,
    aligned: aligned.get(name) ?? '',
    insertions: insertions.get(name) ?? '',
    substitutions: substitutions.get(name) ?? '',
  }));
}
