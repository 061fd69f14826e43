import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defineOrganism, parseBackendConfig } from '../../src/contract/organism.js';
import { loadBackendConfigFile } from '../../src/mock-backend/index.js';
import { loadTestBackendConfig } from '../mock-backend/fixtures/organisms.js';

describe('organism schemas', () => {
  it('reads the backend config shape: types, required, reference lengths, output categories, versionComment appended', () => {
    const config = loadTestBackendConfig();
    assert.equal(config.accessionPrefix, 'LOC_');
    const dummy = config.organisms.dummyOrganism;
    assert.deepEqual(dummy.metadata[0], { name: 'date', type: 'date', required: true });
    assert.deepEqual(dummy.metadata.at(-1), { name: 'versionComment', type: 'string' });
    assert.deepEqual(dummy.nucleotideSequences.map((s) => [s.name, s.length]), [['main', 49]]);
    assert.deepEqual(dummy.genes.map((g) => [g.name, g.length]), [['someLongGene', 25], ['someShortGene', 4]]);
    assert.deepEqual(dummy.outputFileCategories, ['myProcessedOnlyFileCategory']);
    assert.deepEqual(config.organisms.dummyOrganismWithoutConsensusSequences.nucleotideSequences, []);
  });

  it('accepts the older `referenceGenomes` key and refuses unknown metadata types', () => {
    const config = parseBackendConfig({
      organisms: { x: { referenceGenomes: { nucleotideSequences: [{ name: 'main', sequence: 'ACGT' }], genes: [] }, schema: { metadata: [] } } },
    });
    assert.equal(config.organisms.x.nucleotideSequences[0].length, 4);
    assert.throws(() => parseBackendConfig({ organisms: { x: { schema: { metadata: [{ name: 'a', type: 'timestamp' }] } } } }));
  });

  it('builds a schema in code, lengths from sequence or length, versionComment not duplicated', () => {
    const organism = defineOrganism({
      name: 'demo',
      metadata: [{ name: 'versionComment', type: 'string' }, { name: 'length', type: 'int' }],
      nucleotideSequences: [{ name: 'main', length: 100 }],
      genes: [{ name: 'g', sequence: 'MA*' }],
    });
    assert.equal(organism.metadata.filter((f) => f.name === 'versionComment').length, 1);
    assert.equal(organism.nucleotideSequences[0].length, 100);
    assert.equal(organism.genes[0].length, 3);
    assert.deepEqual(organism.outputFileCategories, []);
  });

  it('loads YAML as well as JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mock-config-'));
    try {
      const file = path.join(dir, 'backend.yaml');
      writeFileSync(file, 'organisms:\n  ebola:\n    schema:\n      metadata:\n        - {name: date, type: date, required: true}\n    referenceGenome:\n      nucleotideSequences: [{name: main, sequence: ACGTN}]\n      genes: []\n');
      const config = loadBackendConfigFile(file);
      assert.equal(config.organisms.ebola.nucleotideSequences[0].length, 5);
      assert.equal(config.organisms.ebola.metadata[0].required, true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
