/**
 * The fault matrix: each backend fault the mock can inject, against two `prepro run` replicas.
 * Whatever the fault, every entry ends up processed, no accession.version is accepted twice, and
 * the workers say in their logs what happened.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { allLogs, runWithFaults, type FaultRunResult } from '../bench/lib/fault-run.js';

const ENTRIES = 1500;

function assertNothingLostNothingTwice(result: FaultRunResult, entries = ENTRIES): void {
  const { scenario, workers, exits } = result;
  assert.deepEqual(scenario.statuses(), { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: entries }, 'every entry processed');
  assert.equal(scenario.accepted.counts.size, entries, 'every accession.version accepted once');
  assert.deepEqual(scenario.accepted.duplicates(), [], 'no accession.version accepted twice');
  for (const [i, exit] of exits.entries()) {
    assert.notEqual(exit.signal, 'SIGKILL', `${workers[i]!.name} had to be killed; last lines:\n${workers[i]!.tail()}`);
    // Exit 1 is only right when the worker abandoned a batch (and said so); anything else is 0.
    const abandoned = workers[i]!.logs.some((l) => /outlived the backend stale timeout|aborted by forced shutdown/.test(l.msg ?? ''));
    assert.equal(exit.code, abandoned ? 1 : 0, `${workers[i]!.name} exit ${exit.code}; last lines:\n${workers[i]!.tail()}`);
  }
  const crashes = workers.flatMap((w) => w.logs.filter((l) => l.level === 'stderr' || l.level === 'fatal'));
  assert.deepEqual(crashes, [], 'no crash output');
}

test('5xx bursts on extract, submit and token are retried', { timeout: 120_000 }, async () => {
  const result = await runWithFaults({
    entries: ENTRIES,
    during: ({ mock }) => {
      mock.faults.add({ kind: 'status', endpoint: 'token', status: 503, times: 2 });
      mock.faults.add({ kind: 'status', endpoint: 'extract', status: 503, times: 4, retryAfterSeconds: 1 });
      mock.faults.add({ kind: 'status', endpoint: 'submit', status: 500, times: 3 });
      mock.faults.add({ kind: 'status', endpoint: 'submit', status: 502, times: 2 });
    },
  });
  try {
    assertNothingLostNothingTwice(result);
    assert.ok(allLogs(result.workers, 'backend call failed; retrying').length >= 9, 'each 5xx retried');
  } finally {
    await result.scenario.close();
  }
});

test('connection resets: before an answer, and mid-stream on extract', { timeout: 120_000 }, async () => {
  const result = await runWithFaults({
    entries: ENTRIES,
    during: ({ mock }) => {
      mock.faults.add({ kind: 'reset', endpoint: 'token' });
      mock.faults.add({ kind: 'reset', endpoint: 'extract', times: 2 });
      mock.faults.add({ kind: 'reset', endpoint: 'submit', times: 2 });
      mock.faults.add({ kind: 'drop', afterLines: 30, times: 3 });
    },
  });
  try {
    assertNothingLostNothingTwice(result);
    assert.ok(allLogs(result.workers, 'extract stream ended abnormally; processing the entries received').length >= 3, 'dropped streams reported');
  } finally {
    await result.scenario.close();
  }
});

test('responses slower than the client timeout', { timeout: 120_000 }, async () => {
  const result = await runWithFaults({
    entries: ENTRIES,
    flags: { 'backend-request-timeout-seconds': 1 },
    during: ({ mock }) => {
      mock.faults.add({ kind: 'delay', endpoint: 'extract', ms: 2500, times: 2 });
      mock.faults.add({ kind: 'delay', endpoint: 'submit', ms: 2500, times: 2 });
      mock.faults.add({ kind: 'slowStream', perLineMs: 30, times: 1 });
    },
  });
  try {
    assertNothingLostNothingTwice(result);
    const timeouts = allLogs(result.workers, 'backend call failed; retrying').filter((l) => /timeout/.test(String(l.err)));
    assert.ok(timeouts.length >= 2, `timeouts retried: ${timeouts.length}`);
  } finally {
    await result.scenario.close();
  }
});

test("the backend's in-stream error line ends the batch early; the rest comes back", { timeout: 120_000 }, async () => {
  const result = await runWithFaults({
    entries: ENTRIES,
    during: ({ mock }) => {
      mock.faults.add({ kind: 'errorLine', afterLines: 25, times: 3 });
    },
  });
  try {
    assertNothingLostNothingTwice(result);
    const abnormal = allLogs(result.workers, 'extract stream ended abnormally; processing the entries received');
    assert.ok(abnormal.some((l) => /An unexpected error occurred while streaming/.test(String(l.streamError))), 'the error line is named in the log');
  } finally {
    await result.scenario.close();
  }
});

test('token expiry and revocation mid-run: the workers log in again', { timeout: 120_000 }, async () => {
  let revoking = true;
  const result = await runWithFaults({
    entries: ENTRIES,
    batchSize: 50,
    during: async ({ mock }) => {
      // Revoke every token repeatedly while the workers run (a Keycloak key rotation, a realm restart).
      void (async () => {
        while (revoking) {
          await sleep(300);
          mock.invalidateTokens();
        }
      })();
    },
  });
  revoking = false;
  try {
    assertNothingLostNothingTwice(result);
    assert.ok(allLogs(result.workers, 'backend refused the token (401); logging in again').length >= 1, 're-login after 401');
    const logins = result.scenario.mock.requestLog.list().filter((r) => r.url.includes('/protocol/openid-connect/token'));
    assert.ok(logins.length >= 3, `logins: ${logins.length}`);
  } finally {
    await result.scenario.close();
  }
});

test('short-lived tokens are refreshed before they expire', { timeout: 120_000 }, async () => {
  // 302 s lifetime: the client refreshes 300 s before `exp`, so every ~2 s.
  const result = await runWithFaults({ entries: ENTRIES, batchSize: 50, mock: { tokenLifetimeSeconds: 302 } });
  try {
    assertNothingLostNothingTwice(result);
    const unauthorised = result.scenario.mock.requestLog.list().filter((r) => r.status === 401).map((r) => `${r.time} ${r.method} ${r.url}`);
    assert.deepEqual(unauthorised, [], 'no call made with an expired token');
  } finally {
    await result.scenario.close();
  }
});
