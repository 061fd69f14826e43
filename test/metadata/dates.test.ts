/**
 * Fixed-width `yyyy-MM-dd` dates are read from character codes; these cases pin that the
 * outcome (and Python's message) is what the directive regexes give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLenient, strptime, strptimeDate } from '../../src/metadata/dates.js';

const CASES: [string, string | { year: number; month: number; day: number }, string | null][] = [
  // text, strptime('%Y-%m-%d') date or message, parseLenient message (null = same date)
  ['2023-01-05', { year: 2023, month: 1, day: 5 }, null],
  ['2023-10-31', { year: 2023, month: 10, day: 31 }, null],
  ['2024-02-29', { year: 2024, month: 2, day: 29 }, null],
  ['9999-12-31', { year: 9999, month: 12, day: 31 }, null],
  ['2023-00-10', "time data '2023-00-10' does not match format '%Y-%m-%d'", 'month must be in 1..12: 2023-00-10'],
  ['2023-13-01', "time data '2023-13-01' does not match format '%Y-%m-%d'", 'month must be in 1..12: 2023-13-01'],
  ['2023-12-32', 'unconverted data remains: 2', 'day is out of range for month: 2023-12-32'],
  ['2023-12-00', "time data '2023-12-00' does not match format '%Y-%m-%d'", 'day is out of range for month: 2023-12-00'],
  ['0000-01-01', 'year 0 is out of range', 'year 0 is out of range: 0000-01-01'],
  ['2023-02-29', 'day is out of range for month', 'day is out of range for month: 2023-02-29'],
  ['2023-04-31', 'day is out of range for month', 'day is out of range for month: 2023-04-31'],
];

test('fixed-width dates: strptime and the lenient parse', () => {
  for (const [text, expected, lenientMessage] of CASES) {
    const parsed = strptime(text, '%Y-%m-%d');
    if (typeof expected === 'string') {
      assert.deepEqual(parsed, { ok: false, message: expected }, text);
      assert.equal(strptimeDate(text, '%Y-%m-%d'), null, text);
      assert.deepEqual(parseLenient(text), { ok: false, message: lenientMessage }, text);
    } else {
      assert.deepEqual(parsed, { ok: true, date: expected }, text);
      assert.deepEqual(strptimeDate(text, '%Y-%m-%d'), expected, text);
      assert.deepEqual(parseLenient(text), { ok: true, parsed: { date: expected, hasMonth: true, hasDay: true, aware: false } }, text);
    }
  }
});

test('unpadded and zoned forms still take the pattern path', () => {
  assert.deepEqual(strptime('2023-1-5', '%Y-%m-%d'), { ok: true, date: { year: 2023, month: 1, day: 5 } });
  assert.deepEqual(parseLenient(' 2023-06-23T10:00:00Z '), { ok: true, parsed: { date: { year: 2023, month: 6, day: 23 }, hasMonth: true, hasDay: true, aware: true } });
});
