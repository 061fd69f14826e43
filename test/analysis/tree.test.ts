/**
 * Clade assignment with the RSV-A dataset's own tree: a query carrying exactly the mutations the
 * tree gives a leaf must be placed in that leaf's clade (alignment.md §12).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AlignerPool } from '../../src/align/pool.js';
import { loadDataset, loadDatasetExamples } from '../../src/dataset/load.js';
import { analyzeAlignment } from '../../src/analysis/analyze.js';
import { indexTree, nodeNucStates } from '../../src/analysis/tree/tree-index.js';
import { parseGff3 } from '../../src/dataset/gff3.js';
import { readFasta, sharedData } from './fixtures.js';

const dir = path.join(sharedData, 'nextclade/rsv-a');
const reference = readFasta(path.join(dir, 'reference.fasta'))[0].sequence;
const annotation = parseGff3(readFileSync(path.join(dir, 'genome_annotation.gff3'), 'utf8'));
const pathogen = JSON.parse(readFileSync(path.join(dir, 'pathogen.json'), 'utf8'));
const tree = JSON.parse(readFileSync(path.join(dir, 'tree.json'), 'utf8'));
const dataset = { reference: { sequence: reference }, annotation, pathogen, tree };
const index = indexTree(tree);

function sequenceOfNode(node: number): string {
  const letters = reference.split('');
  for (const [pos, letter] of nodeNucStates(index, node, reference)) letters[pos] = letter;
  return letters.join('');
}

test('leaves of the RSV-A tree are placed in their own clade', () => {
  const leaves = index.nodes
    .map((node, i) => ({ node, i }))
    .filter(({ node, i }) => node.clade !== null && (i + 1 >= index.nodes.length || index.nodes[i + 1].parent !== i));
  assert.ok(leaves.length > 100, `only ${leaves.length} leaves`);
  // Every 7th leaf keeps the run short; together they cover all major clades.
  const sample = leaves.filter((_, k) => k % 7 === 0);
  let agree = 0;
  const clades = new Set<string>();
  for (const { node, i } of sample) {
    const a = analyzeAlignment(dataset, { alignedQuery: sequenceOfNode(i), insertions: [], alignmentScore: 0 });
    clades.add(node.clade!);
    if (a.result.clade === node.clade) agree++;
    else assert.fail(`${node.name}: placed in ${a.result.clade}, tree says ${node.clade}`);
  }
  assert.equal(agree, sample.length);
  assert.ok(clades.size >= 3, `clades covered: ${[...clades].join(', ')}`);
});

test('a leaf-identical query has no private mutations and good private-mutation QC', () => {
  const leaf = index.nodes.findIndex((n, i) => n.clade !== null && i > 10 && index.nodes[i + 1]?.parent !== i);
  const a = analyzeAlignment(dataset, { alignedQuery: sequenceOfNode(leaf), insertions: [], alignmentScore: 0 });
  const privateNuc = a.result.privateNucMutations as { totalPrivateSubstitutions: number };
  assert.equal(privateNuc.totalPrivateSubstitutions, 0);
  assert.equal((a.result.qc as any).privateMutations.status, 'good');
  assert.ok(a.result.cladeFounderInfo);
  assert.ok(Array.isArray(a.result.phenotypeValues));
});

test('RSV-A example sequences that the tree names get the tree\'s clade (aligned by the real pool)', async () => {
  const loaded = await loadDataset(dir);
  const examples = await loadDatasetExamples(dir);
  const pool = await AlignerPool.create({ threads: 2, datasets: { main: loaded } });
  try {
    let named = 0;
    let assigned = 0;
    for (const example of examples) {
      const outcome = await pool.align('main', example.sequence);
      assert.ok(outcome.ok, `${example.name} failed to align`);
      const result = (outcome.analysis as { result: Record<string, unknown> }).result;
      assert.equal(typeof result.clade, 'string', example.name);
      assigned++;
      // Tree leaves are named like Australia/PP_001JVJY.1/2016-01-04; examples by accession.
      const leaf = index.nodes.find((n) => n.name.includes(`/${example.name}.`));
      if (!leaf) continue;
      named++;
      assert.equal(result.clade, leaf.clade, example.name);
      assert.equal(result.nearestNodeName, leaf.name, example.name);
    }
    assert.equal(assigned, examples.length);
    assert.ok(named >= 3, `examples named in the tree: ${named}`);
  } finally {
    await pool.close();
  }
});
