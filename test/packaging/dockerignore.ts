/**
 * `.dockerignore` matching, reduced to the pattern forms this repository uses: plain paths
 * (a directory excludes everything below it), `*` within one path segment, a leading
 * double-star directory prefix, and `!` exceptions. Later patterns win, as in Docker.
 */
export function readIgnorePatterns(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function patternToRegExp(pattern: string): RegExp {
  let body = pattern.replace(/^\/+/, '').replace(/\/+$/, '');
  const anyDepth = body.startsWith('**/');
  if (anyDepth) body = body.slice(3);
  const escaped = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${escaped}(?:/.*)?$`);
}

export function isIgnored(path: string, patterns: string[]): boolean {
  const clean = path.replace(/^\.\//, '').replace(/\/+$/, '');
  let ignored = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const regexp = patternToRegExp(negated ? pattern.slice(1) : pattern);
    if (regexp.test(clean)) ignored = !negated;
  }
  return ignored;
}
