import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineOrganism } from '../../src/contract/organism.js';
import { seedEntries } from '../../src/mock-backend/seeding.js';
import { MockStore } from '../../src/mock-backend/store.js';

function storeWithThree(): { store: MockStore; accessions: string[] } {
  const store = new MockStore({ o: defineOrganism({ name: 'o', metadata: [], nucleotideSequences: [{ name: 'main', length: 4 }] }) });
  const seeded = seedEntries(store, 'o', [0, 1, 2].map((i) => ({ submissionId: `s${i}`, metadata: {}, sequences: { main: 'ACGT' } })));
  return { store, accessions: seeded.map((e) => e.accession) };
}

const ids = (entries: { accession: string; version: number }[]) => entries.map((e) => `${e.accession}.${e.version}`);

test('claims go on where the last claim stopped, per pipeline version', () => {
  const { store, accessions } = storeWithThree();
  assert.deepEqual(ids(store.claim('o', 1, 2)), [`${accessions[0]}.1`, `${accessions[1]}.1`]);
  assert.deepEqual(ids(store.claim('o', 1, 2)), [`${accessions[2]}.1`]);
  assert.deepEqual(store.claim('o', 1, 2), []);
  assert.deepEqual(ids(store.claim('o', 2, 5)), accessions.map((a) => `${a}.1`));
});

test('a revision of an already claimed accession is claimed next', () => {
  const { store, accessions } = storeWithThree();
  store.claim('o', 1, 10);
  seedEntries(store, 'o', [{ accession: accessions[0], submissionId: 'rev', metadata: {}, sequences: { main: 'ACGT' } }]);
  assert.deepEqual(ids(store.claim('o', 1, 10)), [`${accessions[0]}.2`]);
});

test('an entry whose row was deleted is claimed again', () => {
  const { store, accessions } = storeWithThree();
  store.claim('o', 1, 10);
  store.deleteRow(store.row(accessions[1], 1, 1)!);
  assert.deepEqual(ids(store.claim('o', 1, 10)), [`${accessions[1]}.1`]);
});
