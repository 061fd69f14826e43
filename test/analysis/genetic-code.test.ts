/** The codon table (alignment.md §11): standard code plus ambiguity codes that resolve to one amino acid. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate, translateCodon } from '../../src/analysis/genetic-code.js';

test('standard codons, resolvable ambiguity codes, stops, gaps and unknowns', () => {
  assert.equal(translate('ATGTTTTAA'), 'MF*');
  assert.equal(translateCodon('ACN'), 'T');
  assert.equal(translateCodon('AAR'), 'K');
  assert.equal(translateCodon('TAR'), '*');
  assert.equal(translateCodon('TRA'), '*');
  assert.equal(translateCodon('MGR'), 'R');
  assert.equal(translateCodon('YTG'), 'L');
  assert.equal(translateCodon('AAN'), 'X'); // K or N
  assert.equal(translateCodon('NNN'), 'X');
  assert.equal(translateCodon('---'), '-');
  assert.equal(translateCodon('A-G'), 'X');
});

test('176 triplets translate to an amino acid or stop; a trailing partial codon is dropped', () => {
  const codes = 'ACGTRYSWKMBDHVN';
  let resolved = 0;
  for (const a of codes) for (const b of codes) for (const c of codes) if (translateCodon(a + b + c) !== 'X') resolved++;
  assert.equal(resolved, 176);
  assert.equal(translate('ATGAA'), 'M');
  assert.equal(translate('ATGTAAGGG', true), 'M*');
});
