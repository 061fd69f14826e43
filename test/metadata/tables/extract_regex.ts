import type { FunctionTable } from './types.js';

export const table: FunctionTable = {
  function: 'extract_regex',
  field: 'extracted_regex_field',
  inputs: ['regex_field'],
  args: { pattern: '^EPI_ISL_(?P<id>[0-9]+)?$', capture_group: 'id' },
  cases: [
    { source: '§8.1 regex_match', name: 'group extracted', inputs: { regex_field: 'EPI_ISL_123456' }, expect: '123456' },
    { source: '§8.1 regex_empty_capture_group', name: 'group not participating: null, no error', inputs: { regex_field: 'EPI_ISL_' }, expect: null },
    {
      source: '§8.1 regex no match',
      name: 'no match',
      inputs: { regex_field: 'EPIISL_123456' },
      expect: null,
      errors: ["The value 'EPIISL_123456' does not match the expected regex pattern: '^EPI_ISL_(?P<id>[0-9]+)?$'."],
    },
    { source: '§8.1 strip_spaces_in_metadata', name: 'stripped before matching', inputs: { regex_field: '\n EPI_ISL_123456 \n' }, expect: '123456' },
    {
      source: '§9',
      name: 'uppercase',
      args: { pattern: '^(?:.*-)?(?P<seg>[a-z]+)$', capture_group: 'seg', uppercase: true },
      inputs: { regex_field: ' seg4-na ' },
      expect: 'NA',
    },
    { source: '§7', name: 'named backreference translated', args: { pattern: '^(?P<x>ab)-(?P=x)$', capture_group: 'x' }, inputs: { regex_field: 'ab-ab' }, expect: 'ab' },
  ],
};
