/**
 * Guard stage, the last one: what the backend would reject never leaves the worker.
 * The entry is checked with the backend's own validation rules (backend-contract.md §5.4).
 * A failure becomes an error annotation, so the backend accepts the entry and the submitter
 * reads what was wrong instead of the whole batch being rolled back.
 */
import { emptyProcessedData } from '../../contract/entries.js';
import type { OrganismSchema } from '../../contract/organism.js';
import { validateBuiltEntry } from '../../contract/validate.js';
import { unknownFieldError } from '../errored-entry.js';
import type { Stage } from '../stage.js';

export function createGuardStage(organism: OrganismSchema): Stage {
  return {
    name: 'guard',
    async run(batch) {
      for (const work of batch) {
        const failure = validateBuiltEntry(work.output, organism);
        if (failure) {
          // Data the backend cannot read (400) would be refused even with an error: it goes out empty.
          if (failure.status === 400) work.output.data = emptyProcessedData();
          work.output.errors.push(
            unknownFieldError(`The processed entry would be rejected by the Loculus backend: ${failure.detail} Please contact an administrator.`, 'backend_validation'),
          );
        }
      }
    },
  };
}

