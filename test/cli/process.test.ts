import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METADATA_CONFIG, writeConfig } from '../helpers/worker-harness.js';
import { validateProcessedLine } from '../../src/contract/validate.js';
import { defineOrganism } from '../../src/contract/organism.js';

const dir = mkdtempSync(join(tmpdir(), 'prepro-process-'));

function prepro(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'process', ...args], { input, encoding: 'utf8', timeout: 60_000 });
}

function entryLine(i: number, metadata: Record<string, string>): string {
  return JSON.stringify({ accession: `LOC_${i}`, version: 1, submissionId: `s${i}`, submitter: 'u', groupId: 1, submittedAt: 1700000000, data: { metadata, unalignedNucleotideSequences: {}, files: null } });
}

test('entries in, entries out, same order; errors are output, not failures; bad lines answered', () => {
  const lines = [
    entryLine(1, { country: 'Peru', age: '42', ratio: '1', date: '2021-01-05' }),
    entryLine(2, { country: 'Peru', age: 'forty', ratio: 'x', date: '2021-13-05' }),
    '{"accession":"LOC_3","version":1,"data":{',
    Buffer.from([0xff, 0xfe]).toString('latin1'),
    entryLine(4, { age: '7' }),
  ];
  const input = join(dir, 'in.ndjson');
  writeFileSync(input, lines.join('\n') + '\n');
  const output = join(dir, 'out.ndjson');
  const result = prepro(['--config', writeConfig(METADATA_CONFIG), '--input', input, '--output', output]);
  assert.equal(result.status, 0, result.stderr);
  const out = readFileSync(output, 'utf8').trim().split('\n');
  const parsed = out.map((l) => JSON.parse(l));
  assert.deepEqual(parsed.map((e) => e.accession), ['LOC_1', 'LOC_2', 'LOC_3', 'LOC_4']);
  assert.equal(parsed[0].data.metadata.age, 42);
  assert.match(out[0]!, /"ratio":1\.0/);
  assert.equal(parsed[0].errors.length, 0);
  assert.ok(parsed[1].errors.some((e: { message: string }) => /Invalid int value: forty/.test(e.message)));
  assert.match(parsed[2].errors[0].message, /not valid JSON/);
  for (const e of parsed) for (const key of ['metadata', 'unalignedNucleotideSequences', 'alignedNucleotideSequences', 'nucleotideInsertions', 'alignedAminoAcidSequences', 'aminoAcidInsertions']) assert.ok(key in e.data, key);
  // What we write is what the strict backend accepts.
  const organism = defineOrganism({ name: 'meta', metadata: [{ name: 'country', type: 'string' }, { name: 'age', type: 'int' }, { name: 'ratio', type: 'float' }, { name: 'date', type: 'date' }] });
  for (const line of out) assert.equal(validateProcessedLine(line, organism), null, line);
});

test('stdin to stdout with -', () => {
  const result = prepro(['--config', writeConfig(METADATA_CONFIG), '--input', '-', '--output', '-'], entryLine(9, { age: '1' }) + '\n');
  assert.equal(result.status, 0, result.stderr);
  assert.equal(JSON.parse(result.stdout.trim()).accession, 'LOC_9');
});

test('a bad config or unreadable input: non-zero exit with one clear message', () => {
  const badConfig = prepro(['--config', writeConfig('batch_size: 0\n'), '--input', '-', '--output', '-'], '');
  assert.equal(badConfig.status, 2);
  assert.match(badConfig.stderr, /invalid configuration:\n  - batch_size: /);
  const missing = prepro(['--config', writeConfig(METADATA_CONFIG), '--input', join(dir, 'nope.ndjson'), '--output', '-']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read input .*nope\.ndjson/);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
});

test('--threads spreads a metadata-only file over threads and keeps the order and content', () => {
  const input = join(dir, 'many.ndjson');
  writeFileSync(input, Array.from({ length: 1200 }, (_, i) => entryLine(i, { country: 'Peru', age: i % 7 === 0 ? 'x' : String(i % 90), ratio: '0.5', date: '2021-01-05' })).join('\n') + '\n');
  const config = writeConfig(METADATA_CONFIG);
  const single = prepro(['--config', config, '--input', input, '--output', join(dir, 'one.ndjson'), '--chunk-size', '100']);
  const sharded = prepro(['--config', config, '--input', input, '--output', join(dir, 'two.ndjson'), '--chunk-size', '100', '--threads', '2']);
  assert.equal(single.status, 0, single.stderr);
  assert.equal(sharded.status, 0, sharded.stderr);
  const one = readFileSync(join(dir, 'one.ndjson'), 'utf8');
  assert.equal(readFileSync(join(dir, 'two.ndjson'), 'utf8'), one);
  assert.equal(one.trim().split('\n').length, 1200);
});
