/**
 * analyzeAlignment on the demo-virus dataset (a two-part POL CDS with a −1 slip and a minus-strand
 * GP CDS) with queries made from the reference by planting known changes. The alignment is given
 * in reference coordinates, exactly as the aligner hands it over.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeAlignment } from '../../src/analysis/analyze.js';
import { translate } from '../../src/analysis/genetic-code.js';
import { reverseComplement } from '../../src/analysis/nuc-letters.js';
import { parseGff3 } from '../../src/dataset/gff3.js';
import { readFasta, repoRoot } from './fixtures.js';

const dir = path.join(repoRoot, 'reference/demo-virus');
const reference = readFasta(path.join(dir, 'reference.fasta'))[0].sequence;
const annotation = parseGff3(readFileSync(path.join(dir, 'genome_annotation.gff3'), 'utf8'));
const pathogen = JSON.parse(readFileSync(path.join(dir, 'pathogen.json'), 'utf8'));
const tree = JSON.parse(readFileSync(path.join(dir, 'tree.json'), 'utf8'));
const dataset = { reference: { sequence: reference }, annotation, pathogen, tree };

const cds = (name: string) => annotation.cdses.find((c) => c.name === name)!;
const analyze = (query: string, insertions: { pos: number; ins: string }[] = []) =>
  analyzeAlignment(dataset, { alignedQuery: query, insertions, alignmentScore: 1 });
const peptideOf = (a: ReturnType<typeof analyze>, name: string) => a.translations.find((t) => t.cdsName === name)?.peptide;

function mutate(seq: string, pos: number, letter: string): string {
  return seq.slice(0, pos) + letter + seq.slice(pos + 1);
}

test('the reference itself: full peptides of all three CDSs, no changes, good QC', () => {
  const a = analyze(reference);
  const r = a.result as Record<string, any>;
  assert.equal(r.totalSubstitutions, 0);
  assert.equal(r.coverage, 1);
  assert.deepEqual(r.aaSubstitutions, []);
  assert.equal(r.totalFrameShifts, 0);
  assert.equal(r.qc.overallStatus, 'good');
  assert.equal(a.translations.length, 3);
  // POL is translated across its slippage site: two parts, the second starting one base back.
  const pol = cds('POL');
  assert.equal(pol.segments.length, 2);
  const polNucs = pol.segments.map((s) => reference.slice(s.start, s.end)).join('');
  assert.equal(peptideOf(a, 'POL'), translate(polNucs));
  // GP is read from the minus strand.
  const gp = cds('GP').segments[0];
  assert.equal(peptideOf(a, 'GP'), translate(reverseComplement(reference.slice(gp.start, gp.end))));
  assert.ok(peptideOf(a, 'GP')!.endsWith('*'));
});

test('a substitution in the minus-strand CDS is reported at the right codon', () => {
  const gp = cds('GP').segments[0];
  // Codon 10 of GP ends at genome position gp.end − 1 − 30 (its first base on the minus strand).
  const pos = gp.end - 1 - 30;
  const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
  const refCodon = reverseComplement(reference.slice(pos - 2, pos + 1));
  // Change the codon's first base to something that changes the amino acid.
  const alternatives = ['A', 'C', 'G', 'T'].filter((b) => b !== refCodon[0] && translate(b + refCodon.slice(1)) !== translate(refCodon));
  const newFirst = alternatives[0];
  const query = mutate(reference, pos, complement[newFirst]);
  const a = analyze(query);
  const subs = (a.result.aaSubstitutions as { cdsName: string; pos: number; refAa: string; qryAa: string }[]).filter((s) => s.cdsName === 'GP');
  assert.deepEqual(subs, [{ cdsName: 'GP', refAa: translate(refCodon), pos: 10, qryAa: translate(newFirst + refCodon.slice(1)) }]);
});

test('an in-frame 3-nt insertion inside a CDS becomes an amino-acid insertion', () => {
  const np = cds('NP').segments[0];
  const after = np.start + 3 * 20 + 2; // after codon 20
  const a = analyze(reference, [{ pos: after, ins: 'GGC' }]);
  const np1 = a.translations.find((t) => t.cdsName === 'NP')!;
  assert.deepEqual(np1.insertions, [{ pos: 20, ins: 'G' }]);
  assert.equal(np1.peptide, peptideOf(analyze(reference), 'NP'));
  assert.equal(a.result.totalInsertions, 3);
});

test('a 1-nt deletion is a frame shift: reported, masked with X, scored by QC', () => {
  const np = cds('NP').segments[0];
  const pos = np.start + 3 * 100 + 1;
  const query = mutate(reference, pos, '-');
  const a = analyze(query);
  const shifts = a.result.frameShifts as { cdsName: string; codon: { begin: number; end: number }; nucAbs: { begin: number; end: number }[] }[];
  assert.equal(shifts.length, 1);
  assert.equal(shifts[0].cdsName, 'NP');
  assert.equal(shifts[0].codon.begin, 100);
  assert.equal(shifts[0].codon.end, (np.end - np.start) / 3);
  const peptide = peptideOf(a, 'NP')!;
  assert.match(peptide.slice(101), /^X+$/);
  const qc = a.result.qc as Record<string, any>;
  assert.equal(qc.frameShifts.totalFrameShifts, 1);
  assert.ok(qc.frameShifts.score > 0);
});

test('a premature stop codon is listed by the stop-codon QC rule', () => {
  const np = cds('NP').segments[0];
  const start = np.start + 3 * 50;
  const query = reference.slice(0, start) + 'TAA' + reference.slice(start + 3);
  const a = analyze(query);
  const qc = a.result.qc as Record<string, any>;
  assert.deepEqual(qc.stopCodons.stopCodons, [{ cdsName: 'NP', codon: 50 }]);
  assert.equal(qc.stopCodons.totalStopCodons, 1);
});

test('a partial sequence: unsequenced ends are gaps, coverage drops, uncovered CDS is missing', () => {
  const gp = cds('GP').segments[0];
  const query = reference.slice(0, 3000) + '-'.repeat(reference.length - 3000);
  const a = analyze(query);
  assert.ok(Math.abs((a.result.coverage as number) - 3000 / reference.length) < 1e-12);
  assert.ok(gp.start > 3000);
  assert.deepEqual(a.result.missingCdses, ['GP']);
  const pol = peptideOf(a, 'POL')!;
  assert.match(pol, /-+$/);
});

test('the tree places the reference at the root clade and a leaf-like query at its clade', () => {
  const a = analyze(reference);
  assert.equal(typeof a.result.clade, 'string');
  assert.equal((a.result.privateNucMutations as any).totalPrivateSubstitutions >= 0, true);
});
