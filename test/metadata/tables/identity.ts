import type { FunctionTable } from './types.js';

const int = { type: 'int' };
const float = { type: 'float' };
const bool = { type: 'boolean' };

export const table: FunctionTable = {
  function: 'identity',
  field: 'F',
  inputs: ['input'],
  cases: [
    { source: '§8.1 invalid_int', name: 'garbage int', inputs: { input: 'asdf' }, args: int, expect: null, errors: ['Invalid int value: asdf for field F.'] },
    { source: '§8.1 invalid_float', name: 'garbage float', inputs: { input: 'asdf' }, args: float, expect: null, errors: ['Invalid float value: asdf for field F.'] },
    { source: '§8.1 nan_float', name: 'NaN float', inputs: { input: 'NaN' }, args: float, expect: null },
    { source: '§8.1 infinity_float', name: 'Infinity float', inputs: { input: 'Infinity' }, args: float, expect: null, errors: ['Invalid float value: Infinity for field F.'] },
    { source: '§8.1 invalid_boolean', name: 'maybe', inputs: { input: 'maybe' }, args: bool, expect: null, errors: ['Invalid boolean value: maybe for field F.'] },
    { source: '§8.1', name: 'string is stripped', inputs: { input: '  name ' }, args: { type: 'string' }, expect: 'name' },
    { source: '§9', name: 'no type: unchanged, not stripped', inputs: { input: '  abc  ' }, expect: '  abc  ' },
    { source: '§9', name: 'type string strips', inputs: { input: '  abc  ' }, args: { type: 'string' }, expect: 'abc' },
    { source: '§9', name: 'int with whitespace', inputs: { input: ' 42 ' }, args: int, expect: 42 },
    { source: '§9', name: 'int with sign', inputs: { input: '+5' }, args: int, expect: 5 },
    { source: '§9', name: 'int with underscore', inputs: { input: '1_000' }, args: int, expect: 1000 },
    { source: '§9', name: 'int Arabic-Indic digit', inputs: { input: '٣' }, args: int, expect: 3 },
    { source: '§9', name: 'int 4.0 rejected', inputs: { input: '4.0' }, args: int, expect: null, errors: ['Invalid int value: 4.0 for field F.'] },
    { source: '§9', name: 'int 1e3 rejected', inputs: { input: '1e3' }, args: int, expect: null, errors: ['Invalid int value: 1e3 for field F.'] },
    { source: '§9', name: 'int 1.0 rejected', inputs: { input: '1.0' }, args: int, expect: null, errors: ['Invalid int value: 1.0 for field F.'] },
    { source: '§10 #3 Fix', name: 'int beyond 32 bits', inputs: { input: '3000000000' }, args: int, expect: null, errors: ['Invalid int value: 3000000000 for field F.'] },
    { source: '§10 #3 Fix', name: 'int at 32-bit limit', inputs: { input: '-2147483648' }, args: int, expect: -2147483648 },
    { source: '§9', name: 'float exponent', inputs: { input: '1e3' }, args: float, expect: { float: 1000 } },
    { source: '§9', name: 'float leading dot', inputs: { input: '.5' }, args: float, expect: { float: 0.5 } },
    { source: '§9', name: 'float underscore', inputs: { input: '1_0.5' }, args: float, expect: { float: 10.5 } },
    { source: '§9', name: 'float nan lower case', inputs: { input: 'nan' }, args: float, expect: null },
    { source: '§9', name: 'float -inf', inputs: { input: '-inf' }, args: float, expect: null, errors: ['Invalid float value: -inf for field F.'] },
    { source: '§9', name: 'boolean TRUE', inputs: { input: 'TRUE' }, args: bool, expect: true },
    { source: '§9', name: 'boolean True', inputs: { input: 'True' }, args: bool, expect: true },
    { source: '§9', name: 'boolean false', inputs: { input: 'false' }, args: bool, expect: false },
    { source: '§9', name: 'boolean yes', inputs: { input: 'yes' }, args: bool, expect: null, errors: ['Invalid boolean value: yes for field F.'] },
    { source: '§9', name: 'boolean 1', inputs: { input: '1' }, args: bool, expect: null, errors: ['Invalid boolean value: 1 for field F.'] },
    { source: '§9', name: 'boolean not stripped', inputs: { input: ' true' }, args: bool, expect: null, errors: ['Invalid boolean value:  true for field F.'] },
    { source: '§9 (guard fixes it, §10 #1)', name: 'date is passed through by the function', inputs: { input: '2023-13-45' }, args: { type: 'date' }, expect: '2023-13-45' },
    { source: '§10 #2 Fix', name: 'number becomes a JSON number', inputs: { input: '12.5' }, args: { type: 'number' }, expect: 12.5 },
    { source: '§10 #2 Fix', name: 'number garbage', inputs: { input: 'abc' }, args: { type: 'number' }, expect: null, errors: ['Invalid number value: abc for field F.'] },
    { source: '§7', name: 'empty input', inputs: { input: '' }, args: int, expect: null },
    { source: '§7', name: 'absent input', inputs: { input: null }, args: int, expect: null },
  ],
};
