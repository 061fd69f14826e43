import type { FunctionCase, FunctionTable } from './types.js';

const HELP =
  "Please ensure that authors are separated by semi-colons. Each author's name should be in the format 'last name, first name;'. Last name(s) is mandatory, a comma is mandatory to separate first names/initials from last name. Only ASCII alphabetical characters A-Z are allowed. For example: 'Smith, Anna; Perez, Tom J.; Xu, X.L.;' or 'Xu,;' if the first name is unknown.";
const MIGHT_NOT = `The authors list might not be using the Loculus format. ${HELP}`;
const AND =
  "Authors list contains 'and'. This may indicate a misformatted authors list. Authors should always be separated by semi-colons only e.g. `Smith, Anna; Perez, Tom J.; Xu, X.L.`.";
const UNRECOGNIZED = `The authors list is not in a recognized format. ${HELP}`;

const accepted = (source: string, input: string, expect: string, warnings: string[] = []): FunctionCase => ({ source, name: `accepts ${JSON.stringify(input)}`, inputs: { authors: input }, expect, warnings });
const rejected = (source: string, input: string, errors: string[] = ['…']): FunctionCase => ({ source, name: `rejects ${JSON.stringify(input)}`, inputs: { authors: input }, expect: null, errors });

export const table: FunctionTable = {
  function: 'check_authors',
  field: 'authors',
  inputs: ['authors'],
  cases: [
    accepted('§8.1 warn_potential_author_error', 'Anna Smith, Cameron Tucker', 'Anna Smith, Cameron Tucker', [MIGHT_NOT]),
    rejected('§8.1 non_latin_characters_authors', 'Pérez, José; Bailley, François; 汉', ['Unsupported non-Latin character encountered: 汉 (U+6C49).']),
    accepted('§8.1 diacritics_in_authors', 'Pérez, José; Bailley, François; Møller, Anäis; Wałęsa, Lech', 'Pérez, José; Bailley, François; Møller, Anäis; Wałęsa, Lech'),
    accepted('§8.1 and_in_authors', 'Smith, Anna; Perez, Tom J. and Xu X.L.', 'Smith, Anna; Perez, Tom J. and Xu X. L.', [AND]),
    accepted(
      '§8.1 trailing_dots_in_authors',
      'Smith, John II; Doe, A.B.C.; Lee, J D; Smith, Anna; Perez, Tom J.; Xu, X.L.; SMITH, AMY; Smith, AD; Black, W. C. IV; Dantas, Pedro HLF; Diclaro, J.W.II; Ramirez, II II; Xu, X.L',
      'Smith, John II; Doe, A. B. C.; Lee, J. D.; Smith, Anna; Perez, Tom J.; Xu, X. L.; SMITH, AMY; Smith, A. D.; Black, W. C. IV; Dantas, Pedro H. L. F.; Diclaro, J. W. II; Ramirez, I. I. II; Xu, X. L.',
    ),
    rejected('§8.1 invalid_author_names_listed', 'Smith, Anna; Invalid Name; BadFormat123; Perez, Tom J.; 12345; NoComma', [
      `Invalid name(s): 'Invalid Name'; 'BadFormat123'; '12345' ... and 1 others. ${HELP}`,
    ]),
    accepted('§8.1 strip_spaces_in_metadata', ' Smith, John II; Doe, A.B.C. \t', 'Smith, John II; Doe, A. B. C.'),
    accepted('§8.3', 'Xi, L.; Yu, X.;', 'Xi, L.; Yu, X.'),
    accepted('§8.3', 'Xi,L;Yu,X.;', 'Xi, L.; Yu, X.'),
    accepted('§8.3', 'Xi,;Yu,X.;', 'Xi, ; Yu, X.'),
    accepted('§8.3', 'Xi, ;Yu,X.;', 'Xi, ; Yu, X.'),
    accepted('§8.3', 'Xi, ;Yu,X.', 'Xi, ; Yu, X.'),
    accepted('§8.3', 'Xi,;', 'Xi,'),
    accepted('§8.3', 'Xi,', 'Xi,'),
    accepted('§8.3', 'Smith, Anna Maria; Perez, Jose X.;', 'Smith, Anna Maria; Perez, Jose X.'),
    accepted('§8.3', 'Smith,Anna Maria;Perez,Jose X;', 'Smith, Anna Maria; Perez, Jose X.'),
    accepted('§8.3', 'de souza, a.', 'de souza, A.'),
    accepted('§8.3', 'McGregor, Ewan', 'McGregor, Ewan'),
    accepted('§8.3', "'t Hooft, Gerard", "'t Hooft, Gerard"),
    accepted('§8.3', 'Tandoc, A. 3rd', 'Tandoc, A. 3rd'),
    rejected('§8.3', ';', [UNRECOGNIZED]),
    rejected('§8.3', ',;'),
    rejected('§8.3', ' ,;'),
    rejected('§8.3', ',X.;Yu,X.'),
    rejected('§8.3', ',;Yu,X.'),
    rejected('§8.3', 'Anna Maria Smith; Jose X. Perez', [`Invalid name(s): 'Anna Maria Smith'; 'Jose X. Perez'. ${HELP}`]),
    rejected('§8.3', 'Anna Maria Smith;'),
    rejected('§8.3', 'Anna Maria Smith'),
    rejected('§8.3', 'Smith9, Anna;'),
    rejected('§8.3', 'Anna Smith, Cameron Tucker, and Jose Perez'),
    rejected('§8.3', 'Count4th, EwanMcGregor, Count4th'),
    rejected('§9', 'Anna Smith', [`Invalid name(s): 'Anna Smith'. ${HELP}`]),
    rejected('§9', 'Smith, Anna and Perez, Tom'),
    accepted('§9', 'de la Cruz, Maria', 'de la Cruz, Maria', [MIGHT_NOT]),
    accepted('§9', 'Smith, JR', 'Smith, J. R.'),
    accepted('§9', 'Smith, jr', 'Smith, jr'),
    accepted('§9', 'SMITH, JOHN', 'SMITH, JOHN'),
    accepted('§9', 'Smith, Anna\tMaria', 'Smith, Anna Maria'),
    accepted('§9', 'Smith , Anna', 'Smith, Anna'),
    rejected('§9', 'Smith, Anna, Maria'),
    rejected('§9', 'Smith, Anna;;Perez, Tom', [UNRECOGNIZED]),
    rejected('§9', 'Smith, Anna;  ', [`Invalid name(s): ''. ${HELP}`]),
    accepted('§9', 'Müller, Jürgen', 'Müller, Jürgen'),
    rejected('§9 (4 errors, one per Cyrillic letter; identical ones merge later)', 'Smith, Анна', [
      'Unsupported non-Latin character encountered: А (U+0410).',
      'Unsupported non-Latin character encountered: а (U+0430).',
      'Unsupported non-Latin character encountered: н (U+043D).',
      'Unsupported non-Latin character encountered: н (U+043D).',
    ]),
  ],
};
