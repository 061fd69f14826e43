/** QC rules and the overall verdict (alignment.md §13) with the SARS-CoV-2 dataset's thresholds. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { QcConfigSchema } from '../../src/analysis/qc/config.js';
import { runQc } from '../../src/analysis/qc/run-qc.js';
import { findSnpClusters } from '../../src/analysis/qc/snp-clusters.js';
import { sharedData } from './fixtures.js';

const sarsCov2 = QcConfigSchema.parse(JSON.parse(readFileSync(path.join(sharedData, 'nextclade/sars-cov-2/pathogen.json'), 'utf8')).qc);
const none = { reversions: 0, labeled: 0, unlabeled: 0, deletionRanges: 0 };
const base = { totalMissing: 0, totalNonACGTNs: 0, frameShifts: [], stopCodons: [], privateMutations: none, privateSubstitutionPositions: [] };

test('missing data: (missing − bias) × 100 / threshold, never below 0', () => {
  const qc = runQc(sarsCov2, { ...base, totalMissing: 3000 }) as any;
  assert.equal(qc.missingData.score, ((3000 - 300) * 100) / 2700);
  assert.equal(qc.missingData.status, 'bad');
  assert.equal((runQc(sarsCov2, { ...base, totalMissing: 100 }) as any).missingData.score, 0);
});

test('overall score is Σ score² / 100 with good < 30 ≤ mediocre < 100 ≤ bad', () => {
  const qc = runQc(sarsCov2, { ...base, totalNonACGTNs: 5 }) as any; // mixed sites 50
  assert.equal(qc.mixedSites.score, 50);
  assert.equal(qc.mixedSites.status, 'mediocre');
  assert.equal(qc.overallScore, 25);
  assert.equal(qc.overallStatus, 'good');
});

test('known frame shifts and stop codons of the dataset are ignored, others score 75 each', () => {
  const known = { cdsName: 'S', nucRel: { begin: 0, end: 0 }, nucAbs: [], codon: { begin: 141, end: 143 }, gapsLeading: { begin: 0, end: 0 }, gapsTrailing: { begin: 0, end: 0 } };
  const novel = { ...known, codon: { begin: 10, end: 20 } };
  const qc = runQc(sarsCov2, { ...base, frameShifts: [known, novel], stopCodons: [{ cdsName: 'N', codon: 417 }, { cdsName: 'N', codon: 5 }] }) as any;
  assert.equal(qc.frameShifts.totalFrameShifts, 1);
  assert.equal(qc.frameShifts.totalFrameShiftsIgnored, 1);
  assert.equal(qc.frameShifts.score, 75);
  assert.deepEqual(qc.stopCodons.stopCodons, [{ cdsName: 'N', codon: 5 }]);
  assert.equal(qc.stopCodons.totalStopCodons, 1);
});

test('private mutations: weighted excess over typical, per cutoff', () => {
  const qc = runQc(sarsCov2, { ...base, privateMutations: { reversions: 2, labeled: 3, unlabeled: 10, deletionRanges: 1 } }) as any;
  // 6·2 + 4·3 + 1·10 + 1 = 35; (35 − 8) × 100 / 24
  assert.equal(qc.privateMutations.weightedTotal, 35);
  assert.equal(qc.privateMutations.score, (27 * 100) / 24);
});

test('rules left out of the qc block: frame shifts and stop codons on, the others null', () => {
  const qc = runQc(QcConfigSchema.parse({}), base) as any;
  assert.equal(qc.missingData, null);
  assert.equal(qc.mixedSites, null);
  assert.equal(qc.privateMutations, null);
  assert.equal(qc.snpClusters, null);
  assert.equal(qc.frameShifts.score, 0);
  assert.equal(qc.stopCodons.score, 0);
  assert.equal(qc.overallStatus, 'good');
});

test('SNP clusters: more than the cut-off within a window, overlapping windows merged', () => {
  assert.deepEqual(findSnpClusters([10, 20, 30, 40, 50, 60, 70], 100, 6), [{ start: 10, end: 70, numberOfSNPs: 7 }]);
  assert.deepEqual(findSnpClusters([10, 20, 30, 40, 50, 60], 100, 6), []);
  assert.deepEqual(findSnpClusters([1, 2, 3, 4, 5, 6, 7, 8, 500, 501, 502, 503, 504, 505, 506], 100, 6), [
    { start: 1, end: 8, numberOfSNPs: 8 },
    { start: 500, end: 506, numberOfSNPs: 7 },
  ]);
});

test('a rule switched off is null and adds nothing; one switched on without settings uses the defaults', () => {
  const shift = { cdsName: 'S', nucRel: { begin: 0, end: 3 }, nucAbs: [], codon: { begin: 10, end: 11 }, gapsLeading: { begin: 0, end: 0 }, gapsTrailing: { begin: 0, end: 0 } };
  const config = QcConfigSchema.parse({ frameShifts: { enabled: false }, mixedSites: { enabled: true } });
  const qc = runQc(config, { ...base, frameShifts: [shift], stopCodons: [{ cdsName: 'N', codon: 5 }], totalNonACGTNs: 1 }) as any;
  assert.equal(qc.frameShifts, null);
  assert.equal(qc.stopCodons.score, 75);
  assert.equal(qc.mixedSites.score, 10); // default threshold 10
  assert.equal(qc.overallScore, (75 * 75 + 10 * 10) / 100);
});
