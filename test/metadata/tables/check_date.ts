import type { FunctionTable } from './types.js';

export const table: FunctionTable = {
  function: 'check_date',
  field: 'other_date',
  inputs: ['date'],
  cases: [
    {
      source: '§8.1 invalid_date',
      name: 'day-month-year',
      inputs: { date: '01-02-2024' },
      expect: null,
      errors: ["Date is 01-02-2024 which is not in the required format YYYY-MM-DD. Parsing error: time data '01-02-2024' does not match format '%Y-%m-%d'"],
    },
    { source: '§9 + §10 #1 Fix (zero-padded)', name: 'unpadded date accepted', inputs: { date: '2023-1-5' }, expect: '2023-01-05' },
    { source: '§9', name: 'future date: warning only', inputs: { date: '2088-01-01' }, expect: '2088-01-01', warnings: ['Date is in the future.'] },
    {
      source: '§9',
      name: 'month only',
      inputs: { date: '2023-05' },
      expect: null,
      errors: ["Date is 2023-05 which is not in the required format YYYY-MM-DD. Parsing error: time data '2023-05' does not match format '%Y-%m-%d'"],
    },
    {
      source: '§7',
      name: 'impossible day',
      inputs: { date: '2023-02-30' },
      expect: null,
      errors: ['Date is 2023-02-30 which is not in the required format YYYY-MM-DD. Parsing error: day is out of range for month'],
    },
    { source: '§7', name: 'empty', inputs: { date: '' }, expect: null },
  ],
};
