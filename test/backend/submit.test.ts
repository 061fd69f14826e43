import { test } from 'node:test';
import assert from 'node:assert/strict';
import { submitWithIsolation, type SubmitSender } from '../../src/backend/submit.js';
import { BackendRejectedError } from '../../src/shared/errors.js';
import { emptyProcessedData, type ProcessedEntry } from '../../src/contract/entries.js';
import { silentLogger } from '../../src/shared/logger.js';

function entry(n: number, metadata: Record<string, unknown> = {}): ProcessedEntry {
  return { accession: `LOC_${n}`, version: 1, data: { ...emptyProcessedData(), metadata: metadata as never }, errors: [], warnings: [] };
}

/** A backend that rejects the whole request when any line is bad, like the real one. */
function fakeBackend(isBad: (line: Record<string, any>) => string | null) {
  const accepted: Record<string, any>[] = [];
  let requests = 0;
  const send: SubmitSender = async (lines) => {
    requests++;
    const parsed = lines.map((l) => JSON.parse(l));
    for (const line of parsed) {
      const problem = isBad(line);
      if (problem) throw new BackendRejectedError(422, problem);
    }
    accepted.push(...parsed);
  };
  return { send, accepted, requests: () => requests };
}

test('an unnamed content rejection is bisected; the offender is resubmitted with an error', async () => {
  const entries = Array.from({ length: 16 }, (_, i) => entry(i, { n: i }));
  entries[11]!.data.metadata.bad = 'x';
  const backend = fakeBackend((line) => (line.errors?.length === 0 && line.data.metadata.bad ? 'Unknown fields in metadata: bad.' : null));
  const report = await submitWithIsolation(entries, backend.send, { logger: silentLogger() });
  assert.equal(backend.accepted.length, 16);
  assert.deepEqual(report.downgraded, ['LOC_11.1']);
  const offender = backend.accepted.find((l) => l.accession === 'LOC_11')!;
  assert.equal(offender.errors.length, 1);
  assert.match(offender.errors[0].message, /Unknown fields in metadata: bad\./);
  assert.ok(backend.requests() <= 1 + 2 * Math.ceil(Math.log2(16)) + 2, `requests: ${backend.requests()}`);
});

test('a rejection that names an entry removes just that entry; lost leases are dropped', async () => {
  const entries = [entry(1), entry(2), entry(3)];
  const backend = fakeBackend((line) => (line.accession === 'LOC_2' ? 'Accession version LOC_2.1 does not exist or is not awaiting any processing results' : null));
  const report = await submitWithIsolation(entries, backend.send, { logger: silentLogger() });
  assert.deepEqual(backend.accepted.map((l) => l.accession), ['LOC_1', 'LOC_3']);
  assert.deepEqual(report.dropped, ['LOC_2.1']);
  assert.equal(report.requests, 2);
});

test('a named entry the backend rejects even with errors is emptied, then dropped, never looping', async () => {
  const entries = [entry(1), entry(2)];
  const backend = fakeBackend((line) => (line.accession === 'LOC_1' ? 'Accession version LOC_1.1 belongs to group 1 but the attached file f belongs to the group 2.' : null));
  const report = await submitWithIsolation(entries, backend.send, { logger: silentLogger() });
  assert.deepEqual(backend.accepted.map((l) => l.accession), ['LOC_2']);
  assert.deepEqual(report.dropped, ['LOC_1.1']);
  assert.ok(report.requests <= 4);
});

test('transient errors are not swallowed by isolation', async () => {
  const send: SubmitSender = async () => {
    throw new Error('socket hang up');
  };
  await assert.rejects(submitWithIsolation([entry(1)], send, { logger: silentLogger() }), /socket hang up/);
});
