/**
 * Generates the project's own demo organism "demo-virus" and its demo submissions.
 *
 *   npm run make:demo                 # writes into the repository (reference/, config/)
 *   npm run make:demo -- --out DIR    # writes the same files under DIR (used by the packaging test)
 *
 * Everything comes from one seeded PRNG, so a re-run reproduces the committed files byte for byte.
 * The organism is invented (no real virus is copied) but shaped like one: a ~7.6 kb genome with
 * realistic base composition and no long homopolymers, three real ORFs (a plain forward gene, a
 * two-part gene joined by a -1 ribosomal slip, a gene on the reverse strand), a Nextclade v3 dataset
 * (reference.fasta, genome_annotation.gff3, pathogen.json, tree.json, sequences.fasta, README.md) and
 * ~200 submissions in the backend's extract shape exercising the good and the bad paths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/shared/prng.js';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

const makeRng = seededRandom;

type Rng = () => number;
const intBetween = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

// ---------------------------------------------------------------------------------------------
// Sequence helpers
// ---------------------------------------------------------------------------------------------

/** Base composition typical of a small RNA virus (A/U-rich). */
const BASE_WEIGHTS: [string, number][] = [['A', 0.29], ['T', 0.27], ['G', 0.21], ['C', 0.23]];
const MAX_HOMOPOLYMER = 4;
const STOPS = new Set(['TAA', 'TAG', 'TGA']);
const COMPLEMENT: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };

function randomBase(rng: Rng): string {
  let r = rng();
  for (const [base, weight] of BASE_WEIGHTS) {
    if (r < weight) return base;
    r -= weight;
  }
  return 'C';
}

function reverseComplement(seq: string): string {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) out += COMPLEMENT[seq[i]] ?? 'N';
  return out;
}

/** True when appending `next` to `context` creates a run longer than MAX_HOMOPOLYMER. */
function makesLongRun(context: string, next: string): boolean {
  const joined = context.slice(-MAX_HOMOPOLYMER) + next;
  let run = 1;
  for (let i = 1; i < joined.length; i++) {
    run = joined[i] === joined[i - 1] ? run + 1 : 1;
    if (run > MAX_HOMOPOLYMER) return true;
  }
  return false;
}

function longestRun(seq: string): number {
  let best = 1;
  let run = 1;
  for (let i = 1; i < seq.length; i++) {
    run = seq[i] === seq[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

function randomNonCoding(rng: Rng, length: number, context: string): string {
  let out = '';
  while (out.length < length) {
    const base = randomBase(rng);
    if (!makesLongRun(context + out, base)) out += base;
  }
  return out;
}

/** A sense codon (never a stop) that keeps homopolymers short; `fixedFirst` chooses its first base. */
function randomSenseCodon(rng: Rng, context: string, fixedFirst?: string): string {
  for (;;) {
    const codon = (fixedFirst ?? randomBase(rng)) + randomBase(rng) + randomBase(rng);
    if (STOPS.has(codon)) continue;
    if (!makesLongRun(context, codon)) return codon;
  }
}

/** ATG + sense codons + stop: a complete open reading frame of `codons` codons (stop included). */
function randomOrf(rng: Rng, codons: number, context: string): string {
  let orf = 'ATG';
  for (let i = 1; i < codons - 1; i++) orf += randomSenseCodon(rng, context + orf);
  return orf + pick(rng, ['TAA', 'TAG', 'TGA']);
}

const CODON_TABLE: Record<string, string> = (() => {
  const bases = 'TCAG';
  const aminoAcids = 'FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG';
  const table: Record<string, string> = {};
  let i = 0;
  for (const a of bases) for (const b of bases) for (const c of bases) table[a + b + c] = aminoAcids[i++];
  return table;
})();

function translate(cds: string): string {
  let peptide = '';
  for (let i = 0; i + 3 <= cds.length; i += 3) peptide += CODON_TABLE[cds.slice(i, i + 3)] ?? 'X';
  return peptide;
}

// ---------------------------------------------------------------------------------------------
// The genome and its annotation
// ---------------------------------------------------------------------------------------------

const ORGANISM = 'demo-virus';
const REFERENCE_NAME = 'DEMO_REF_2019';

/** One part of a CDS in 1-based inclusive genome coordinates, as GFF3 writes it. */
interface CdsPart {
  start: number;
  end: number;
}

interface GeneLayout {
  name: string;
  product: string;
  strand: '+' | '-';
  parts: CdsPart[];
}

/**
 * Layout (1-based, inclusive):
 *   5' UTR 1–100 · NP 101–1600 · POL 1701–3500 ⋈ 3500–5098 (−1 slip on the C at 3500)
 *   · GP 5201–7300 on the minus strand · 3' UTR 7301–7600.
 */
const GENES: GeneLayout[] = [
  { name: 'NP', product: 'nucleoprotein', strand: '+', parts: [{ start: 101, end: 1600 }] },
  {
    name: 'POL',
    product: 'polymerase polyprotein (ribosomal frameshift)',
    strand: '+',
    parts: [{ start: 1701, end: 3500 }, { start: 3500, end: 5098 }],
  },
  { name: 'GP', product: 'glycoprotein precursor', strand: '-', parts: [{ start: 5201, end: 7300 }] },
];
const GENOME_LENGTH = 7600;

function buildReference(rng: Rng): string {
  for (;;) {
    const genome = tryBuildReference(rng);
    // Junctions between independently generated pieces can still form a long run; try again.
    if (longestRun(genome) <= MAX_HOMOPOLYMER) return genome;
  }
}

function tryBuildReference(rng: Rng): string {
  const [np, pol, gp] = GENES;
  let g = randomNonCoding(rng, np.parts[0].start - 1, '');
  g += randomOrf(rng, (np.parts[0].end - np.parts[0].start + 1) / 3, g);
  g += randomNonCoding(rng, pol.parts[0].start - 1 - g.length, g);

  // POL part 1: sense codons in frame 0, ending in the slippery heptamer TTTAAAC
  // (codons ..T TTA AAC) like coronavirus ORF1a; the ribosome re-reads the final C.
  const part1Codons = (pol.parts[0].end - pol.parts[0].start + 1) / 3;
  let part1 = 'ATG';
  for (let i = 1; i < part1Codons - 3; i++) part1 += randomSenseCodon(rng, g + part1);
  part1 += pick(rng, ['ACT', 'GCT', 'CCT', 'GAT']) + 'TTA' + 'AAC';
  g += part1;

  // POL part 2 starts on that C (frame −1). Right after it, frame 0 hits TAA, which is why
  // the slip is needed to make the full-length protein.
  const part2Codons = (pol.parts[1].end - pol.parts[1].start + 1) / 3;
  let part2 = 'CTA'; // = C(slip) + TA; the following A completes frame 0's TAA
  for (let i = 1; i < part2Codons - 1; i++) {
    const first = i === 1 ? 'A' : undefined;
    part2 += randomSenseCodon(rng, g + part2.slice(1), first);
  }
  part2 += pick(rng, ['TAA', 'TAG', 'TGA']);
  g += part2.slice(1);
  g += randomNonCoding(rng, gp.parts[0].start - 1 - g.length, g);

  const gpSense = randomOrf(rng, (gp.parts[0].end - gp.parts[0].start + 1) / 3, '');
  g += reverseComplement(gpSense);
  g += randomNonCoding(rng, GENOME_LENGTH - g.length, g);
  return g;
}

/** The CDS nucleotides of a gene as the ribosome reads them (parts joined, minus strand reversed). */
function cdsSequence(genome: string, gene: GeneLayout): string {
  const joined = gene.parts.map((p) => genome.slice(p.start - 1, p.end)).join('');
  return gene.strand === '-' ? reverseComplement(joined) : joined;
}

function renderGff3(): string {
  const lines = ['##gff-version 3', `##sequence-region ${REFERENCE_NAME} 1 ${GENOME_LENGTH}`];
  lines.push(
    [REFERENCE_NAME, 'demo', 'region', 1, GENOME_LENGTH, '.', '+', '.',
      `ID=${REFERENCE_NAME};Name=${ORGANISM};mol_type=genomic RNA`].join('\t'),
  );
  for (const gene of GENES) {
    const start = Math.min(...gene.parts.map((p) => p.start));
    const end = Math.max(...gene.parts.map((p) => p.end));
    lines.push(
      [REFERENCE_NAME, 'demo', 'gene', start, end, '.', gene.strand, '.',
        `ID=gene-${gene.name};Name=${gene.name};gene_name=${gene.name};gene_biotype=protein_coding`].join('\t'),
    );
    // Parts of a multi-part CDS share one ID; each part starts on a codon boundary (phase 0).
    for (const part of gene.parts) {
      lines.push(
        [REFERENCE_NAME, 'demo', 'CDS', part.start, part.end, '.', gene.strand, 0,
          `ID=cds-${gene.name};Parent=gene-${gene.name};Name=${gene.name};gene_name=${gene.name};product=${encodeURIComponent(gene.product)}`].join('\t'),
      );
    }
  }
  return lines.join('\n') + '\n';
}

function wrapFasta(name: string, seq: string): string {
  const rows = [`>${name}`];
  for (let i = 0; i < seq.length; i += 60) rows.push(seq.slice(i, i + 60));
  return rows.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Reference tree: a handful of clades so clade assignment and private mutations show in the demo
// ---------------------------------------------------------------------------------------------

interface Mutation {
  pos: number; // 0-based
  from: string;
  to: string;
}

interface TreeNode {
  name: string;
  clade: string;
  genome: string;
  branch: Mutation[];
  div: number;
  children: TreeNode[];
}

interface TreeShape {
  name: string;
  clade: string;
  mutations: number;
  children: TreeShape[];
}

const TREE_SHAPE: TreeShape = {
  name: 'NODE_0000000', clade: 'A', mutations: 0, children: [
    { name: 'demo/XA-001/2019', clade: 'A', mutations: 3, children: [] },
    { name: 'demo/XA-002/2020', clade: 'A', mutations: 2, children: [] },
    {
      name: 'NODE_0000001', clade: 'B', mutations: 9, children: [
        { name: 'demo/XB-003/2021', clade: 'B', mutations: 2, children: [] },
        {
          name: 'NODE_0000002', clade: 'B.1', mutations: 6, children: [
            { name: 'demo/XB-004/2022', clade: 'B.1', mutations: 2, children: [] },
            { name: 'demo/XB-005/2023', clade: 'B.1', mutations: 3, children: [] },
          ],
        },
      ],
    },
    {
      name: 'NODE_0000003', clade: 'C', mutations: 12, children: [
        { name: 'demo/XC-006/2022', clade: 'C', mutations: 1, children: [] },
        { name: 'demo/XC-007/2023', clade: 'C', mutations: 4, children: [] },
      ],
    },
  ],
};

/** Keep the slip site (heptamer and the frame-0 stop after it) intact on every branch. */
const PROTECTED = { start: 3490, end: 3510 };

function substitute(rng: Rng, genome: string, count: number, taken: Set<number>): { genome: string; mutations: Mutation[] } {
  const chars = genome.split('');
  const mutations: Mutation[] = [];
  while (mutations.length < count) {
    const pos = intBetween(rng, 20, genome.length - 21);
    if (taken.has(pos) || (pos >= PROTECTED.start && pos < PROTECTED.end)) continue;
    const from = chars[pos];
    const to = pick(rng, ['A', 'C', 'G', 'T'].filter((b) => b !== from));
    const probe = [...chars];
    probe[pos] = to;
    // Keep the dataset tidy: no new long runs and no new premature stop in any gene.
    const mutated = probe.join('');
    if (longestRun(mutated.slice(Math.max(0, pos - 5), pos + 6)) > MAX_HOMOPOLYMER) continue;
    if (GENES.some((gene) => translate(cdsSequence(mutated, gene)).slice(0, -1).includes('*'))) continue;
    taken.add(pos);
    chars[pos] = to;
    mutations.push({ pos, from, to });
  }
  mutations.sort((a, b) => a.pos - b.pos);
  return { genome: chars.join(''), mutations };
}

function buildTree(rng: Rng, reference: string): TreeNode {
  const taken = new Set<number>();
  const grow = (shape: TreeShape, parentGenome: string, parentDiv: number): TreeNode => {
    const { genome, mutations } = substitute(rng, parentGenome, shape.mutations, taken);
    const div = parentDiv + mutations.length / reference.length;
    const node: TreeNode = { name: shape.name, clade: shape.clade, genome, branch: mutations, div, children: [] };
    node.children = shape.children.map((child) => grow(child, genome, div));
    return node;
  };
  return grow(TREE_SHAPE, reference, 0);
}

/** Amino-acid changes of one branch, per CDS, in Auspice notation (`T8A`, 1-based). */
function aaMutationsOf(parent: string, child: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const gene of GENES) {
    const before = translate(cdsSequence(parent, gene));
    const after = translate(cdsSequence(child, gene));
    const changes: string[] = [];
    for (let i = 0; i < before.length; i++) {
      if (before[i] !== after[i]) changes.push(`${before[i]}${i + 1}${after[i]}`);
    }
    if (changes.length > 0) out[gene.name] = changes;
  }
  return out;
}

function renderTree(root: TreeNode, reference: string): string {
  const toAuspice = (node: TreeNode, parentGenome: string): unknown => {
    const mutations: Record<string, string[]> = {
      nuc: node.branch.map((m) => `${m.from}${m.pos + 1}${m.to}`),
      ...aaMutationsOf(parentGenome, node.genome),
    };
    const out: Record<string, unknown> = {
      name: node.name,
      node_attrs: { div: Number(node.div.toFixed(6)), clade_membership: { value: node.clade } },
      branch_attrs: { mutations },
    };
    if (node.children.length > 0) out.children = node.children.map((c) => toAuspice(c, node.genome));
    return out;
  };
  const tree = {
    version: 'v2',
    meta: {
      title: 'demo-virus reference tree (synthetic)',
      updated: '2025-01-01',
      panels: ['tree', 'entropy'],
      colorings: [{ key: 'clade_membership', title: 'Clade', type: 'categorical' }],
      display_defaults: { color_by: 'clade_membership' },
      genome_annotations: {
        nuc: { start: 1, end: GENOME_LENGTH, strand: '+', type: 'source' },
        ...Object.fromEntries(
          GENES.map((g) => [g.name, {
            start: Math.min(...g.parts.map((p) => p.start)),
            end: Math.max(...g.parts.map((p) => p.end)),
            strand: g.strand,
            type: 'CDS',
          }]),
        ),
      },
      extensions: { nextclade: { clade_node_attrs: [], placement_mask_ranges: [] } },
    },
    tree: toAuspice(root, reference),
  };
  return JSON.stringify(tree, null, 2) + '\n';
}

function allNodes(root: TreeNode): TreeNode[] {
  return [root, ...root.children.flatMap(allNodes)];
}

// ---------------------------------------------------------------------------------------------
// pathogen.json
// ---------------------------------------------------------------------------------------------

function renderPathogenJson(): string {
  const pathogen = {
    schemaVersion: '3.0.0',
    attributes: {
      name: 'Demo virus (synthetic, loculus-prepro)',
      'reference name': 'demo-virus reference 2019',
      'reference accession': REFERENCE_NAME,
    },
    files: {
      reference: 'reference.fasta',
      pathogenJson: 'pathogen.json',
      genomeAnnotation: 'genome_annotation.gff3',
      treeJson: 'tree.json',
      examples: 'sequences.fasta',
      readme: 'README.md',
    },
    alignmentParams: { minSeedCover: 0.2 },
    defaultCds: 'NP',
    cdsOrderPreference: ['NP', 'POL', 'GP'],
    qc: {
      missingData: { enabled: true, missingDataThreshold: 800, scoreBias: 100 },
      mixedSites: { enabled: true, mixedSitesThreshold: 10 },
      privateMutations: {
        enabled: true,
        typical: 8,
        cutoff: 24,
        weightLabeledSubstitutions: 4,
        weightReversionSubstitutions: 6,
        weightUnlabeledSubstitutions: 1,
      },
      snpClusters: { enabled: true, windowSize: 100, clusterCutOff: 5, scoreWeight: 50 },
      frameShifts: { enabled: true, scoreWeight: 75, ignoredFrameShifts: [] },
      stopCodons: { enabled: true, scoreWeight: 75, ignoredStopCodons: [] },
    },
    mutLabels: { nucMutLabelMap: {} },
  };
  return JSON.stringify(pathogen, null, 2) + '\n';
}

function renderDatasetReadme(): string {
  return [
    '# demo-virus (synthetic Nextclade dataset)',
    '',
    'An invented virus made by `scripts/make-demo-organism.ts` (seeded, reproducible) for the',
    'loculus-prepro demo and tests. Do not edit by hand: re-run `npm run make:demo`.',
    '',
    `- Reference \`${REFERENCE_NAME}\`, ${GENOME_LENGTH} nt.`,
    '- CDS `NP` (forward), `POL` (forward, two parts joined by a −1 ribosomal slip at the',
    '  `TTTAAAC` heptamer), `GP` (reverse strand).',
    '- `tree.json`: clades A, B, B.1 and C.',
    '- QC: missing data, mixed sites, private mutations, SNP clusters, frame shifts, stop codons.',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Demo submissions (backend extract shape, backend-contract.md §4)
// ---------------------------------------------------------------------------------------------

const BASE34 = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Loculus-style accession: prefix + 6 base-34 digits + Luhn mod 34 check character. */
function accessionFor(n: number): string {
  let digits = '';
  for (let v = n; digits.length < 6; v = Math.floor(v / 34)) digits = BASE34[v % 34] + digits;
  let sum = 0;
  let factor = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    let addend = factor * BASE34.indexOf(digits[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 34) + (addend % 34);
    sum += addend;
  }
  const check = (34 - (sum % 34)) % 34;
  return `LOC_${digits}${BASE34[check]}`;
}

const COUNTRIES = ['Germany', 'Switzerland', 'Kenya', 'Brazil', 'Viet Nam', 'Canada', 'India', 'Peru', "Côte d'Ivoire"];
const HOSTS = ['Homo sapiens', 'Homo sapiens', 'Homo sapiens', 'Sus scrofa', 'Rattus norvegicus'];
const SURNAMES = ['Müller', 'Okafor', 'Silva', 'Nguyen', 'Smith', 'García', 'Kowalski', 'Dubois', 'Tanaka', 'Njoroge'];
const GIVEN = ['Anna', 'Tom J.', 'X.L.', 'Maria', 'Kwame', 'Li', 'Priya', 'José', 'Ewa', 'Pierre'];

function randomAuthors(rng: Rng): string {
  const count = intBetween(rng, 1, 4);
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push(`${pick(rng, SURNAMES)}, ${pick(rng, GIVEN)}`);
  return names.join('; ');
}

function randomDate(rng: Rng): string {
  const year = intBetween(rng, 2019, 2024);
  const month = intBetween(rng, 1, 12);
  const day = intBetween(rng, 1, 28);
  const form = rng();
  if (form < 0.1) return String(year);
  if (form < 0.2) return `${year}-${String(month).padStart(2, '0')}`;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What a submission exercises; one flag per kind of trouble, so the demo shows each path. */
type Variant =
  | 'clean'
  | 'deletion'
  | 'frameshift'
  | 'insertion'
  | 'n-run'
  | 'truncated'
  | 'mixed-sites'
  | 'premature-stop'
  | 'snp-cluster'
  | 'lowercase';

interface Submission {
  accession: string;
  version: number;
  submissionId: string;
  submitter: string;
  groupId: number;
  submittedAt: number;
  data: {
    metadata: Record<string, string>;
    unalignedNucleotideSequences: Record<string, string | null>;
    files: null;
  };
}

const SUBMITTED_AT_BASE = 1735689600; // 2025-01-01T00:00:00Z
const SUBMISSION_COUNT = 200;

function applyVariant(rng: Rng, genome: string, variant: Variant): string {
  const inGene = (gene: GeneLayout): number => intBetween(rng, gene.parts[0].start + 30, gene.parts[0].end - 60);
  switch (variant) {
    case 'deletion': {
      const at = inGene(GENES[0]);
      const at3 = at - ((at - GENES[0].parts[0].start) % 3); // codon-aligned, in-frame
      return genome.slice(0, at3) + genome.slice(at3 + 3 * intBetween(rng, 1, 3));
    }
    case 'frameshift': {
      const at = inGene(GENES[2]);
      return genome.slice(0, at) + genome.slice(at + 1);
    }
    case 'insertion': {
      const at = intBetween(rng, 5300, 5900);
      const ins = pick(rng, ['GCA', 'ACAGGT', 'TTGACA']);
      return genome.slice(0, at) + ins + genome.slice(at);
    }
    case 'n-run': {
      const at = intBetween(rng, 200, genome.length - 600);
      const len = intBetween(rng, 20, 400);
      return genome.slice(0, at) + 'N'.repeat(len) + genome.slice(at + len);
    }
    case 'truncated': {
      const head = intBetween(rng, 0, 300);
      const tail = intBetween(rng, 0, 500);
      return genome.slice(head, genome.length - tail);
    }
    case 'mixed-sites': {
      const chars = genome.split('');
      for (let i = 0; i < intBetween(rng, 1, 14); i++) chars[intBetween(rng, 100, genome.length - 100)] = pick(rng, ['R', 'Y', 'K', 'M', 'S', 'W']);
      return chars.join('');
    }
    case 'premature-stop': {
      // Turn one NP codon into TAA: a stop codon well before the end of the gene.
      const np = GENES[0].parts[0];
      const codon = intBetween(rng, 20, (np.end - np.start + 1) / 3 - 20);
      const at = np.start - 1 + codon * 3;
      return genome.slice(0, at) + 'TAA' + genome.slice(at + 3);
    }
    case 'snp-cluster': {
      const chars = genome.split('');
      const start = intBetween(rng, 5300, 6800);
      for (let i = 0; i < 7; i++) {
        const pos = start + i * intBetween(rng, 5, 12);
        chars[pos] = pick(rng, ['A', 'C', 'G', 'T'].filter((b) => b !== chars[pos]));
      }
      return chars.join('');
    }
    case 'lowercase':
      return genome.toLowerCase();
    default:
      return genome;
  }
}

function pickVariant(rng: Rng): Variant {
  const r = rng();
  if (r < 0.5) return 'clean';
  const troubles: Variant[] = ['deletion', 'frameshift', 'insertion', 'n-run', 'truncated', 'mixed-sites', 'premature-stop', 'snp-cluster', 'lowercase'];
  return pick(rng, troubles);
}

/**
 * A few random substitutions on top of a clade's genome. None of them creates a premature stop:
 * those are the job of the 'premature-stop' variant, so QC statuses in the demo stay readable.
 */
function privateSubstitutions(rng: Rng, genome: string, count: number): string {
  let current = genome;
  for (let done = 0; done < count; ) {
    const pos = intBetween(rng, 10, genome.length - 11);
    const to = pick(rng, ['A', 'C', 'G', 'T'].filter((b) => b !== current[pos]));
    const mutated = current.slice(0, pos) + to + current.slice(pos + 1);
    const touched = GENES.filter((g) => g.parts.some((p) => pos >= p.start - 1 && pos < p.end));
    if (touched.some((g) => translate(cdsSequence(mutated, g)).slice(0, -1).includes('*'))) continue;
    current = mutated;
    done++;
  }
  return current;
}

function goodMetadata(rng: Rng, index: number): Record<string, string> {
  const meta: Record<string, string> = {
    sampleCollectionDate: randomDate(rng),
    geoLocCountry: pick(rng, COUNTRIES),
    hostNameScientific: pick(rng, HOSTS),
    hostAge: rng() < 0.2 ? '' : String(intBetween(rng, 1, 90)),
    ctValue: rng() < 0.3 ? '' : (15 + rng() * 20).toFixed(rng() < 0.5 ? 1 : 2),
    isLabHost: rng() < 0.1 ? 'true' : rng() < 0.5 ? 'false' : '',
    authors: randomAuthors(rng),
    specimenCollectorSampleId: rng() < 0.7 ? `DV-${String(1000 + index)}` : '',
    versionComment: '',
  };
  // Integral Ct values exercise the float serialisation rule (1.0, not 1).
  if (index % 25 === 3) meta.ctValue = String(intBetween(rng, 18, 30));
  return meta;
}

/** Metadata mistakes a submitter makes, each shown by a few entries. */
const BAD_METADATA: [string, (m: Record<string, string>) => void][] = [
  ['bad date', (m) => { m.sampleCollectionDate = '31/02/2021'; }],
  ['impossible date', (m) => { m.sampleCollectionDate = '2021-13-45'; }],
  ['future date', (m) => { m.sampleCollectionDate = '2099-06-01'; }],
  ['non-numeric int', (m) => { m.hostAge = 'twelve'; }],
  ['decimal int', (m) => { m.hostAge = '4.5'; }],
  ['non-numeric float', (m) => { m.ctValue = 'abc'; }],
  ['unknown option', (m) => { m.geoLocCountry = 'Atlantis'; }],
  ['sloppy option', (m) => { m.geoLocCountry = '  germany '; }],
  ['bad boolean', (m) => { m.isLabHost = 'maybe'; }],
  ['non-Latin authors', (m) => { m.authors = 'Иванов, Иван; Smith, Anna'; }],
  ['unformatted authors', (m) => { m.authors = 'Anna Smith and Tom Jones'; }],
  ['missing required date', (m) => { m.sampleCollectionDate = ''; }],
  ['date range', (m) => { m.sampleCollectionDate = '2021-03/2021-05'; }],
];

/** Sequences that cannot be aligned or are not even DNA. */
function badSequence(rng: Rng, kind: number, reference: string): Record<string, string | null> {
  switch (kind) {
    case 0: // too short to align
      return { main: reference.slice(2000, 2040) };
    case 1: // unrelated junk of plausible length
      return { main: randomNonCoding(makeRng(0xbad5eed), 3000, '') };
    case 2: // non-IUPAC letters, including gap characters
      return { main: reference.slice(0, 1500) + 'XJ*--' + reference.slice(1505, 4000) };
    case 3: // two records for a single-segment organism
      return { 'sample-a': reference.slice(0, 4000), 'sample-b': reference.slice(3000) };
    case 4: // all N
      return { main: 'N'.repeat(800) };
    default: // no sequence at all
      return {};
  }
}

function buildSubmissions(rng: Rng, reference: string, tree: TreeNode): Submission[] {
  const nodes = allNodes(tree);
  const submissions: Submission[] = [];
  // Fixed slots for the unusual cases, so each appears regardless of the random draws.
  const badSequenceSlots = new Map([[17, 0], [41, 1], [66, 2], [88, 3], [123, 4], [150, 5]]);
  const badMetadataSlots = new Map(BAD_METADATA.map((bad, i) => [9 + i * 14, bad] as const));

  for (let i = 0; i < SUBMISSION_COUNT; i++) {
    const number = 1000 + i;
    const submissionId = `demo-${String(i + 1).padStart(4, '0')}`;
    const metadata = goodMetadata(rng, i);
    const bad = badMetadataSlots.get(i);
    if (bad) bad[1](metadata);

    let sequences: Record<string, string | null>;
    const badKind = badSequenceSlots.get(i);
    if (badKind !== undefined) {
      const raw = badSequence(rng, badKind, reference);
      // The backend keys sequences by FASTA id; a lone record is named after the submission.
      sequences = 'main' in raw ? { [submissionId]: raw.main } : raw;
    } else {
      const node = pick(rng, nodes);
      let genome = privateSubstitutions(rng, node.genome, intBetween(rng, 0, 6));
      genome = applyVariant(rng, genome, pickVariant(rng));
      sequences = { [submissionId]: genome };
    }
    submissions.push({
      accession: accessionFor(number),
      version: 1,
      submissionId,
      submitter: pick(rng, ['demo_submitter', 'demo_submitter', 'lab_curator']),
      // A few entries come from the INSDC ingest group (id 1), which relaxes required checks.
      groupId: i % 40 === 7 ? 1 : 2,
      submittedAt: SUBMITTED_AT_BASE + i * 137,
      data: { metadata, unalignedNucleotideSequences: sequences, files: null },
    });
  }
  return submissions;
}

// ---------------------------------------------------------------------------------------------
// Backend-side organism config for the mock backend (backend-contract.md §8 shape)
// ---------------------------------------------------------------------------------------------

/** Output metadata fields of config/demo.yaml with the backend types the validator enforces. */
const BACKEND_METADATA: { name: string; type: string }[] = [
  { name: 'sampleCollectionDate', type: 'string' },
  { name: 'sampleCollectionDateRangeLower', type: 'date' },
  { name: 'sampleCollectionDateRangeUpper', type: 'date' },
  { name: 'geoLocCountry', type: 'string' },
  { name: 'hostNameScientific', type: 'string' },
  { name: 'hostAge', type: 'int' },
  { name: 'ctValue', type: 'float' },
  { name: 'isLabHost', type: 'boolean' },
  { name: 'authors', type: 'authors' },
  { name: 'specimenCollectorSampleId', type: 'string' },
  { name: 'displayName', type: 'string' },
  { name: 'length', type: 'int' },
  { name: 'completeness', type: 'float' },
  { name: 'totalSnps', type: 'int' },
  { name: 'qcScore', type: 'float' },
  { name: 'qcStatus', type: 'string' },
  { name: 'frameShifts', type: 'string' },
  { name: 'stopCodons', type: 'string' },
  { name: 'clade', type: 'string' },
];

function renderBackendConfig(reference: string): string {
  const config = {
    organisms: {
      [ORGANISM]: {
        schema: {
          organismName: 'Demo virus',
          submissionDataTypes: { consensusSequences: true, maxSequencesPerEntry: 1 },
          metadata: BACKEND_METADATA,
          files: [],
        },
        referenceGenome: {
          nucleotideSequences: [{ name: 'main', sequence: reference }],
          genes: GENES.map((gene) => ({ name: gene.name, sequence: translate(cdsSequence(reference, gene)) })),
        },
      },
    },
  };
  return JSON.stringify(config, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export const DEMO_SEED = 20250101;

/** Every generated file, relative to the output root. */
export function generateDemoFiles(seed = DEMO_SEED): Map<string, string> {
  const rng = makeRng(seed);
  const reference = buildReference(rng);
  for (const gene of GENES) {
    const peptide = translate(cdsSequence(reference, gene));
    if (!peptide.startsWith('M') || !peptide.endsWith('*') || peptide.slice(0, -1).includes('*')) {
      throw new Error(`internal: gene ${gene.name} is not an open reading frame`);
    }
  }
  const tree = buildTree(rng, reference);
  const dataset = `reference/${ORGANISM}`;
  const files = new Map<string, string>();
  files.set(`${dataset}/reference.fasta`, wrapFasta(REFERENCE_NAME, reference));
  files.set(`${dataset}/genome_annotation.gff3`, renderGff3());
  files.set(`${dataset}/pathogen.json`, renderPathogenJson());
  files.set(`${dataset}/tree.json`, renderTree(tree, reference));
  files.set(
    `${dataset}/sequences.fasta`,
    allNodes(tree).filter((n) => n.children.length === 0).map((n) => wrapFasta(n.name, n.genome)).join(''),
  );
  files.set(`${dataset}/README.md`, renderDatasetReadme());
  const submissions = buildSubmissions(rng, reference, tree);
  files.set('reference/demo-submissions.ndjson', submissions.map((s) => JSON.stringify(s)).join('\n') + '\n');
  files.set('config/mock-backend-demo.json', renderBackendConfig(reference));
  return files;
}

function main(argv: string[]): void {
  const outFlag = argv.indexOf('--out');
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outRoot = outFlag >= 0 ? resolve(argv[outFlag + 1]) : repoRoot;
  for (const [path, content] of generateDemoFiles()) {
    const target = join(outRoot, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  console.log(`demo-virus written under ${outRoot}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
