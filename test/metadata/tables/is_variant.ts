import type { FunctionTable } from './types.js';

export const table: FunctionTable = {
  function: 'is_variant',
  field: 'variant',
  inputs: ['length', 'numMutations'],
  args: { mu: '0.1' },
  cases: [
    { source: '§8.8', name: 'above', inputs: { length: '1000', numMutations: '150' }, expect: true },
    { source: '§8.8', name: 'below', inputs: { length: '1000', numMutations: '50' }, expect: false },
    { source: '§8.8', name: 'equal is not above', inputs: { length: '1000', numMutations: '100' }, expect: false },
    { source: '§8.8', name: 'length missing', inputs: { length: null, numMutations: '50' }, expect: null },
    { source: '§8.8', name: 'mutations missing', inputs: { length: '1000', numMutations: null }, expect: null },
    { source: '§8.8', name: 'no mu', args: { mu: null }, inputs: { length: '1000', numMutations: '50' }, expect: null, errors: ['Field variant is missing mu argument. Please report this error to the administrator.'] },
    { source: '§8.8', name: 'non-numeric length', inputs: { length: 'not_a_number', numMutations: '50' }, expect: null, errors: ['Field variant has non-numeric length or numMutations value.'] },
    { source: '§9', name: 'numMutations None', inputs: { length: '1000', numMutations: 'None' }, expect: null, errors: ['Field variant has non-numeric threshold value.'] },
  ],
};
