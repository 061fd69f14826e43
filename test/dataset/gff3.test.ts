import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseGff3 } from '../../src/dataset/gff3.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const data = (p: string) => readFileSync(path.resolve(repoRoot, '../shared/data/nextclade', p), 'utf8');

test('SARS-CoV-2 orfs: gene-only file gives one CDS per gene, 0-based half-open', () => {
  const { cdses } = parseGff3(data('sars-cov-2/genome_annotation.gff3'));
  assert.equal(cdses.length, 12);
  const s = cdses.find((c) => c.name === 'S');
  assert.deepEqual(s?.segments, [{ start: 21562, end: 25384, strand: '+', phase: 0 }]);
  assert.equal(cdses[0].name, 'E');
});

test('fixture genemap with a leading space before attributes', () => {
  const { cdses } = parseGff3(data('fixtures/nextclade-v1-2021-sars-cov-2/genemap.gff'));
  assert.deepEqual(
    cdses.map((c) => c.name),
    ['E', 'M', 'N', 'ORF1a', 'ORF1b', 'ORF3a', 'ORF6', 'ORF7a', 'ORF7b', 'ORF8', 'ORF9b', 'S'],
  );
});

test('RSV-A: CDS lines named by Name, overlapping M2-1/M2-2, missing strand is forward', () => {
  const { cdses } = parseGff3(data('rsv-a/genome_annotation.gff3'));
  assert.equal(cdses.length, 11);
  const m21 = cdses.find((c) => c.name === 'M2-1')!;
  const m22 = cdses.find((c) => c.name === 'M2-2')!;
  assert.deepEqual(m21.segments, [{ start: 7639, end: 8224, strand: '+', phase: 0 }]);
  assert.ok(m22.segments[0].start < m21.segments[0].end);
});

test('mpox: 179 CDS, genes ignored when CDS lines exist, minus strand kept', () => {
  const { cdses } = parseGff3(data('mpox/genome_annotation.gff3'));
  assert.equal(cdses.length, 179);
  const first = cdses[0];
  assert.equal(first.name, 'OPG001');
  assert.deepEqual(first.segments, [{ start: 834, end: 1575, strand: '-', phase: 0 }]);
});

test('CCHFV M: CDS Name wins over the parent gene name', () => {
  const { cdses } = parseGff3(data('cchfv/M/genome_annotation.gff3'));
  assert.deepEqual(cdses.map((c) => c.name), ['GPC']);
});

test('multi-part CDS: lines sharing an ID join in file order; minus strand in transcription order', () => {
  const gff = [
    '##gff-version 3',
    'chr\t.\tgene\t266\t21555\t.\t+\t.\tID=gene-ORF1ab;gene=ORF1ab',
    'chr\t.\tCDS\t266\t13468\t.\t+\t0\tID=cds-ORF1ab;Parent=gene-ORF1ab;gene=ORF1ab',
    'chr\t.\tCDS\t13468\t21555\t.\t+\t0\tID=cds-ORF1ab;Parent=gene-ORF1ab;gene=ORF1ab',
    'chr\t.\tCDS\t100\t200\t.\t-\t0\tID=cds-X;Name=X',
    'chr\t.\tCDS\t300\t400\t.\t-\t2\tID=cds-X;Name=X',
    'chr\t.\tCDS\t500\t600\t.\t+\t0\tName=Y%3Bz',
  ].join('\n');
  const { cdses } = parseGff3(gff);
  assert.deepEqual(cdses.map((c) => c.name), ['ORF1ab', 'X', 'Y;z']);
  assert.deepEqual(cdses[0].segments, [
    { start: 265, end: 13468, strand: '+', phase: 0 },
    { start: 13467, end: 21555, strand: '+', phase: 0 },
  ]);
  assert.deepEqual(cdses[1].segments, [
    { start: 299, end: 400, strand: '-', phase: 2 },
    { start: 99, end: 200, strand: '-', phase: 0 },
  ]);
});

test('a CDS crossing the origin of a circular landmark is split in two', () => {
  const gff = [
    'hbv\t.\tregion\t1\t3200\t.\t+\t.\tID=hbv;Is_circular=true',
    'hbv\t.\tCDS\t3000\t3300\t.\t+\t0\tName=P',
  ].join('\n');
  const { cdses } = parseGff3(gff);
  assert.deepEqual(cdses[0].segments, [
    { start: 2999, end: 3200, strand: '+', phase: 0 },
    { start: 0, end: 100, strand: '+', phase: 0 },
  ]);
});

test('duplicate CDS names and malformed lines are clear errors', () => {
  assert.throws(
    () => parseGff3('c\t.\tCDS\t1\t9\t.\t+\t0\tName=A\nc\t.\tCDS\t10\t19\t.\t+\t0\tName=A'),
    /duplicate CDS name 'A'/,
  );
  assert.throws(() => parseGff3('c\t.\tCDS\t1\t9'), /line 1 has 5 tab-separated columns/);
  assert.throws(() => parseGff3('c\t.\tCDS\tx\t9\t.\t+\t0\tName=A'), /invalid coordinates/);
});

test('empty annotation has no CDS', () => {
  assert.deepEqual(parseGff3('##gff-version 3\n'), { cdses: [] });
});
