import type { FunctionTable } from './types.js';

const options = ['Africa', 'Antarctica', 'Asia', 'Europe', 'North America', 'South America', 'Oceania', "Côte d'Ivoire"];

export const table: FunctionTable = {
  function: 'process_options',
  field: 'continent',
  inputs: ['input'],
  args: { options },
  cases: [
    { source: '§8.1 invalid_option', name: 'not an option', inputs: { input: 'Afrika' }, expect: null, errors: ["Metadata field continent:'Afrika' - not in list of accepted options."] },
    { source: '§8.1 invalid_option (INSDC)', name: 'INSDC keeps the value with a warning', insdc: true, inputs: { input: 'Afrika' }, expect: 'Afrika', warnings: ["Metadata field continent:'Afrika' - not in list of accepted options."] },
    { source: '§7', name: 'case and whitespace ignored', inputs: { input: '  north   AMERICA ' }, expect: 'North America' },
    { source: '§7 (observed)', name: 'diacritics', inputs: { input: "côte d'ivoire" }, expect: "Côte d'Ivoire" },
    { source: '§7', name: 'exact', inputs: { input: 'Asia' }, expect: 'Asia' },
    { source: '§7', name: 'empty', inputs: { input: '' }, expect: null },
    {
      source: '§7',
      name: 'no options list',
      inputs: { input: 'Asia' },
      args: { options: null },
      expect: null,
      errors: ['Website configuration error: no options list specified for field continent, please contact an administrator.'],
    },
  ],
};
