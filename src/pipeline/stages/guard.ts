/**
 * Guard stage, the last one: what the backend would reject never leaves the worker.
 * The entry is checked with the backend's own validation rules (backend-contract.md §5.4);
 * A failure becomes an error annotation, so the backend accepts the entry and the submitter
 * reads what was wrong instead of the whole batch being rolled back.
 */
import type { OrganismSchema } from '../../contract/organism.js';
import { validateBuiltEntry } from '../../contract/validate.js';
import { unknownFieldError } from '../errored-entry.js';
import type { Stage } from '../stage.js';

export function createGuardStage(organism: OrganismSchema): Stage {
  return {
    name: 'guard',
    async run(batch) {
      for (const work of batch) {
        if (work.output.errors.length > 0) continue;
        const failure = validateBuiltEntry(work.output, organism);
        if (failure) {
          work.output.errors.push(
            unknownFieldError(`The processed entry would be rejected by the Loculus backend: ${failure.detail} Please contact an administrator.`, 'backend_validation'),
          );
        }
      }
    },
  };
}

