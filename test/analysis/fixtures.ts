/** Readers for the Nextclade fixture files used by the analysis tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedData = path.resolve(repoRoot, '../shared/data');
export const v1Fixture = path.join(sharedData, 'nextclade/fixtures/nextclade-v1-2021-sars-cov-2');

export interface FastaRecord {
  name: string;
  sequence: string;
}

export function readFasta(file: string): FastaRecord[] {
  const records: FastaRecord[] = [];
  let current: { name: string; parts: string[] } | null = null;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('>')) {
      if (current) records.push({ name: current.name, sequence: current.parts.join('') });
      current = { name: line.slice(1).trim(), parts: [] };
    } else if (current) current.parts.push(line.trim().toUpperCase());
  }
  if (current) records.push({ name: current.name, sequence: current.parts.join('') });
  return records;
}

/** `seqName,insertions` CSV of the v1 fixture → insertions per sequence name. */
export function readInsertionsCsv(file: string): Map<string, { pos: number; ins: string }[]> {
  const out = new Map<string, { pos: number; ins: string }[]>();
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const match = /^"(.*)","(.*)"$/.exec(line);
    if (!match) continue;
    const list = match[2] === '' ? [] : match[2].split(';').map((item) => {
      const [pos, ins] = item.split(':');
      return { pos: Number(pos) - 1, ins };
    });
    out.set(match[1], list);
  }
  return out;
}
