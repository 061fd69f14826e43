import type { FunctionTable } from './types.js';

export const table: FunctionTable = {
  function: 'check_regex',
  field: 'regex_field',
  inputs: ['regex_field'],
  args: { pattern: '^EPI_ISL_[0-9]+$' },
  cases: [
    { source: '§8.1 regex_match', name: 'match', inputs: { regex_field: 'EPI_ISL_123456' }, expect: 'EPI_ISL_123456' },
    { source: '§8.1 regex_empty_capture_group', name: 'no digits', inputs: { regex_field: 'EPI_ISL_' }, expect: null, errors: ["The value 'EPI_ISL_' does not match the expected regex pattern: '^EPI_ISL_[0-9]+$'."] },
    { source: '§8.1 regex no match', name: 'no match', inputs: { regex_field: 'EPIISL_123456' }, expect: null, errors: ["The value 'EPIISL_123456' does not match the expected regex pattern: '^EPI_ISL_[0-9]+$'."] },
    { source: '§8.1 strip_spaces_in_metadata', name: 'stripped', inputs: { regex_field: '\n EPI_ISL_123456 \n' }, expect: 'EPI_ISL_123456' },
    { source: '§9', name: 'prefix match without end anchor', args: { pattern: 'EPI_ISL_[0-9]+' }, inputs: { regex_field: 'EPI_ISL_123x' }, expect: 'EPI_ISL_123x' },
    { source: '§9', name: 'anchored at the start', args: { pattern: 'EPI_ISL_[0-9]+' }, inputs: { regex_field: 'xEPI_ISL_123' }, expect: null, errors: ["The value 'xEPI_ISL_123' does not match the expected regex pattern: 'EPI_ISL_[0-9]+'."] },
    { source: '§7', name: 'empty', inputs: { regex_field: '' }, expect: null },
  ],
};
