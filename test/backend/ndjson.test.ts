import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readNdjsonLines, type LineItem } from '../../src/backend/ndjson.js';
import { parseEntryLine } from '../../src/pipeline/parse.js';

async function collect(chunks: (string | Buffer)[], max = 1024): Promise<LineItem[]> {
  async function* source() {
    for (const c of chunks) yield typeof c === 'string' ? Buffer.from(c) : c;
  }
  const out: LineItem[] = [];
  for await (const item of readNdjsonLines(source(), max)) out.push(item);
  return out;
}

test('lines split across chunks are reassembled; blank lines skipped; last line without newline kept', async () => {
  const items = await collect(['{"a":', '1}\n\n{"b"', ':2}\r\n{"c":3}']);
  assert.deepEqual(items.map((i) => (i.kind === 'line' ? i.text : i.kind)), ['{"a":1}', '{"b":2}', '{"c":3}']);
});

test('an oversized line is reported with its head, and the next line still arrives', async () => {
  const big = `{"accession":"LOC_1","version":2,"data":"${'A'.repeat(5000)}"}`;
  const items = await collect([big.slice(0, 3000), big.slice(3000) + '\n{"ok":1}\n'], 1024);
  assert.equal(items[0]!.kind, 'oversized');
  const parsed = parseEntryLine(items[0]!);
  assert.equal(parsed.ok, false);
  if (!parsed.ok) {
    assert.equal(parsed.accession, 'LOC_1');
    assert.equal(parsed.version, 2);
    assert.match(parsed.message, /bytes long/);
  }
  assert.deepEqual(items[1], { kind: 'line', text: '{"ok":1}', lineNumber: 2 });
});

test('invalid UTF-8 is detected per line', async () => {
  const bad = Buffer.concat([Buffer.from('{"accession":"LOC_2","version":1,"x":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]);
  const items = await collect([bad]);
  assert.equal(items[0]!.kind, 'invalid-utf8');
  const parsed = parseEntryLine(items[0]!);
  assert.ok(!parsed.ok && parsed.accession === 'LOC_2' && /UTF-8/.test(parsed.message));
});

test('malformed JSON and missing fields name the entry when they can', () => {
  const broken = parseEntryLine({ kind: 'line', text: '{"accession":"LOC_3","version":1,"data":{', lineNumber: 1 });
  assert.ok(!broken.ok && broken.accession === 'LOC_3' && broken.version === 1 && /not valid JSON/.test(broken.message));
  const missing = parseEntryLine({ kind: 'line', text: '{"accession":"LOC_4","version":1}', lineNumber: 1 });
  assert.ok(!missing.ok && missing.accession === 'LOC_4' && /data/.test(missing.message));
  const anonymous = parseEntryLine({ kind: 'line', text: 'garbage', lineNumber: 7 });
  assert.ok(!anonymous.ok && anonymous.accession === null);
});

test('sequences are N-trimmed, empty → null, all-N → "" and NBSP replaced', () => {
  const line = JSON.stringify({
    accession: 'LOC_5', version: 1, submissionId: 's', submitter: 'u', groupId: 1, submittedAt: 1700000000,
    data: { metadata: { country: 'Viet\u00a0Nam' }, unalignedNucleotideSequences: { a: 'nnACGTNN', b: '', c: 'NNNN', d: null } },
  });
  const parsed = parseEntryLine({ kind: 'line', text: line, lineNumber: 1 });
  assert.ok(parsed.ok);
  if (parsed.ok) {
    assert.deepEqual(parsed.entry.unalignedNucleotideSequences, { a: 'ACGT', b: null, c: '', d: null });
    assert.equal(parsed.entry.metadata.country, 'Viet Nam');
  }
});
