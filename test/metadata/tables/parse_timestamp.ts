import type { FunctionTable } from './types.js';

const F = 'sequenced_timestamp';
const prefix = (value: string) => `Timestamp is ${value} which is not in parseable YYYY-MM-DD. Parsing error: `;

export const table: FunctionTable = {
  function: 'parse_timestamp',
  field: F,
  inputs: ['timestamp'],
  cases: [
    { source: '§8.1 invalid_timestamp', name: 'trailing words', inputs: { timestamp: ' 2022-11-01Europe' }, expect: null, errors: [`${prefix(' 2022-11-01Europe')}Unknown string format:  2022-11-01Europe`] },
    { source: '§9', name: 'time zone not converted', inputs: { timestamp: '2022-11-01T23:30:00-05:00' }, expect: '2022-11-01' },
    { source: '§9', name: 'UTC timestamp', inputs: { timestamp: '2022-11-01T00:00:00Z' }, expect: '2022-11-01' },
    { source: '§9 + §10 #14 Fix', name: 'year-month rejected', inputs: { timestamp: '2022-11' }, expect: null, errors: [`${prefix('2022-11')}…`] },
    { source: '§9 + §10 #14 Fix', name: 'year rejected', inputs: { timestamp: '2022' }, expect: null, errors: [`${prefix('2022')}…`] },
    { source: '§9', name: 'month name', inputs: { timestamp: 'Nov 1 2022' }, expect: '2022-11-01' },
    { source: '§9', name: 'month first', inputs: { timestamp: '01/02/2022' }, expect: '2022-01-02' },
    { source: '§9', name: 'epoch seconds', inputs: { timestamp: '1667260800' }, expect: null, errors: [`${prefix('1667260800')}…`] },
    { source: '§9', name: 'month 13', inputs: { timestamp: '2022-13-01' }, expect: null, errors: [`${prefix('2022-13-01')}month must be in 1..12: 2022-13-01`] },
    { source: '§7', name: 'empty', inputs: { timestamp: '' }, expect: null },
  ],
};
