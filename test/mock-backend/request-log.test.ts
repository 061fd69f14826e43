import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startTestMock, submit } from './helpers.js';

test('the request log keeps the first million characters of a long body, marked as cut', async () => {
  const mock = await startTestMock();
  try {
    const body = `${'x'.repeat(999_998)}é€${'y'.repeat(500_000)}`;
    assert.equal((await submit(mock, body)).status, 400);
    const log = await (await fetch(`${mock.url}/_mock/requests`)).json();
    assert.equal(log[0].body, `${body.slice(0, 1_000_000)}…`);
  } finally {
    await mock.close();
  }
});
