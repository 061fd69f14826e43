import type { FunctionCase, FunctionTable } from './types.js';

const F = 'sampleCollectionDate';
const S = 'dateRangeString';
const L = 'dateRangeLower';
const U = 'dateRangeUpper';

function row(source: string, date: string, fieldType: string, submittedAt: string | undefined, expect: unknown, extra: Partial<FunctionCase> = {}): FunctionCase {
  const { inputs, ...rest } = extra;
  return { source, name: `${date || '""'} ${fieldType} sub ${submittedAt ?? '-'}`, inputs: { date, ...inputs }, args: { fieldType }, submittedAt, expect, ...rest };
}

const rel = (releaseDate: string) => ({ inputs: { releaseDate } });

export const table: FunctionTable = {
  function: 'parse_date_into_range',
  field: F,
  inputs: ['date', 'releaseDate'],
  cases: [
    row('§8.4', '2021-12', S, '2022-12-15', '2021-12', { warnings: [`Metadata field ${F}:'2021-12' - Day is missing. Assuming date is some time in the month.`] }),
    row('§8.4', '2021-12', L, '2021-12-15', '2021-12-01'),
    row('§8.4', '2021-12', U, '2022-12-15', '2021-12-31'),
    row('§8.4', '2021-12', U, '2021-12-15', '2021-12-15'),
    row('§8.4', '2021-02', U, '2021-03-15', '2021-02-28'),
    row('§8.4', '2021', U, '2021-12-15', '2021-12-15'),
    row('§8.4', '2021', U, '2022-01-15', '2021-12-31'),
    row('§8.4', '2021-12', U, '2021-12-16', '2021-12-15', rel('2021-12-15')),
    row('§8.4', '', U, '2021-12-16', '2021-12-15', rel('2021-12-15')),
    row('§8.4', '', S, undefined, null),
    row('§8.4', 'not.date', S, undefined, null, { errors: [`Metadata field ${F}: Date not.date could not be parsed.`] }),
    row('§8.4', '', L, undefined, null, rel('2021-12-15')),
    row('§8.4', '[2021-01-02 TO 2021-06-30]', L, '2022-01-01', '2021-01-02'),
    row('§8.4', '[2021 TO 2021-06-30]', L, '2022-01-01', '2021-01-01'),
    row('§8.4', '[2021-01-01 TO 2021-06-30]', U, '2022-01-01', '2021-06-30'),
    row('§8.4', '[2021-01-01 TO 2021]', U, '2022-01-01', '2021-12-31'),
    row('§8.4', '[2021-05-01 TO 2021-06-30]', S, '2022-01-01', '2021-05/2021-06'),
    row('§8.4', '[2021 TO 2021-06]', S, '2022-01-01', '2021-01/2021-06', {
      warnings: [
        `Metadata field ${F}:'[2021 TO 2021-06]' - Detected date range. For lower date: 2021 - Month and day are missing. Assuming date is some time in the year. For upper date: 2021-06 - Day is missing. Assuming date is some time in the month.`,
      ],
    }),
    row('§8.4', '2021-03-05/2021-06-30', L, '2022-01-01', '2021-03-05'),
    row('§8.4', '2021/2021-06-30', L, '2022-01-01', '2021-01-01'),
    row('§8.4', '2021-01-01/2021-06-12', U, '2022-01-01', '2021-06-12'),
    row('§8.4', '2021-01-01/2021-06', U, '2022-01-01', '2021-06-30'),
    row('§8.4', '2020-01/2021-06-30', S, '2022-01-01', '2020-01/2021-06', { warnings: [`Metadata field ${F}:'2020-01/2021-06-30' - Detected date range. For lower date: 2020-01 - Day is missing. Assuming date is some time in the month.`] }),
    row('§8.4', '20-01-2020/2021-06-30', S, '2022-01-01', null, { errors: [`Metadata field ${F}: Detected date range but could not parse date: 20-01-2020/2021-06-30.`] }),
    row('§8.4', '2022-01-01/2021-06-30', S, '2022-01-01', '2022-01/2021-06', {
      errors: [`Metadata field ${F}:'2022-01-01/2021-06-30' is an invalid date range. Lower bound: 2022-01-01 00:00:00+00:00 is after upper bound: 2021-06-30 00:00:00+00:00.`],
    }),
    row('§8.4', '[2021-01-01 TO 2021-12-31]', S, '2022-06-15', '2021'),
    row('§8.4', '[2021-01-01 TO 2022-12-31]', S, '2024-06-15', '2021/2022'),
    row('§8.4', '[2024-02-01 TO 2024-02-29]', S, '2024-06-15', '2024-02'),
    row('§8.4', '[2021-01-01 TO 2021-12-31]', U, '2021-06-15', '2021-06-15'),
    row('§9', '2024', S, '2024-06-15', '2024-01-01/2024-06-15', { warnings: [`Metadata field ${F}:'2024' - Month and day are missing. Assuming date is some time in the year.`] }),
    row('§9', '2024', U, '2024-06-15', '2024-06-15'),
    row('§9 + §10 #15 Fix', '2024-06-20', S, '2024-06-15', '2024-06-20/2024-06-15', {
      errors: [`Metadata field ${F}:'2024-06-20' is an invalid date range. Lower bound: 2024-06-20 is after the submission date: 2024-06-15.`],
    }),
    row('§9 + §10 #15 Fix', '2025', S, '2024-06-15', '2025-01-01/2024-06-15', {
      warnings: [`Metadata field ${F}:'2025' - Month and day are missing. Assuming date is some time in the year.`],
      errors: [`Metadata field ${F}:'2025' is an invalid date range. Lower bound: 2025-01-01 is after the submission date: 2024-06-15.`],
    }),
    row('§9', '2023-1-5', S, '2024-06-15', '2023-01-05'),
    row('§9', '2023/2024', S, '2024-06-15', '2023-01-01/2024-06-15', {
      warnings: [
        `Metadata field ${F}:'2023/2024' - Detected date range. For lower date: 2023 - Month and day are missing. Assuming date is some time in the year. For upper date: 2024 - Month and day are missing. Assuming date is some time in the year.`,
      ],
    }),
    row('§9', '2023/2024', U, '2024-06-15', '2024-06-15'),
    row('§9', ' 2023 / 2023-06 ', S, '2024-06-15', '2023-01/2023-06', { warnings: [`Metadata field ${F}:' 2023 / 2023-06 ' - Detected date range. …`] }),
    row('§9', '2021/2022/2023', S, '2024-06-15', null, { errors: [`Metadata field ${F}: Date 2021/2022/2023 could not be parsed.`] }),
    row('§9', '2023-06-01', S, '2024-06-15', '2023-06-01/2023-05-01', { ...rel('2023-05-01T00:00:00Z'), errors: [`Metadata field ${F}:'2023-06-01' is after release date.`] }),
    row('§9', '2023-06-01', U, '2024-06-15', '2023-05-01', rel('2023-05-01')),
    row('§9', '2023-06-01', L, '2024-06-15', '2023-06-01', rel('2023-05-01')),
    row('§9', '2023-06-01', S, '2024-06-15', '2023-06-01', rel('garbage')),
    row('§9 (now 2026-11-22)', '2027', S, '2028-01-01', '2027', { errors: [`Metadata field ${F}:'2027' is in the future.`], warnings: [`Metadata field ${F}:'2027' - Month and day are missing. Assuming date is some time in the year.`] }),
    row('§10 #16 Replicate', '2027', L, '2028-01-01', '2027-01-01'),
  ],
};
