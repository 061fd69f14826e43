/**
 * The demo organism is a consistent Nextclade dataset (real ORFs where the GFF3 says, a tree that
 * agrees with the reference), its demo submissions are well-formed extract NDJSON, the demo config
 * matches both, and the generator reproduces every committed file byte for byte.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ConfigSchema } from '../../src/config/schema.js';
import { parseGff3 } from '../../src/dataset/gff3.js';
import type { Cds } from '../../src/dataset/annotation.js';
import { generateDemoFiles } from '../../scripts/make-demo-organism.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const datasetDir = 'reference/demo-virus';

function readFasta(text: string): { name: string; sequence: string }[] {
  return text
    .split('>')
    .filter((chunk) => chunk.trim() !== '')
    .map((chunk) => {
      const [header, ...rows] = chunk.split('\n');
      return { name: header.trim().split(/\s+/)[0], sequence: rows.join('').trim() };
    });
}

const reference = readFasta(read(`${datasetDir}/reference.fasta`))[0];
const annotation = parseGff3(read(`${datasetDir}/genome_annotation.gff3`));

function reverseComplement(seq: string): string {
  const complement: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A' };
  return [...seq].reverse().map((b) => complement[b] ?? 'N').join('');
}

/** The nucleotides the ribosome reads: parts in transcription order, minus-strand parts reversed. */
function cdsNucleotides(genome: string, cds: Cds): string {
  return cds.segments
    .map((s) => {
      const piece = genome.slice(s.start, s.end);
      return s.strand === '-' ? reverseComplement(piece) : piece;
    })
    .join('');
}

const STOPS = new Set(['TAA', 'TAG', 'TGA']);
function codons(seq: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= seq.length; i += 3) out.push(seq.slice(i, i + 3));
  return out;
}

describe('demo-virus dataset', () => {
  it('has a realistic reference: 6–10 kb, ACGT only, balanced composition, no long homopolymers', () => {
    const seq = reference.sequence;
    assert.ok(seq.length >= 6000 && seq.length <= 10000, `length ${seq.length}`);
    assert.match(seq, /^[ACGT]+$/);
    for (const base of 'ACGT') {
      const share = seq.split(base).length / seq.length;
      assert.ok(share > 0.18 && share < 0.34, `${base} share ${share.toFixed(2)}`);
    }
    assert.doesNotMatch(seq, /A{6,}|C{6,}|G{6,}|T{6,}/);
  });

  it('annotates at least three CDS: forward, reverse strand, and one in two parts', () => {
    const text = read(`${datasetDir}/genome_annotation.gff3`);
    assert.ok(text.startsWith('##gff-version 3\n'));
    assert.match(text, new RegExp(`^##sequence-region ${reference.name} 1 ${reference.sequence.length}$`, 'm'));
    assert.ok(annotation.cdses.length >= 3);
    assert.ok(annotation.cdses.some((c) => c.segments.every((s) => s.strand === '+') && c.segments.length === 1));
    assert.ok(annotation.cdses.some((c) => c.segments.every((s) => s.strand === '-')));
    assert.ok(annotation.cdses.some((c) => c.segments.length === 2));
    for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) {
      const cols = line.split('\t');
      assert.equal(cols.length, 9, line);
      assert.equal(cols[0], reference.name, 'features sit on the reference sequence');
      if (cols[2] === 'CDS') assert.match(cols[8], /(^|;)ID=[^;]+;Parent=gene-[^;]+;Name=/);
    }
  });

  it('has real open reading frames: ATG start, one stop at the end, length a multiple of 3', () => {
    for (const cds of annotation.cdses) {
      const nucleotides = cdsNucleotides(reference.sequence, cds);
      assert.equal(nucleotides.length % 3, 0, `${cds.name} length`);
      const triplets = codons(nucleotides);
      assert.equal(triplets[0], 'ATG', `${cds.name} starts with ATG`);
      assert.ok(STOPS.has(triplets[triplets.length - 1]), `${cds.name} ends with a stop`);
      const internal = triplets.slice(0, -1).findIndex((c) => STOPS.has(c));
      assert.equal(internal, -1, `${cds.name} has an internal stop at codon ${internal + 1}`);
    }
  });

  it('needs the ribosomal slip for the two-part CDS (frame 0 stops right after the slip site)', () => {
    const slipped = annotation.cdses.find((c) => c.segments.length === 2)!;
    const [first, second] = slipped.segments;
    assert.equal(second.start, first.end - 1, 'the second part re-reads the last base of the first');
    const unslipped = reference.sequence.slice(first.start, second.end);
    assert.ok(codons(unslipped).slice(0, -1).some((c) => STOPS.has(c)), 'without the slip the ORF stops early');
  });

  it('describes itself in pathogen.json: existing files and the QC rules enabled', () => {
    const pathogen = JSON.parse(read(`${datasetDir}/pathogen.json`));
    assert.equal(pathogen.schemaVersion, '3.0.0');
    assert.ok(pathogen.attributes.name);
    for (const file of Object.values(pathogen.files) as string[]) assert.doesNotThrow(() => read(`${datasetDir}/${file}`), file);
    for (const rule of ['missingData', 'mixedSites', 'frameShifts', 'stopCodons', 'snpClusters', 'privateMutations']) {
      assert.equal(pathogen.qc[rule].enabled, true, `${rule} enabled`);
    }
    assert.ok(pathogen.qc.missingData.missingDataThreshold > 0);
    assert.ok(pathogen.qc.snpClusters.windowSize > 0 && pathogen.qc.snpClusters.clusterCutOff > 0);
  });

  it('has a reference tree whose mutations agree with the reference and with each other', () => {
    const tree = JSON.parse(read(`${datasetDir}/tree.json`));
    assert.equal(tree.version, 'v2');
    const clades = new Set<string>();
    const cdsNames = new Set(annotation.cdses.map((c) => c.name));
    const walk = (node: any, state: Map<number, string>): void => {
      clades.add(node.node_attrs.clade_membership.value);
      const next = new Map(state);
      for (const mutation of node.branch_attrs.mutations.nuc as string[]) {
        const [, from, pos, to] = /^([ACGT-])(\d+)([ACGT-])$/.exec(mutation)!;
        const position = Number(pos) - 1;
        const current = next.get(position) ?? reference.sequence[position];
        assert.equal(from, current, `${node.name}: ${mutation} starts from the parent's state`);
        next.set(position, to);
      }
      for (const cds of Object.keys(node.branch_attrs.mutations).filter((k) => k !== 'nuc')) {
        assert.ok(cdsNames.has(cds), `${node.name}: aa mutations on a known CDS (${cds})`);
      }
      for (const child of node.children ?? []) walk(child, next);
    };
    walk(tree.tree, new Map());
    assert.ok(clades.size >= 3, `clades: ${[...clades].join(', ')}`);
  });
});

describe('demo submissions', () => {
  const lines = read('reference/demo-submissions.ndjson').split('\n').filter((l) => l !== '');
  const entries = lines.map((l) => JSON.parse(l));

  it("parse as NDJSON in the backend's extract shape", () => {
    assert.ok(entries.length >= 150, `${entries.length} entries`);
    const keys = new Set<string>();
    for (const e of entries) {
      assert.match(e.accession, /^LOC_[0-9A-HJ-NP-Z]{7}$/);
      assert.ok(Number.isInteger(e.version) && e.version >= 1);
      assert.equal(typeof e.submissionId, 'string');
      assert.equal(typeof e.submitter, 'string');
      assert.ok(Number.isInteger(e.groupId));
      assert.ok(Number.isInteger(e.submittedAt) && e.submittedAt > 1_700_000_000);
      assert.equal(e.data.files, null);
      for (const value of Object.values(e.data.metadata)) assert.equal(typeof value, 'string');
      for (const value of Object.values(e.data.unalignedNucleotideSequences)) assert.equal(typeof value, 'string');
      const key = `${e.accession}.${e.version}`;
      assert.ok(!keys.has(key), `duplicate ${key}`);
      keys.add(key);
    }
  });

  it('include the troublesome cases the demo is meant to show', () => {
    const sequences = entries.map((e) => Object.values(e.data.unalignedNucleotideSequences) as string[]);
    assert.ok(sequences.some((s) => s.length === 0), 'an entry without sequences');
    assert.ok(sequences.some((s) => s.length === 2), 'an entry with two sequences');
    assert.ok(sequences.some((s) => s.some((q) => /[^ACGTMRWSYKVHDBNacgtmrwsykvhdbn]/.test(q))), 'non-IUPAC letters');
    assert.ok(sequences.some((s) => s.some((q) => q.length > 0 && q.length < 100)), 'a too-short sequence');
    assert.ok(sequences.some((s) => s.some((q) => /N{20,}/.test(q))), 'N runs');
    const metadata = entries.map((e) => e.data.metadata);
    assert.ok(metadata.some((m) => m.sampleCollectionDate === '31/02/2021'), 'a bad date');
    assert.ok(metadata.some((m) => m.hostAge === 'twelve'), 'a non-numeric int');
    assert.ok(metadata.some((m) => m.geoLocCountry === 'Atlantis'), 'an unknown option');
    assert.ok(metadata.some((m) => /[^\u0000-\u024F]/.test(m.authors)), 'non-Latin authors');
  });
});

describe('demo config', () => {
  const raw = parse(read('config/demo.yaml'), { version: '1.1' });
  const config = ConfigSchema.parse(raw);
  const backend = JSON.parse(read('config/mock-backend-demo.json')).organisms[config.organism];

  it('points at the demo dataset and its genes', () => {
    assert.equal(config.organism, 'demo-virus');
    const datasetRoot = resolve(repoRoot, 'config', config.nextclade_dataset_server);
    const ref = config.segments[0].references![0];
    assert.equal(resolve(datasetRoot, ref.nextclade_dataset_name!), resolve(repoRoot, datasetDir));
    assert.deepEqual([...ref.genes!].sort(), annotation.cdses.map((c) => c.name).sort());
  });

  it('covers the function kinds the demo shows', () => {
    const specs = Object.values(config.processing_spec);
    assert.ok(specs.length >= 12);
    const functions = new Set(specs.map((s) => s.function));
    for (const f of ['identity', 'process_options', 'parse_date_into_range', 'check_authors', 'build_display_name']) {
      assert.ok(functions.has(f), f);
    }
    const types = new Set(specs.map((s) => s.args?.type).filter(Boolean));
    for (const t of ['int', 'float', 'date', 'boolean']) assert.ok(types.has(t), `type ${t}`);
    const inputs = specs.flatMap((s) => Object.values(s.inputs));
    for (const path of ['nextclade.coverage', 'nextclade.totalSubstitutions', 'nextclade.qc.overallScore', 'nextclade.qc.overallStatus', 'nextclade.frameShifts', 'nextclade.clade']) {
      assert.ok(inputs.includes(path), path);
    }
    assert.ok('length' in config.processing_spec && 'versionComment' in config.processing_spec);
  });

  it("agrees with the mock backend's organism config (fields, types, reference, genes)", () => {
    const backendTypes = new Map<string, string>(backend.schema.metadata.map((m: { name: string; type: string }) => [m.name, m.type]));
    const outputs = Object.keys(config.processing_spec).filter((k) => k !== 'versionComment');
    assert.deepEqual(outputs.sort(), [...backendTypes.keys()].sort());
    for (const [field, spec] of Object.entries(config.processing_spec)) {
      const declared = spec.args?.type;
      if (typeof declared === 'string' && backendTypes.has(field)) assert.equal(backendTypes.get(field), declared, field);
    }
    assert.equal(backend.referenceGenome.nucleotideSequences[0].name, 'main');
    assert.equal(backend.referenceGenome.nucleotideSequences[0].sequence, reference.sequence);
    const genes = new Map<string, string>(backend.referenceGenome.genes.map((g: { name: string; sequence: string }) => [g.name, g.sequence]));
    for (const cds of annotation.cdses) {
      const peptide = genes.get(cds.name)!;
      assert.equal(peptide.length * 3, cdsNucleotides(reference.sequence, cds).length, `${cds.name} peptide length (stop included)`);
      assert.ok(peptide.startsWith('M') && peptide.endsWith('*'));
    }
  });
});

describe('make-demo-organism', () => {
  it('reproduces every committed file byte for byte when re-run into an empty directory', () => {
    const out = mkdtempSync(join(tmpdir(), 'demo-organism-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-demo-organism.ts', '--out', out], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, run.stderr);
      const generated = [...generateDemoFiles().keys()];
      assert.ok(generated.length >= 8);
      for (const path of generated) {
        assert.ok(readFileSync(join(out, path)).equals(readFileSync(join(repoRoot, path))), `${path} differs from the committed file`);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
