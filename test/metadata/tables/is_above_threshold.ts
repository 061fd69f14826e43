import type { FunctionTable } from './types.js';

export const table: FunctionTable = {
  function: 'is_above_threshold',
  field: 'variant',
  inputs: ['input'],
  args: { threshold: 0 },
  cases: [
    { source: '§8.7 (G→A mutation)', name: 'one substitution', inputs: { input: '1' }, expect: true },
    { source: '§8.7 (insertion)', name: 'no substitution', inputs: { input: '0' }, expect: false },
    { source: '§7', name: 'threshold as text', args: { threshold: '2.5' }, inputs: { input: '3' }, expect: true },
    { source: '§7 / §10 #20', name: 'non-numeric input', inputs: { input: 'many' }, expect: null, errors: ['Field variant has non-numeric threshold value.'] },
    { source: '§7', name: 'non-numeric threshold', args: { threshold: 'high' }, inputs: { input: '3' }, expect: null, errors: ['Field variant has non-numeric threshold value.'] },
    { source: '§7', name: 'missing threshold', args: { threshold: null }, inputs: { input: '3' }, expect: null, errors: ['Field variant is missing threshold argument. Please report this error to the administrator.'] },
    { source: '§7', name: 'empty input', inputs: { input: '' }, expect: null },
  ],
};
