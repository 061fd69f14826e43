/**
 * The diagonal trim (DP only around indels) must not change any peptide or amino-acid insertion:
 * every CDS of real example genomes is translated with and without it and compared.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { gapOpenMap } from '../../src/align/gap-open.js';
import { NucAligner } from '../../src/align/wasm.js';
import { insertionsByPosition } from '../../src/analysis/cds-extract.js';
import { datasetContext, type AnalysisDataset } from '../../src/analysis/dataset-context.js';
import { alignmentRangeOf } from '../../src/align/nuc-analysis.js';
import { translateCds } from '../../src/analysis/translate-cds.js';
import { loadDataset, loadDatasetExamples } from '../../src/dataset/load.js';
import { sharedData } from './fixtures.js';

for (const name of ['sars-cov-2', 'rsv-a', 'cchfv/M']) {
  test(`${name}: trimmed and full peptide alignment agree on every example CDS`, async () => {
    const dir = path.join(sharedData, 'nextclade', name);
    const dataset = await loadDataset(dir);
    const examples = await loadDatasetExamples(dir);
    const aligner = new NucAligner();
    const params = { ...dataset.alignParams, retryReverseComplement: true };
    const id = aligner.addReference(dataset.reference.sequence, gapOpenMap(dataset.reference.sequence.length, dataset.annotation, params), params);
    const context = datasetContext(dataset as unknown as AnalysisDataset);
    let compared = 0;
    for (const example of examples) {
      const outcome = aligner.align(id, example.sequence);
      if (!outcome.ok) continue;
      const query = outcome.value.alignedQuery;
      const queryContext = {
        reference: context.reference,
        query,
        insertionsAt: insertionsByPosition(outcome.value.insertions),
        alignmentRange: alignmentRangeOf(query),
      };
      for (const cds of context.annotation.cdses) {
        const refPeptide = context.refPeptides.get(cds.name)!;
        let full;
        try {
          full = translateCds(queryContext, cds, refPeptide, { ...context.translationParams, fullPeptideDp: true });
        } catch {
          continue; // CDS not covered
        }
        const trimmed = translateCds(queryContext, cds, refPeptide, context.translationParams);
        assert.equal(trimmed.peptide, full.peptide, `${example.name} ${cds.name}`);
        assert.deepEqual(trimmed.insertions, full.insertions, `${example.name} ${cds.name}`);
        compared++;
      }
    }
    assert.ok(compared > 40, `compared ${compared}`);
  });
}
