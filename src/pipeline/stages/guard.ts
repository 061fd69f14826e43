/**
 * Guard stage, the last one: what the backend would reject never leaves the worker.
 * 1. Non-IUPAC symbols in the submitted sequences become an error on that sequence
 *    (preprocessing-config.md §6.2 step 4).
 * 2. The entry is checked with the backend's own validation rules (backend-contract.md §5.4);
 *    a failure becomes an error annotation, so the backend accepts the entry and the submitter
 *    reads what was wrong instead of the whole batch being rolled back.
 */
import type { OrganismSchema } from '../../contract/organism.js';
import { validateProcessedEntry } from '../../contract/validate.js';
import { sequenceAnnotation } from '../annotations.js';
import { unknownFieldError } from '../errored-entry.js';
import type { Stage } from '../stage.js';

const IUPAC = new Set('ACGTMRWSYKVHDBN');

export function createGuardStage(organism: OrganismSchema): Stage {
  return {
    name: 'guard',
    async run(batch) {
      for (const work of batch) {
        for (const [name, sequence] of Object.entries(work.output.data.unalignedNucleotideSequences)) {
          if (!sequence) continue;
          const symbols = nonIupacSymbols(sequence);
          if (symbols.length === 0) continue;
          let message = `Found non-IUPAC symbols in the ${name} sequence: ${symbols.join(', ')}`;
          if (symbols.includes('-')) message += '. Gap characters (-) are not allowed in raw sequences.';
          work.output.errors.push(sequenceAnnotation(name, message, 'sequence_symbols'));
        }
        if (work.output.errors.length > 0) continue;
        const failure = validateProcessedEntry(work.output, organism);
        if (failure) {
          work.output.errors.push(
            unknownFieldError(`The processed entry would be rejected by the Loculus backend: ${failure.detail} Please contact an administrator.`, 'backend_validation'),
          );
        }
      }
    },
  };
}

/** Distinct offending symbols, upper-cased, in first-seen order. */
export function nonIupacSymbols(sequence: string): string[] {
  const found = new Set<string>();
  for (let i = 0; i < sequence.length; i++) {
    const code = sequence.charCodeAt(i);
    // Fast path for the common letters in either case.
    const upper = code >= 97 && code <= 122 ? code - 32 : code;
    const letter = String.fromCharCode(upper);
    if (!IUPAC.has(letter)) found.add(sequence[i]!.toUpperCase());
  }
  return [...found];
}
