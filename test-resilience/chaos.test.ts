/**
 * Everything at once: three replicas on 4,000 entries while the mock injects a random mix of the
 * fault matrix (seeded, so every run is the same mix) and one replica is killed and replaced.
 * Nothing lost, nothing accepted twice.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { prng } from '../bench/lib/bad-input.js';
import { metadataEntries } from '../bench/lib/entries.js';
import { TEST_STALE_TIMEOUT_SECONDS } from '../bench/lib/fault-run.js';
import { startScenario, type Scenario } from '../bench/lib/scenario.js';
import type { FaultInput, MockBackend } from '../src/mock-backend/index.js';

const ENTRIES = 4000;
let scenario: Scenario | undefined;
after(() => scenario?.close());

function randomFault(random: () => number): FaultInput | 'revoke' {
  const endpoint = (['extract', 'submit', 'token'] as const)[Math.floor(random() * 3)]!;
  switch (Math.floor(random() * 7)) {
    case 0:
      return { kind: 'status', endpoint, status: [500, 502, 503, 504, 429][Math.floor(random() * 5)]! };
    case 1:
      return { kind: 'reset', endpoint };
    case 2:
      return { kind: 'delay', endpoint, ms: 1500 };
    case 3:
      return { kind: 'drop', afterLines: Math.floor(random() * 50) };
    case 4:
      return { kind: 'errorLine', afterLines: Math.floor(random() * 50) };
    case 5:
      return { kind: 'slowStream', perLineMs: 5 };
    default:
      return 'revoke';
  }
}

function inject(mock: MockBackend, fault: FaultInput | 'revoke'): void {
  if (fault === 'revoke') mock.invalidateTokens();
  else mock.faults.add(fault);
}

test('three replicas under a random fault mix, one killed and replaced: nothing lost, nothing twice', { timeout: 180_000 }, async (t) => {
  scenario = await startScenario({
    entries: metadataEntries(ENTRIES),
    mock: { staleTimeoutSeconds: TEST_STALE_TIMEOUT_SECONDS, sweepIntervalSeconds: 1 },
  });
  // Small batches and a slow stream spread the work over the whole fault window.
  scenario.mock.faults.add({ kind: 'slowStream', perLineMs: 10, persistent: true });
  const flags = { 'batch-size': 20, 'max-batch-size': 20, 'backend-stale-timeout-seconds': TEST_STALE_TIMEOUT_SECONDS, 'backend-request-timeout-seconds': 1 };
  const first = [1, 2, 3].map(() => scenario!.startWorker({ flags }));
  const random = prng(7);
  const injected: string[] = [];
  // About 40 faults over the first 10 s, while the replicas work.
  for (let i = 0; i < 40; i++) {
    const fault = randomFault(random);
    inject(scenario.mock, fault);
    injected.push(fault === 'revoke' ? 'revoke' : `${fault.kind}:${'endpoint' in fault ? fault.endpoint : 'extract'}`);
    if (i === 12) {
      first[0]!.child.kill('SIGKILL');
      scenario.startWorker({ name: 'replacement', flags });
    }
    await sleep(250);
  }
  const doneDuringFaults = scenario.accepted.total();
  scenario.mock.faults.clear();
  await scenario.waitAllProcessed(150_000);
  t.diagnostic(`${doneDuringFaults} of ${ENTRIES} entries were accepted while faults were being injected`);

  const workers = scenario.workers;
  const exits = await Promise.all(workers.map((w) => w.stop()));
  t.diagnostic(`faults: ${injected.join(' ')}`);
  assert.deepEqual(scenario.statuses(), { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: ENTRIES });
  assert.equal(scenario.accepted.counts.size, ENTRIES);
  assert.deepEqual(scenario.accepted.duplicates(), [], 'no accession.version accepted twice');
  assert.equal(exits[0]!.signal, 'SIGKILL');
  for (const [i, exit] of exits.entries()) {
    if (i === 0) continue;
    assert.notEqual(exit.signal, 'SIGKILL', `${workers[i]!.name} had to be killed:\n${workers[i]!.tail()}`);
    assert.ok(exit.code === 0 || exit.code === 1, `${workers[i]!.name} exit ${exit.code}:\n${workers[i]!.tail()}`);
  }
  const crashes = workers.flatMap((w) => w.logs.filter((l) => l.level === 'stderr' || l.level === 'fatal'));
  assert.deepEqual(crashes, [], 'no crash output');
});
