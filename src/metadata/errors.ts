/**
 * A configuration that cannot run. Thrown once at startup with every problem found, so an
 * operator fixes the whole config in one pass instead of one restart per mistake.
 */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} configuration problems:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
