/**
 * Line splitting for NDJSON streams with a maximum line size.
 *
 * We split by hand instead of using split2/ndjson: an oversized line must not become a stream
 * error that loses the rest of the batch, and we keep the head of such a line so the entry's
 * accession can still be read and the entry answered with an error (docs/decisions.md).
 */
const NEWLINE = 0x0a;
const HEAD_BYTES = 4096;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export type LineItem =
  | { kind: 'line'; text: string; lineNumber: number }
  | { kind: 'oversized'; head: string; bytes: number; lineNumber: number }
  | { kind: 'invalid-utf8'; head: string; lineNumber: number };

export async function* readNdjsonLines(
  source: AsyncIterable<Uint8Array | string>,
  maxLineBytes: number,
): AsyncGenerator<LineItem> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let oversized = false;
  let oversizedHead: Buffer | null = null;
  let lineNumber = 0;

  const finishLine = function* (): Generator<LineItem> {
    lineNumber += 1;
    if (oversized) {
      yield { kind: 'oversized', head: lenientUtf8.decode(oversizedHead ?? Buffer.alloc(0)), bytes: partBytes, lineNumber };
    } else {
      const line = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
      const trimmedEnd = line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
      if (trimmedEnd.length > 0) {
        try {
          yield { kind: 'line', text: utf8.decode(trimmedEnd), lineNumber };
        } catch {
          yield { kind: 'invalid-utf8', head: lenientUtf8.decode(trimmedEnd.subarray(0, HEAD_BYTES)), lineNumber };
        }
      }
    }
    parts = [];
    partBytes = 0;
    oversized = false;
    oversizedHead = null;
  };

  const append = (chunk: Buffer): void => {
    if (chunk.length === 0) return;
    if (oversized) {
      partBytes += chunk.length;
      return;
    }
    if (partBytes + chunk.length > maxLineBytes) {
      const all = Buffer.concat([...parts, chunk]);
      oversizedHead = Buffer.from(all.subarray(0, HEAD_BYTES));
      oversized = true;
      partBytes += chunk.length;
      parts = [];
      return;
    }
    parts.push(chunk);
    partBytes += chunk.length;
  };

  for await (const raw of source) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let newline = chunk.indexOf(NEWLINE);
    while (newline !== -1) {
      append(chunk.subarray(0, newline));
      yield* finishLine();
      chunk = chunk.subarray(newline + 1);
      newline = chunk.indexOf(NEWLINE);
    }
    // Copy: the source may reuse its buffer for the next chunk.
    if (chunk.length > 0) append(Buffer.from(chunk));
  }
  if (partBytes > 0 || oversized) yield* finishLine();
}
