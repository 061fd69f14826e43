/**
 * Python `re` patterns (the dialect of the reference configs) compiled to JavaScript, with
 * `re.match` semantics: anchored at the start, the end anchored only if the pattern says so
 * (preprocessing-config.md §7 check_regex/extract_regex, §10 #23).
 * Translation happens once at startup; constructs JavaScript cannot express are refused then.
 */

export interface PyRegex {
  /** The pattern as written in the config (used in messages). */
  readonly source: string;
  /** Python `re.match(pattern, text)`: the match at position 0, or null. */
  match(text: string): RegExpExecArray | null;
  /** Named groups the pattern defines. */
  readonly groupNames: ReadonlySet<string>;
}

export type PyRegexCompilation = { ok: true; regex: PyRegex } | { ok: false; problem: string };

const GLOBAL_FLAGS: Record<string, string> = { i: 'i', s: 's', m: 'm', u: '', a: '', L: '' };

/** Translates Python syntax to JavaScript syntax; returns the JS source and flags or a problem. */
function translate(pattern: string): { source: string; flags: string } | { problem: string } {
  let flags = '';
  let rest = pattern;
  const leading = /^\(\?([aiLmsux]+)\)/.exec(rest);
  if (leading) {
    for (const flag of leading[1]) {
      if (flag === 'x') return { problem: 'verbose mode (?x) is not supported' };
      flags += GLOBAL_FLAGS[flag] ?? '';
    }
    rest = rest.slice(leading[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i += 1) {
    const char = rest[i];
    if (char === '\\') {
      const next = rest[i + 1] ?? '';
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'Z') out += '$';
      else out += char + next;
      i += 1;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A `]` right after `[` or `[^` is a literal in Python; JavaScript needs it escaped.
      if (rest[i + 1] === '^') {
        out += '^';
        i += 1;
      }
      if (rest[i + 1] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if (char === '(' && rest[i + 1] === '?') {
      const head = rest.slice(i, i + 4);
      if (head.startsWith('(?P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      const backref = /^\(\?P=(\w+)\)/.exec(rest.slice(i));
      if (backref) {
        out += `\\k<${backref[1]}>`;
        i += backref[0].length - 1;
        continue;
      }
      if (head.startsWith('(?>')) return { problem: 'atomic groups (?>...) are not supported' };
      if (head.startsWith('(?(')) return { problem: 'conditional groups (?(...)...) are not supported' };
      if (head.startsWith('(?#')) return { problem: 'comments (?#...) are not supported' };
      if (/^\(\?[aiLmsux-]+[:)]/.test(rest.slice(i))) return { problem: 'inline flags other than at the start of the pattern are not supported' };
    }
    if ((char === '+' || char === '*' || char === '?' || char === '}') && rest[i + 1] === '+') {
      return { problem: 'possessive quantifiers are not supported' };
    }
    out += char;
  }
  return { source: out, flags };
}

export function compilePyRegex(pattern: string): PyRegexCompilation {
  const translated = translate(pattern);
  if ('problem' in translated) return { ok: false, problem: `regex pattern '${pattern}': ${translated.problem}` };
  let sticky: RegExp;
  try {
    sticky = new RegExp(translated.source, `${translated.flags}y`);
  } catch (error) {
    return { ok: false, problem: `regex pattern '${pattern}' is not valid: ${(error as Error).message}` };
  }
  const groupNames = new Set<string>();
  for (const found of translated.source.matchAll(/\(\?<([A-Za-z_]\w*)>/g)) groupNames.add(found[1]);
  const regex: PyRegex = {
    source: pattern,
    groupNames,
    match(text: string) {
      sticky.lastIndex = 0;
      return sticky.exec(text);
    },
  };
  return { ok: true, regex };
}
