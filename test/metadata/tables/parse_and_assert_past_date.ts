import type { FunctionTable } from './types.js';

const F = 'collection_date';
const notRecognized = [`Metadata field ${F}: Date format is not recognized.`];

export const table: FunctionTable = {
  function: 'parse_and_assert_past_date',
  field: F,
  inputs: ['date'],
  args: { type: 'date' },
  cases: [
    { source: '§8.1 collection_date_in_future', name: 'future keeps the value', inputs: { date: '2088-12-01' }, expect: '2088-12-01', errors: [`Metadata field ${F}:'2088-12-01' is in the future.`] },
    { source: '§8.1 invalid_collection_date', name: 'day-month-year', inputs: { date: '01-02-2024' }, expect: null, errors: notRecognized },
    { source: '§8.1 date_only_year', name: 'year only', inputs: { date: '2023' }, expect: '2023-01-01', warnings: [`Metadata field ${F}:'2023' - Month and day are missing. Assuming January 1st.`] },
    { source: '§8.1 date_no_day', name: 'year and month', inputs: { date: '2023-12' }, expect: '2023-12-01', warnings: [`Metadata field ${F}:'2023-12' - Day is missing. Assuming the 1st.`] },
    { source: '§9', name: 'unpadded', inputs: { date: '2023-1-5' }, expect: '2023-01-05' },
    { source: '§9', name: '2023-02-29', inputs: { date: '2023-02-29' }, expect: null, errors: notRecognized },
    { source: '§9', name: '2023-02-30', inputs: { date: '2023-02-30' }, expect: null, errors: notRecognized },
    { source: '§9', name: 'leap day', inputs: { date: '2024-02-29' }, expect: '2024-02-29' },
    { source: '§9', name: 'leading space', inputs: { date: ' 2023-01-05' }, expect: null, errors: notRecognized },
    { source: '§9', name: 'trailing space', inputs: { date: '2023-01-05 ' }, expect: null, errors: notRecognized },
    { source: '§9', name: 'compact', inputs: { date: '20230105' }, expect: null, errors: notRecognized },
    { source: '§9', name: 'two-digit year', inputs: { date: '99' }, expect: null, errors: notRecognized },
    { source: '§9', name: 'slashes', inputs: { date: '2023/05/17' }, expect: null, errors: notRecognized },
    { source: '§9', name: 'timestamp', inputs: { date: '2023-05-17T10:00:00Z' }, expect: null, errors: notRecognized },
    { source: '§9 + §10 #1 Fix', name: 'year 0099 zero-padded', inputs: { date: '0099' }, expect: '0099-01-01', warnings: [`Metadata field ${F}:'0099' - Month and day are missing. Assuming January 1st.`] },
    { source: '§9 (now 2026-11-22)', name: 'tomorrow', inputs: { date: '2026-11-23' }, expect: '2026-11-23', errors: [`Metadata field ${F}:'2026-11-23' is in the future.`] },
    { source: '§9', name: 'today', inputs: { date: '2026-11-22' }, expect: '2026-11-22' },
    { source: '§9', name: 'current year', inputs: { date: '2026' }, expect: '2026-01-01', warnings: [`Metadata field ${F}:'2026' - Month and day are missing. Assuming January 1st.`] },
    { source: '§9', name: 'current month', inputs: { date: '2026-11' }, expect: '2026-11-01', warnings: [`Metadata field ${F}:'2026-11' - Day is missing. Assuming the 1st.`] },
    {
      source: '§9',
      name: 'after an aware release date',
      inputs: { date: '2023-05-17', release_date: '2023-05-01T00:00:00Z' },
      expect: '2023-05-17',
      errors: [`Metadata field ${F}:'2023-05-17'is after release date.`],
    },
    {
      source: '§9',
      name: 'naive release date: internal error',
      inputs: { date: '2023-05-17', release_date: '2023-05-01' },
      expect: null,
      errors: [`Internal Error. parse_and_assert_past_date raised an unexpected exception for output field '${F}': can't compare offset-naive and offset-aware datetimes. Please contact the administrator.`],
    },
    { source: '§9', name: 'garbage release date ignored', inputs: { date: '2023-05-17', release_date: 'whenever' }, expect: '2023-05-17' },
    { source: '§7', name: 'empty', inputs: { date: '' }, expect: null },
  ],
};
