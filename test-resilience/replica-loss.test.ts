/**
 * Replicas that die or stall mid-batch, and a pipeline version rolled out mid-run.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { metadataEntries } from '../bench/lib/entries.js';
import { TEST_STALE_TIMEOUT_SECONDS } from '../bench/lib/fault-run.js';
import { startScenario, type Scenario } from '../bench/lib/scenario.js';

const ENTRIES = 3000;
const open: Scenario[] = [];
after(() => Promise.all(open.map((s) => s.close())));

async function shortLeaseScenario(entries = ENTRIES): Promise<Scenario> {
  const scenario = await startScenario({
    entries: metadataEntries(entries),
    mock: { staleTimeoutSeconds: TEST_STALE_TIMEOUT_SECONDS, sweepIntervalSeconds: 1 },
  });
  open.push(scenario);
  return scenario;
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

const leaseFlags = { 'batch-size': 200, 'backend-stale-timeout-seconds': TEST_STALE_TIMEOUT_SECONDS };

test('a replica killed with SIGKILL mid-batch: its entries return via the stale reset and another replica processes them', { timeout: 120_000 }, async () => {
  const scenario = await shortLeaseScenario();
  const victim = scenario.startWorker({ name: 'victim', flags: leaseFlags });
  // Kill it while it holds claimed entries, after it has submitted something.
  await until(() => scenario.accepted.total() > 0 && scenario.statuses().IN_PROCESSING > 0, 60_000, 'the victim to hold claimed entries');
  victim.child.kill('SIGKILL');
  const killed = await victim.waitForExit();
  assert.equal(killed.signal, 'SIGKILL');
  const stranded = scenario.statuses().IN_PROCESSING;
  assert.ok(stranded > 0, 'the killed replica left claimed entries behind');

  const survivor = scenario.startWorker({ name: 'survivor', flags: leaseFlags });
  await scenario.waitAllProcessed(90_000);
  const exit = await survivor.stop();
  assert.equal(exit.code, 0, survivor.tail());
  assert.deepEqual(scenario.statuses(), { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: ENTRIES });
  assert.equal(scenario.accepted.counts.size, ENTRIES);
  assert.deepEqual(scenario.accepted.duplicates(), []);
});

test('a replica stalled past the stale timeout does not submit its stale batch twice', { timeout: 120_000 }, async () => {
  const scenario = await shortLeaseScenario();
  const stalled = scenario.startWorker({ name: 'stalled', flags: leaseFlags });
  await until(() => scenario.accepted.total() > 0 && scenario.statuses().IN_PROCESSING > 0, 60_000, 'the stalled replica to hold claimed entries');
  stalled.child.kill('SIGSTOP');
  const other = scenario.startWorker({ name: 'other', flags: leaseFlags });
  // Let the lease expire and the other replica re-claim and finish everything, then wake the stalled one.
  await scenario.waitAllProcessed(90_000);
  stalled.child.kill('SIGCONT');
  await sleep(1500);
  const exits = await Promise.all([stalled.stop(), other.stop()]);
  assert.equal(exits[1]!.code, 0, other.tail());
  assert.notEqual(exits[0]!.signal, 'SIGKILL', stalled.tail());
  assert.deepEqual(scenario.statuses(), { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: ENTRIES });
  assert.equal(scenario.accepted.counts.size, ENTRIES);
  assert.deepEqual(scenario.accepted.duplicates(), [], 'the late batch was not accepted again');
  const reaction = stalled.logs.filter((l) => /outlived the backend stale timeout|lease lost/.test(l.msg ?? ''));
  assert.ok(reaction.length > 0, `the stalled replica says why it did not submit; last lines:\n${stalled.tail()}`);
});

test('pipeline version bump mid-run: the old version exits non-zero with a clear log, the new one finishes', { timeout: 150_000 }, async () => {
  const scenario = await startScenario({
    entries: metadataEntries(ENTRIES),
    mock: { staleTimeoutSeconds: 60, sweepIntervalSeconds: 1, pipelineVersionUpgradeIntervalSeconds: 1 },
  });
  open.push(scenario);
  // The old version works in small batches, so it is still busy when the new one catches up.
  const old = scenario.startWorker({ name: 'v1', flags: { 'batch-size': 20, 'max-batch-size': 20, 'pipeline-version': 1 } });
  await until(() => scenario.accepted.total() >= 200, 60_000, 'v1 to have processed some entries');
  // More submissions arrive while the old version runs.
  scenario.mock.seed('meta-virus', metadataEntries(500, ENTRIES));
  const fresh = scenario.startWorker({ name: 'v2', flags: { 'batch-size': 500, 'pipeline-version': 2 } });

  const oldExit = await old.waitForExit(120_000);
  assert.equal(oldExit.code, 3, `v1 exits with the outdated-version code; last lines:\n${old.tail()}`);
  const line = await old.waitForLog('the backend no longer accepts this pipeline version; roll out the new version of the pipeline', 1000);
  assert.equal(line.level, 'error');
  assert.equal(line.currentVersion, 2);

  await until(() => scenario.mock.state().organisms['meta-virus']!.currentPipelineVersion === 2, 30_000, 'the backend to switch to v2');
  await scenario.waitAllProcessed(60_000);
  const freshExit = await fresh.stop();
  assert.equal(freshExit.code, 0, fresh.tail());
  const state = scenario.mock.state().organisms['meta-virus']!;
  assert.equal(state.statuses.PROCESSED, ENTRIES + 500);
  assert.equal(state.pipelineVersions['2']!.PROCESSED, ENTRIES + 500, 'v2 processed every entry');
  assert.deepEqual(scenario.accepted.duplicates(), []);
});
