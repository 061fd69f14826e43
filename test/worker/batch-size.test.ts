import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdaptiveBatchSize } from '../../src/worker/batch-size.js';

const MB = 1024 * 1024;

test('slow batches halve the size, fast full ones grow it up to the maximum', () => {
  const size = new AdaptiveBatchSize(100, 400, 60);
  assert.deepEqual(size.observe(100, 90), { from: 100, to: 50, reason: 'slow' });
  assert.equal(size.observe(50, 30), null, 'inside the target: unchanged');
  assert.deepEqual(size.observe(50, 5), { from: 50, to: 75, reason: 'fast' });
  for (let i = 0; i < 10; i++) size.observe(size.current, 1);
  assert.equal(size.current, 400);
  assert.equal(size.observe(120, 1), null, 'a partial batch says nothing about speed');
});

test('with a memory budget: growth only with headroom, halving down to a floor when over', () => {
  const size = new AdaptiveBatchSize(100, 1000, 60, 400 * MB);
  assert.equal(size.current, 100);
  assert.equal(size.observe(100, 1, 300 * MB), null, 'no growth above 60 % of the budget');
  for (let i = 0; i < 8; i++) size.observe(size.current, 1, 200 * MB);
  assert.ok(size.current > 100, `grew to ${size.current}`);
  const before = size.current;
  assert.deepEqual(size.observe(before, 1, 450 * MB), { from: before, to: Math.floor(before / 2), reason: 'memory' });
  while (size.current > 10) size.observe(size.current, 1, 450 * MB);
  assert.equal(size.current, 10);
  assert.equal(size.observe(10, 1, 450 * MB), null, 'never below the floor for memory');
});
