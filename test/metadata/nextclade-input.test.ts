/**
 * Inputs from Nextclade results, `ASSIGNED_REFERENCE` and length fields (preprocessing-config.md
 * §3.5–3.7, §8.7): Python `str()` rendering, "None" for missing paths, the special formatters.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import type { SequenceAssignment } from '../../src/pipeline/stage.js';
import { resolve } from 'node:path';
import { compileYaml, configFrom, makeEntry, plain, plainMetadata, referenceTests, run } from './helpers.js';

const assign = (sequenceName: string, segment: string, reference = 'singleReference'): SequenceAssignment => ({ sequenceName, segment, reference, fastaId: `fasta-${sequenceName}` });

const RESULT = {
  coverage: 0.98,
  totalSubstitutions: 1,
  qc: { score: 0, stopCodons: { totalStopCodons: 0, stopCodons: [] }, overallScore: 12.5 },
  cladeFounderInfo: { aaMutations: { HA1: { privateSubstitutions: [] } } },
  flagged: true,
  tiny: 0.00001,
};

async function valueOf(path: string, result: Record<string, unknown> | null = RESULT, args: Record<string, unknown> = {}) {
  const compiled = compileProcessingSpec(configFrom({ processing_spec: { out: { inputs: { input: `nextclade.${path}` }, args } } }));
  const outcome = await run(compiled, makeEntry({}), { assignments: { main: assign('main', 'main') }, nextclade: { main: result }, aligned: true });
  return { value: plain(outcome.metadata.out), outcome };
}

describe('§3.6 / §8.7 plain paths rendered with Python str()', () => {
  const rows: [string, unknown][] = [
    ['coverage', '0.98'],
    ['qc.stopCodons.totalStopCodons', '0'],
    ['qc.stopCodons.stopCodons', ''],
    ['qc.score', '0.0'],
    ['qc.overallScore', '12.5'],
    ['flagged', 'True'],
    ['tiny', '1e-05'],
    ['qc.missing.total', 'None'],
    ['coverage.value', 'None'],
    ['some.non.existent.path', 'None'],
    ['cladeFounderInfo.aaMutations', "{'HA1': {'privateSubstitutions': []}}"],
  ];
  for (const [path, expected] of rows) {
    test(`${path} → ${JSON.stringify(expected)}`, async () => {
      // identity without a type: the rendered text is the value (an empty text becomes null).
      const { value } = await valueOf(path);
      assert.deepEqual(value, expected === '' ? null : expected);
    });
  }

  test('coverage 1 renders as 1.0 and parses as a float', async () => {
    assert.equal((await valueOf('coverage', { coverage: 1 })).value, '1.0');
    assert.deepEqual((await valueOf('coverage', { coverage: 1 }, { type: 'float' })).value, { float: 1 });
  });

  test('sequence that failed to align: null, not "None"', async () => {
    assert.equal((await valueOf('some.non.existent.path', null)).value, null);
  });
});

describe('§3.6 special formatted paths', () => {
  const shift = (cdsName: string, codon: [number, number], nuc: [number, number][]) => ({ cdsName, codon: { begin: codon[0], end: codon[1] }, nucAbs: nuc.map(([begin, end]) => ({ begin, end })) });
  const rows: [string, string, Record<string, unknown>, Record<string, unknown>, unknown][] = [
    ['frameShifts', 'none', { frameShifts: [] }, {}, null],
    ['frameShifts', 'one', { frameShifts: [shift('GPC', [2, 7], [[97, 112]])] }, {}, 'GPC:3-7(nt:98-112)'],
    ['frameShifts', 'two', { frameShifts: [shift('GPC', [2, 7], [[97, 112]]), shift('NP', [3, 5], [[200, 205]])] }, {}, 'GPC:3-7(nt:98-112),NP:4-5(nt:201-205)'],
    ['frameShifts', 'single positions', { frameShifts: [shift('L', [10, 11], [[500, 501]])] }, {}, 'L:11(nt:501)'],
    ['qc.stopCodons.stopCodons', 'none', { qc: { stopCodons: { stopCodons: [] } } }, {}, null],
    ['qc.stopCodons.stopCodons', 'one', { qc: { stopCodons: { stopCodons: [{ cdsName: 'GPC', codon: 123 }] } } }, {}, 'GPC:124'],
    ['qc.stopCodons.stopCodons', 'two', { qc: { stopCodons: { stopCodons: [{ cdsName: 'GPC', codon: 123 }, { cdsName: 'NP', codon: 456 }] } } }, {}, 'GPC:124,NP:457'],
    ['qc.stopCodons.stopCodons', 'first codon', { qc: { stopCodons: { stopCodons: [{ cdsName: 'L', codon: 0 }] } } }, {}, 'L:1'],
    ['phenotypeValues', 'empty list', { phenotypeValues: [] }, { name: 'NAI' }, null],
    ['phenotypeValues', 'NAI 0.0', { phenotypeValues: [{ name: 'NAI', cds: 'NA', value: 0 }] }, { name: 'NAI' }, '0.0'],
    ['phenotypeValues', 'value None', { phenotypeValues: [{ name: 'NAI', value: null }] }, { name: 'NAI' }, null],
    ['phenotypeValues', 'no name arg', { phenotypeValues: [{ name: 'NAI', value: 0.5 }] }, {}, null],
    [
      'cladeFounderInfo.aaMutations.*.privateSubstitutions',
      'clade founder',
      {
        cladeFounderInfo: {
          aaMutations: {
            HA1: {
              privateSubstitutions: [
                ['N', 62, 'K'],
                ['F', 78, 'V'],
                ['S', 143, 'N'],
                ['N', 157, 'D'],
                ['I', 159, 'K'],
                ['T', 327, 'A'],
              ].map(([refAa, pos, qryAa]) => ({ cdsName: 'HA1', refAa, pos, qryAa })),
            },
            HA2: { privateSubstitutions: [] },
          },
        },
      },
      {},
      'HA1:N63K HA1:F79V HA1:S144N HA1:N158D HA1:I160K HA1:T328A',
    ],
    ['cladeFounderInfo.aaMutations.*.privateSubstitutions', 'none', { cladeFounderInfo: { aaMutations: { HA1: { privateSubstitutions: [] } } } }, {}, null],
    [
      'cladeNodeAttrFounderInfo.outbreak.aaMutations.*.privateSubstitutions',
      'outbreak founder',
      { cladeNodeAttrFounderInfo: { outbreak: { aaMutations: { NA: { privateSubstitutions: [{ cdsName: 'NA', refAa: 'H', pos: 274, qryAa: 'Y' }] } } } } },
      {},
      'NA:H275Y',
    ],
    [
      'privateAaMutations.*.labeledSubstitutions.substitution',
      'labeled',
      { privateAaMutations: { NA: { labeledSubstitutions: [{ substitution: { cdsName: 'NA', refAa: 'H', pos: 274, qryAa: 'Y' }, labels: ['x'] }] }, HA: { labeledSubstitutions: [] } } },
      {},
      'NA:H275Y',
    ],
  ];
  for (const [path, name, result, args, expected] of rows) {
    test(`${path}: ${name}`, async () => {
      const { value, outcome } = await valueOf(path, result, args);
      assert.deepEqual(value, expected);
      assert.deepEqual(outcome.errors, []);
    });
  }

  test('malformed phenotype values: null plus an internal error on the pseudo-field', async () => {
    const { value, outcome } = await valueOf('phenotypeValues', { phenotypeValues: [{ name: 'NAI', value: 'abc' }] }, { name: 'NAI' });
    assert.equal(value, null);
    assert.equal(outcome.errors.length, 1);
    assert.equal(outcome.errors[0].message, 'Internal Error. Phenotype value processing failed: invalid syntax. Please contact the administrator.');
    assert.deepEqual(outcome.errors[0].processedFields, [{ name: 'phenotypeValues', type: 'Metadata' }]);
    assert.equal(outcome.errors[0].category, 'internal');
  });
});

describe('§3.5 segment selection, ASSIGNED_REFERENCE, §3.7 length fields', () => {
  const config = configFrom({
    organism: 'cchf',
    segments: [{ name: 'L' }, { name: 'S', references: [{ name: '1and6' }, { name: '2to5' }] }],
    processing_spec: {
      subtype_S: { function: 'identity', inputs: { input: 'ASSIGNED_REFERENCE' }, args: { segment: 'S' }, required: true },
      subs_S: { inputs: { input: 'nextclade.totalSubstitutions' }, args: { segment: 'S', type: 'int' } },
      subs_L: { inputs: { input: 'nextclade.totalSubstitutions' }, args: { segment: 'L', type: 'int' } },
      length_L: { inputs: {} },
      length_S: { inputs: {} },
      length: { inputs: {}, args: { segment: 'S' } },
    },
  });
  const compiled = compileProcessingSpec(config);

  test('sequence of the field segment is used, reference name exposed, lengths counted', async () => {
    const outcome = await run(compiled, makeEntry({}), {
      assignments: { 'S-1and6': assign('S-1and6', 'S', '1and6'), L: assign('L', 'L') },
      nextclade: { 'S-1and6': { totalSubstitutions: 7 }, L: null },
      sequences: { 'S-1and6': 'ACGTACGT', L: 'ACG' },
      aligned: true,
    });
    assert.deepEqual(outcome.metadata, { subtype_S: '1and6', subs_S: 7, subs_L: null, length_L: 3, length_S: 8, length: 8 });
    assert.deepEqual(outcome.errors, []);
  });

  test('no sequence for a segment: length 0, nextclade inputs null, required reference error', async () => {
    const outcome = await run(compiled, makeEntry({}), { assignments: { L: assign('L', 'L') }, nextclade: { L: { totalSubstitutions: 2 } }, sequences: { L: 'AC' }, aligned: true });
    assert.deepEqual(outcome.metadata, { subtype_S: null, subs_S: null, subs_L: 2, length_L: 2, length_S: 0, length: 0 });
    assert.equal(outcome.errors.length, 1);
    assert.equal(outcome.errors[0].message, 'Metadata field `subtype_S` is required.');
    assert.deepEqual(outcome.errors[0].unprocessedFields, [{ name: 'ASSIGNED_REFERENCE', type: 'Metadata' }]);
  });

  test('two sequences on one segment: input null with the one-sequence-per-segment error; length null', async () => {
    const outcome = await run(compiled, makeEntry({}), {
      assignments: { seg1: assign('seg1', 'S', '1and6'), seg2: assign('seg2', 'S', '2to5') },
      nextclade: { seg1: { totalSubstitutions: 1 }, seg2: { totalSubstitutions: 1 } },
      sequences: { seg1: 'A', seg2: 'C' },
      aligned: true,
    });
    assert.equal(outcome.metadata.subs_S, null);
    assert.equal(outcome.metadata.length_S, null);
    const multiple = outcome.errors.filter((a) => a.message.startsWith('Organism cchf is configured to only accept one sequence per segment'));
    assert.equal(multiple.length, 2);
    assert.equal(multiple[0].message, "Organism cchf is configured to only accept one sequence per segment, found multiple valid sequences: ['seg1', 'seg2'].");
    assert.deepEqual(multiple[0].unprocessedFields, [
      { name: 'seg1', type: 'NucleotideSequence' },
      { name: 'seg2', type: 'NucleotideSequence' },
    ]);
  });

  test('aligned path exposes submitter fields as inputs; unaligned path does not (§10 #21)', async () => {
    const spec = configFrom({ processing_spec: { who: { inputs: { input: 'submitter' } }, when: { inputs: { input: 'submittedAt' }, args: { type: 'int' } } } });
    const compiledSpec = compileProcessingSpec(spec);
    const aligned = await run(compiledSpec, makeEntry({}), { aligned: true });
    assert.deepEqual(aligned.metadata, { who: 'tester', when: 1639526400 });
    const unaligned = await run(compiledSpec, makeEntry({}), { aligned: false });
    assert.deepEqual(unaligned.metadata, { who: null, when: null });
  });
});

describe('§8.7 single_segment_config.yaml metadata', () => {
  const { compiled } = compileYaml([resolve(referenceTests, 'single_segment_config.yaml')]);
  const assignments = { main: assign('main', 'main', 'singleReference') };

  test('aligned sequence with one substitution', async () => {
    const outcome = await run(compiled, makeEntry({}), {
      assignments,
      nextclade: { main: { coverage: 1, totalInsertions: 0, totalSubstitutions: 1, totalDeletions: 0 } },
      sequences: { main: 'A'.repeat(120) },
      aligned: true,
    });
    assert.deepEqual(plainMetadata(outcome.metadata), {
      completeness: { float: 1 },
      totalInsertedNucs: 0,
      totalSnps: 1,
      totalDeletedNucs: 0,
      nonExistentField: 'None',
      length: 120,
      variant: true,
    });
    assert.deepEqual([...outcome.errors, ...outcome.warnings], []);
  });

  test('failed alignment: Nextclade fields null, length still counted', async () => {
    const outcome = await run(compiled, makeEntry({}), { assignments, nextclade: { main: null }, sequences: { main: 'C'.repeat(53) }, aligned: true });
    assert.deepEqual(plainMetadata(outcome.metadata), {
      completeness: null,
      totalInsertedNucs: null,
      totalSnps: null,
      totalDeletedNucs: null,
      nonExistentField: null,
      length: 53,
      variant: null,
    });
  });

  test('no sequence: length 0', async () => {
    const outcome = await run(compiled, makeEntry({}), { aligned: true });
    assert.equal(outcome.metadata.length, 0);
  });
});
