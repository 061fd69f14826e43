/**
 * A processing spec that cannot run. Thrown once at startup with every problem found, so an
 * operator fixes the whole config in one pass. It is the shared ConfigError (same exit code and
 * error code as the loader's), narrowed so callers can tell spec problems apart.
 */
import { ConfigError as SharedConfigError } from '../shared/errors.js';

export class ConfigError extends SharedConfigError {
  constructor(problems: string[]) {
    super(problems);
    this.name = 'ConfigError';
  }
}
