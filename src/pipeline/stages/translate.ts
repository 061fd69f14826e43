/**
 * The `translate` stage: writes the aligned peptides (terminal `-` → `X`, as Loculus stores them)
 * and amino-acid insertions (`pos:LETTERS`) of the configured genes only, under the backend's gene
 * keys (`geneKey`; preprocessing-config.md §4, §6.2 step 3). A gene the sequence does not cover
 * is simply absent.
 */
import { datasetsOf, geneKey } from '../../config/datasets.js';
import type { ParsedConfig } from '../../config/schema.js';
import type { EntryWork, Stage } from '../stage.js';
import { formatInsertion, maskTerminalGaps } from '../../align/insertions.js';

export interface TranslateStageOptions {
  config: ParsedConfig;
}

/** Loculus marks unsequenced peptide ends as unknown (`X`), not as deletions. */
export const maskTerminalPeptideGaps = (peptide: string): string => maskTerminalGaps(peptide, 'X');

export function createTranslateStage(options: TranslateStageOptions): Stage {
  const specs = datasetsOf(options.config);
  return {
    name: 'translate',
    async run(batch: EntryWork[]): Promise<void> {
      for (const work of batch) {
        if (work.halted) continue;
        const data = work.output.data;
        for (const spec of specs) {
          const list = work.translations?.[spec.sequenceName];
          if (!list) continue;
          for (const gene of spec.genes) {
            const translation = list.find((t) => t.cdsName === gene);
            if (!translation) continue;
            const key = geneKey(spec, gene);
            data.alignedAminoAcidSequences[key] = maskTerminalPeptideGaps(translation.peptide);
            data.aminoAcidInsertions[key] = translation.insertions.map(formatInsertion);
          }
        }
      }
    },
  };
}
