import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FloatValue, emptyProcessedData } from '../../src/contract/entries.js';
import { floatLiteral, serialiseProcessedEntry, toNdjsonBody } from '../../src/contract/serialise.js';
import { validateProcessedLine } from '../../src/contract/validate.js';
import { loadTestBackendConfig, validProcessedEntry } from '../mock-backend/fixtures/organisms.js';

const dummy = loadTestBackendConfig().organisms.dummyOrganism;

describe('serialiseProcessedEntry', () => {
  it('writes floats with a decimal point or exponent and ints as integers', () => {
    assert.equal(floatLiteral(1), '1.0');
    assert.equal(floatLiteral(-0), '0.0');
    assert.equal(floatLiteral(0.5), '0.5');
    assert.equal(floatLiteral(1e21), '1e+21');
    assert.equal(floatLiteral(1e-7), '1e-7');
    assert.equal(floatLiteral(Number.NaN), 'null');
    const entry = validProcessedEntry('LOC_000001Y');
    entry.data.metadata.qc = new FloatValue(2);
    entry.data.metadata.age = 7;
    const line = serialiseProcessedEntry(entry);
    assert.match(line, /"qc":2\.0[,}]/);
    assert.match(line, /"age":7[,}]/);
  });

  it('round-trips through the strict backend validation, integral floats included', () => {
    for (const qc of [0, 1, 100, 0.987654321, 1e21, 123456789012]) {
      const entry = validProcessedEntry('LOC_000001Y');
      entry.data.metadata.qc = new FloatValue(qc);
      assert.equal(validateProcessedLine(serialiseProcessedEntry(entry), dummy), null, String(qc));
    }
  });

  it('writes all six data maps on an error entry and strips the internal category', () => {
    const entry = validProcessedEntry('LOC_000001Y');
    entry.data = emptyProcessedData();
    entry.errors = [{ unprocessedFields: [{ name: 'date', type: 'Metadata' }], processedFields: [], message: 'bad', category: 'metadata' }];
    const object = JSON.parse(serialiseProcessedEntry(entry));
    for (const key of ['metadata', 'unalignedNucleotideSequences', 'alignedNucleotideSequences', 'nucleotideInsertions', 'alignedAminoAcidSequences', 'aminoAcidInsertions']) {
      assert.deepEqual(object.data[key], {}, key);
    }
    assert.equal(object.data.files, null);
    assert.deepEqual(object.errors, [{ unprocessedFields: [{ name: 'date', type: 'Metadata' }], processedFields: [], message: 'bad' }]);
    assert.equal(validateProcessedLine(serialiseProcessedEntry(entry), dummy), null);
  });

  it('never writes a null insertion list and fills missing maps', () => {
    const entry = validProcessedEntry('LOC_000001Y');
    (entry.data.nucleotideInsertions as Record<string, string[] | null>).main = null;
    (entry.data as unknown as Record<string, unknown>).aminoAcidInsertions = undefined;
    const object = JSON.parse(serialiseProcessedEntry(entry));
    assert.deepEqual(object.data.nucleotideInsertions, {});
    assert.deepEqual(object.data.aminoAcidInsertions, {});
    assert.equal(validateProcessedLine(serialiseProcessedEntry(entry), dummy), null);
  });

  it('writes one line per entry, each ending with a newline', () => {
    const body = toNdjsonBody([validProcessedEntry('A'), validProcessedEntry('B')]);
    const lines = body.split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.equal(JSON.parse(lines[1]).accession, 'B');
  });
});
