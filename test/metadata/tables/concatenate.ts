import type { FunctionTable } from './types.js';

const fourParts = { order: ['someInt', 'country', 'ACCESSION_VERSION', 'date'], type: ['integer', 'string', 'ACCESSION_VERSION', 'date'] };

export const table: FunctionTable = {
  function: 'concatenate',
  field: 'displayName',
  inputs: ['someInt', 'country', 'date'],
  cases: [
    {
      source: '§8.5',
      name: 'date range string',
      accession: 'accession',
      args: { order: ['date', 'country'], type: ['dateRangeString', 'string'] },
      inputs: { date: '2021-01-01/2021-12-31', country: 'USA' },
      expect: '2021-01-01_TO_2021-12-31/USA',
    },
    { source: '§8.5', name: 'empty parts dropped at the ends', accession: 'accession', args: fourParts, inputs: { someInt: '', country: '', date: '2025' }, expect: 'accession.1/2025-01-01' },
    { source: '§8.5', name: 'zero kept, empty middle part', accession: 'accession', args: fourParts, inputs: { someInt: '0', country: '', date: '2025' }, expect: '0//accession.1/2025-01-01' },
    {
      source: '§8.5',
      name: 'fallback for every empty part',
      accession: 'accession',
      args: { ...fourParts, fallback_value: 'unknown' },
      inputs: { someInt: '', country: '', date: '' },
      expect: 'unknown/unknown/accession.1/unknown',
    },
    {
      source: '§8.5',
      name: 'fallback without accession',
      accession: 'accession',
      args: { order: ['someInt', 'country', 'date'], type: ['integer', 'string', 'date'], fallback_value: 'unknown' },
      inputs: { someInt: '0', country: '', date: '2025' },
      expect: '0/unknown/2025-01-01',
    },
    { source: '§9', name: 'slash in a value is not escaped', args: { order: ['country', 'ACCESSION_VERSION'], type: ['string', 'ACCESSION_VERSION'] }, inputs: { country: 'USA/Texas' }, expect: 'USA/Texas/LOC_1.1' },
    { source: '§9', name: 'spaces become underscores', args: { order: ['country', 'ACCESSION_VERSION'], type: ['string', 'ACCESSION_VERSION'] }, inputs: { country: 'United States' }, expect: 'United_States/LOC_1.1' },
    {
      source: '§9',
      name: 'invalid date dropped silently',
      args: { order: ['country', 'ACCESSION_VERSION', 'date'], type: ['string', 'ACCESSION_VERSION', 'date'] },
      inputs: { country: 'USA', date: 'not a date' },
      expect: 'USA/LOC_1.1',
    },
    {
      source: '§9',
      name: 'future date kept',
      args: { order: ['country', 'ACCESSION_VERSION', 'date'], type: ['string', 'ACCESSION_VERSION', 'date'] },
      inputs: { country: 'USA', date: '2088-01-01' },
      expect: 'USA/LOC_1.1/2088-01-01',
    },
    { source: '§9', name: 'type int is the raw value', args: { order: ['someInt'], type: ['int'] }, inputs: { someInt: ' 0012 ' }, expect: '0012' },
    { source: '§9', name: 'timestamp', args: { order: ['date'], type: ['timestamp'] }, inputs: { date: '2022-11-01T00:00:00Z' }, expect: '2022-11-01' },
    { source: '§9', name: 'month range', args: { order: ['date'], type: ['dateRangeString'] }, inputs: { date: '2023-01/2023-03' }, expect: '2023-01_TO_2023-03' },
    {
      source: '§7',
      name: 'more than one slash in a date range',
      args: { order: ['date', 'country'], type: ['dateRangeString', 'string'] },
      inputs: { date: '2021/2022/2023', country: 'USA' },
      expect: 'USA',
      errors: ["Internal Error. Date range value '2021/2022/2023' of field 'date' contains more than one '/'. Please contact the administrator."],
    },
    { source: '§7', name: 'ARG part', args: { order: ['ARG:prefix', 'country'], type: ['ARG:prefix', 'string'], prefix: 'hYF' }, inputs: { country: 'Peru' }, expect: 'hYF/Peru' },
  ],
};
