import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessionFromNumber, isValidAccession, luhnMod34CheckCharacter } from '../../src/mock-backend/index.js';

describe('accessions', () => {
  it('prefix + at least six base-34 digits + Luhn mod 34 check character, as Loculus makes them', () => {
    assert.equal(accessionFromNumber('LOC_', 1), 'LOC_000001Y');
    assert.equal(accessionFromNumber('LOC_', 26 * 34 * 34 + 1), 'LOC_000S01D');
    assert.ok(isValidAccession('LOC_', 'LOC_000S01D'));
    assert.ok(!isValidAccession('LOC_', 'LOC_000S01E'));
    assert.equal(accessionFromNumber('PP_', 34 ** 6).length, 'PP_'.length + 8);
  });
  it('never uses I or O', () => {
    for (let n = 0; n < 2000; n++) assert.doesNotMatch(accessionFromNumber('', n), /[IO]/);
    assert.throws(() => luhnMod34CheckCharacter('I'));
  });
});
