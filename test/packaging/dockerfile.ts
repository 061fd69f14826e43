/**
 * Just enough of a Dockerfile reader for consistency checks: instructions with continuation lines
 * joined, comments dropped, and the pieces the packaging test needs (COPY sources, RUN commands,
 * exec-form CMD/HEALTHCHECK arrays).
 */
export interface Instruction {
  keyword: string;
  args: string;
  stage: string;
}

export function readInstructions(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending = '';
  let stage = '';
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trimStart().startsWith('#'))) continue;
    if (pending !== '' && line.trimStart().startsWith('#')) continue; // comments inside continuations
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1) + ' ';
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    const space = full.search(/\s/);
    const keyword = (space < 0 ? full : full.slice(0, space)).toUpperCase();
    const args = space < 0 ? '' : full.slice(space + 1).trim();
    if (keyword === 'FROM') {
      const as = /\bAS\s+(\S+)/i.exec(args);
      stage = as ? as[1] : args;
    }
    instructions.push({ keyword, args, stage });
  }
  return instructions;
}

export interface CopySpec {
  from: string | null;
  sources: string[];
  destination: string;
  stage: string;
}

export function copiesOf(instructions: Instruction[]): CopySpec[] {
  return instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const words = i.args.split(/\s+/);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length) ?? null;
      return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1], stage: i.stage };
    });
}

/** The JSON array of an exec-form instruction (`CMD [...]`, `HEALTHCHECK ... CMD [...]`). */
export function execForm(args: string): string[] | null {
  const start = args.indexOf('[');
  if (start < 0) return null;
  const parsed: unknown = JSON.parse(args.slice(start));
  return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
}
