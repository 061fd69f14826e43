/**
 * The bad-input corpus, in the backend's extract shape: fuzzed NDJSON, binary garbage, a 50 MB
 * sequence, deeply nested JSON, 10^5 metadata keys — interleaved with valid entries so a test can
 * check that the good ones around a bad one are unharmed. Deterministic (seeded PRNG).
 */
import { metadataEntry } from './entries.js';

export interface CorpusItem {
  kind: 'valid' | 'fuzzed' | 'binary' | 'huge-sequence' | 'deep-nesting' | 'many-keys' | 'wrong-shape';
  /** The line's bytes, without the trailing newline. */
  bytes: Buffer;
  /** accession.version when a reader can still find it in the line. */
  id: string | null;
}

/** xorshift32: the same corpus on every run. */
export function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

export function extractLine(accession: string, version: number, metadata: Record<string, unknown>, sequences: Record<string, unknown> = {}): string {
  return JSON.stringify({
    accession,
    version,
    submissionId: `${accession}-sub`,
    submitter: 'fuzzer',
    groupId: 1,
    submittedAt: 1_800_000_000,
    data: { metadata, unalignedNucleotideSequences: sequences, files: null },
  });
}

function mutate(line: string, random: () => number): string {
  const chars = [...line];
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * chars.length);
    const op = Math.floor(random() * 4);
    if (op === 0) chars.splice(at, 1 + Math.floor(random() * 10));
    else if (op === 1) chars.splice(at, 0, '{}[]",:\\'[Math.floor(random() * 8)]!);
    else if (op === 2) chars[at] = String.fromCharCode(Math.floor(random() * 0x2fff));
    else chars.length = Math.max(1, at);
  }
  return chars.join('').replaceAll('\n', ' ');
}

export interface CorpusOptions {
  accessionPrefix?: string;
  fuzzed?: number;
  binary?: number;
  /** Size of the one huge sequence, in bytes (default 50 MB). */
  hugeSequenceBytes?: number;
  nestingDepth?: number;
  metadataKeys?: number;
  seed?: number;
}

export function badInputCorpus(options: CorpusOptions = {}): CorpusItem[] {
  const random = prng(options.seed ?? 42);
  const prefix = options.accessionPrefix ?? 'BAD_';
  const items: CorpusItem[] = [];
  let n = 0;
  const valid = () => {
    const id = `${prefix}${++n}`;
    const seed = metadataEntry(n, true);
    items.push({ kind: 'valid', bytes: Buffer.from(extractLine(id, 1, seed.metadata!)), id: `${id}.1` });
  };

  for (let i = 0; i < (options.fuzzed ?? 200); i++) {
    valid();
    const id = `${prefix}${++n}`;
    const text = mutate(extractLine(id, 1, metadataEntry(n, true).metadata!), random);
    items.push({ kind: 'fuzzed', bytes: Buffer.from(text), id: null });
  }
  for (let i = 0; i < (options.binary ?? 20); i++) {
    valid();
    const bytes = Buffer.alloc(64 + Math.floor(random() * 4000));
    for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(random() * 256);
    // Keep it one line: newlines would only make more (garbage) lines.
    for (let b = 0; b < bytes.length; b++) if (bytes[b] === 0x0a) bytes[b] = 0xff;
    items.push({ kind: 'binary', bytes, id: null });
  }
  valid();
  {
    const id = `${prefix}${++n}`;
    const size = options.hugeSequenceBytes ?? 50 * 1024 * 1024;
    const sequence = 'ACGT'.repeat(Math.ceil(size / 4)).slice(0, size);
    items.push({ kind: 'huge-sequence', bytes: Buffer.from(extractLine(id, 1, metadataEntry(n, true).metadata!, { main: sequence })), id: `${id}.1` });
  }
  valid();
  {
    const id = `${prefix}${++n}`;
    const depth = options.nestingDepth ?? 100_000;
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const line = `{"accession":"${id}","version":1,"data":{"metadata":{"deep":${nested}},"unalignedNucleotideSequences":{}}}`;
    items.push({ kind: 'deep-nesting', bytes: Buffer.from(line), id: `${id}.1` });
  }
  valid();
  {
    const id = `${prefix}${++n}`;
    const metadata: Record<string, string> = { ...metadataEntry(n, true).metadata } as Record<string, string>;
    for (let k = 0; k < (options.metadataKeys ?? 100_000); k++) metadata[`extraField${k}`] = `value ${k}`;
    items.push({ kind: 'many-keys', bytes: Buffer.from(extractLine(id, 1, metadata)), id: `${id}.1` });
  }
  valid();
  {
    const id = `${prefix}${++n}`;
    items.push({ kind: 'wrong-shape', bytes: Buffer.from(JSON.stringify({ accession: id, version: 1, data: { metadata: { a: { b: 1 } }, unalignedNucleotideSequences: [1, 2] } })), id: `${id}.1` });
  }
  valid();
  return items;
}

/** The corpus as one NDJSON body. */
export function corpusBody(items: CorpusItem[]): Buffer {
  return Buffer.concat(items.flatMap((item) => [item.bytes, Buffer.from('\n')]));
}
