/**
 * `check_authors`: validates a `Last, First; Last, First` list and normalises it (initials as
 * `A. B.`, whitespace collapsed). Non-Latin letters are refused one by one (preprocessing-config.md
 * §7, §8.1, §8.3, §9).
 */
import { pyStr } from '../python.js';
import { isEmpty, issue, ok, singleInputFunction, type FunctionResult, type Issue } from '../types.js';

export const AUTHORS_FORMAT_HELP =
  "Please ensure that authors are separated by semi-colons. Each author's name should be in the format 'last name, first name;'. Last name(s) is mandatory, a comma is mandatory to separate first names/initials from last name. Only ASCII alphabetical characters A-Z are allowed. For example: 'Smith, Anna; Perez, Tom J.; Xu, X.L.;' or 'Xu,;' if the first name is unknown.";

// Latin letters up to the end of Latin Extended-B, without × and ÷.
const LETTER = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F";
// Last and first name are matched separately: one regex over `last , first` backtracks
// quadratically on long runs of spaces, and a submitted cell can be a megabyte.
const LAST_NAME = new RegExp(`^[${LETTER}'][${LETTER}' .\\-]*$`);
const FIRST_TOKEN = `(?:[${LETTER}.'\\-]+|\\d+(?:st|nd|rd|th))`;
const FIRST_NAME = new RegExp(`^(?:${FIRST_TOKEN}(?:\\s+${FIRST_TOKEN})*)?$`);
const SUFFIXES = new Set(['II', 'III', 'IV', 'V', 'VI']);
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const ANY_LETTER = /\p{L}/u;

/** `Last, First` with a mandatory last name and an optional first name. */
function isValidName(name: string): boolean {
  const comma = name.indexOf(',');
  if (comma < 0) return false;
  return LAST_NAME.test(name.slice(0, comma).trim()) && FIRST_NAME.test(name.slice(comma + 1).trim());
}

const NO_ERRORS: Issue[] = Object.freeze([]) as unknown as Issue[];

/** Nothing above U+024F (surrogates included), so no character can be a non-Latin letter. */
const LATIN_RANGE_ONLY = /^[\u0000-\u024f]*$/;

function nonLatinErrors(text: string): Issue[] {
  if (LATIN_RANGE_ONLY.test(text)) return NO_ERRORS;
  const errors: Issue[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code > 0x24f && ANY_LETTER.test(char)) {
      errors.push(issue(`Unsupported non-Latin character encountered: ${char} (U+${code.toString(16).toUpperCase().padStart(4, '0')}).`));
    }
  }
  return errors;
}

/** `[...text].length === 1` without building the array. */
function isOneCodePoint(text: string): boolean {
  if (text.length === 1) return true;
  if (text.length !== 2) return false;
  const high = text.charCodeAt(0);
  const low = text.charCodeAt(1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Text already in the form `split(/\s+/).join(' ')` gives it: non-empty, single spaces only. */
const SINGLE_SPACED = /^\S+(?: \S+)*$/;

/** `text.trim().split(/\s+/).join(' ')`, without the arrays in the usual case. */
function collapseWhitespace(text: string): string {
  const trimmed = text.trim();
  return SINGLE_SPACED.test(trimmed) ? trimmed : trimmed.split(WHITESPACE_RUN).join(' ');
}

// Regexes live at module level: a literal inside a function is a new object on every call.
const WHITESPACE_RUN = /\s+/;
const ANY_WHITESPACE = /\s/;
const SEPARATOR_RUN = /[\s,]+/;
const UPPER_WORD = /^[A-Z\u00C0-\u00DE]+$/;
/** Upper-case letters once `\s ' . -` are removed, and at least one letter. */
const SHOUTED_NAME = /^[\s'.-]*[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE\s'.-]*$/;

const isUpperWord = (word: string): boolean => UPPER_WORD.test(word);

/** `A. B.` for dotted initials (`A.B.`, `J.`, `A.B.Jr`), or null when the token is not such. */
function dottedInitials(token: string): string | null {
  let out = '';
  let pieces = 0;
  let start = 0;
  for (let i = 0; i <= token.length; i += 1) {
    if (i < token.length && token.charCodeAt(i) !== 0x2e) continue;
    if (i > start) {
      const piece = token.slice(start, i);
      if (piece.length !== 1 && !(pieces > 0 && SUFFIXES.has(piece))) return null;
      out += `${pieces > 0 ? ' ' : ''}${piece.length === 1 ? `${piece.toUpperCase()}.` : piece}`;
      pieces += 1;
    }
    start = i + 1;
  }
  return pieces > 0 ? out : null;
}

/** Initials `A. B.` for a first-name token, or the token unchanged. */
function formatToken(token: string, position: number, shouting: boolean): string {
  if (ORDINAL.test(token)) return token;
  if (position > 0 && SUFFIXES.has(token)) return token;
  if (token.includes('.')) return dottedInitials(token) ?? token;
  if (isOneCodePoint(token)) return `${token.toUpperCase()}.`;
  // All-capital tokens are initials (`JR`, `HLF`), unless the whole name is written in capitals.
  if (!shouting && isUpperWord(token)) return [...token].map((letter) => `${letter}.`).join(' ');
  return token;
}

function formatName(last: string, first: string): string {
  const lastName = collapseWhitespace(last);
  const shouting = SHOUTED_NAME.test(lastName);
  const given = first.trim();
  let formatted: string;
  if (given === '') formatted = '';
  else if (!ANY_WHITESPACE.test(given)) formatted = formatToken(given, 0, shouting);
  else formatted = given.split(WHITESPACE_RUN).map((token, index) => formatToken(token, index, shouting)).join(' ');
  return `${lastName}, ${formatted}`;
}

/**
 * The formatted list (names joined by `; `), or null when some name does not parse. Validation
 * and formatting share one pass over the names.
 */
function formatNames(text: string): string | null {
  const pieces = text.split(';');
  if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
  let formatted = '';
  for (let i = 0; i < pieces.length; i += 1) {
    const name = pieces[i].trim();
    const comma = name.indexOf(',');
    if (comma < 0) return null;
    const last = name.slice(0, comma);
    const first = name.slice(comma + 1);
    if (!LAST_NAME.test(last.trim()) || !FIRST_NAME.test(first.trim())) return null;
    formatted += `${i > 0 ? '; ' : ''}${formatName(last, first)}`;
  }
  return formatted;
}

function invalidMessage(text: string): string {
  // Blame individual names when possible; empty pieces between `;;` cannot be blamed.
  const invalid = text
    .split(';')
    .filter((piece) => piece !== '')
    .map((piece) => piece.trim())
    .filter((name) => !isValidName(name));
  if (invalid.length === 0) return `The authors list is not in a recognized format. ${AUTHORS_FORMAT_HELP}`;
  const shown = invalid.slice(0, 3).map((name) => `'${name}'`).join('; ');
  const more = invalid.length > 3 ? ` ... and ${invalid.length - 3} others.` : '.';
  return `Invalid name(s): ${shown}${more} ${AUTHORS_FORMAT_HELP}`;
}

export function checkAuthorList(text: string): FunctionResult {
  const nonLatin = nonLatinErrors(text);
  if (nonLatin.length > 0) return { value: null, errors: nonLatin, warnings: [] };
  const formatted = formatNames(text);
  if (formatted === null) return { value: null, errors: [issue(invalidMessage(text))], warnings: [] };
  const warnings: Issue[] = [];
  if (!text.includes(';') && text.split(SEPARATOR_RUN).filter(Boolean).length > 3) {
    warnings.push(issue(`The authors list might not be using the Loculus format. ${AUTHORS_FORMAT_HELP}`));
  }
  if (text.includes(' and ')) {
    warnings.push(
      issue(
        "Authors list contains 'and'. This may indicate a misformatted authors list. Authors should always be separated by semi-colons only e.g. `Smith, Anna; Perez, Tom J.; Xu, X.L.`.",
      ),
    );
  }
  return warnings.length > 0 ? ok(formatted.trim(), warnings) : ok(formatted.trim());
}

export const checkAuthors = singleInputFunction<null>({
  name: 'check_authors',
  prepare: () => ({ plan: null, problems: [] }),
  singleInput: 'authors',
  runValue(value) {
    if (isEmpty(value)) return ok(null);
    return checkAuthorList(typeof value === 'string' ? value : pyStr(value));
  },
});
