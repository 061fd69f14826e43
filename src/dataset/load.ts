/**
 * A Nextclade dataset directory → everything alignment and analysis need (alignment.md §15).
 * File names come from `pathogen.json` `files` (e.g. `reference_L.fasta`), falling back to the
 * usual names.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GenomeAnnotation } from './annotation.js';
import { parseFasta } from './fasta.js';
import { parseGff3 } from './gff3.js';
import { parsePathogenJson, type Pathogen } from './pathogen.js';
import { alignParamsFrom, type AlignParams } from '../align/params.js';

export interface LoadedDataset {
  /** Dataset directory name (or the name it was requested by). */
  name: string;
  reference: { name: string; sequence: string };
  annotation: GenomeAnnotation;
  pathogen: Pathogen;
  /** Nextclade defaults overlaid by `pathogen.json` `alignmentParams`. */
  alignParams: AlignParams;
  tree: unknown | null;
}

export async function loadDataset(dir: string, opts: { name?: string } = {}): Promise<LoadedDataset> {
  const pathogenFile = path.join(dir, 'pathogen.json');
  const pathogen = existsSync(pathogenFile)
    ? parsePathogenJson(await readFile(pathogenFile, 'utf8'), pathogenFile)
    : parsePathogenJson('{}', pathogenFile);
  const files = pathogen.files ?? {};

  const referenceFile = path.join(dir, files.reference ?? 'reference.fasta');
  if (!existsSync(referenceFile)) throw new Error(`dataset ${dir}: reference file ${path.basename(referenceFile)} is missing`);
  const records = parseFasta(await readFile(referenceFile, 'utf8'));
  if (records.length === 0 || records[0].sequence.length === 0) throw new Error(`dataset ${dir}: ${referenceFile} holds no sequence`);
  // Cleaned like Nextclade's FASTA reader, so that analysis and aligner see the same letters.
  const reference = { name: records[0].name, sequence: records[0].sequence.toUpperCase().replace(/[^A-Z*]/g, '') };

  const annotationFile = path.join(dir, files.genomeAnnotation ?? 'genome_annotation.gff3');
  const annotation = existsSync(annotationFile) ? parseGff3(await readFile(annotationFile, 'utf8')) : { cdses: [] };

  const treeFile = path.join(dir, files.treeJson ?? 'tree.json');
  const tree = existsSync(treeFile) ? (JSON.parse(await readFile(treeFile, 'utf8')) as unknown) : null;

  let alignParams: AlignParams;
  try {
    alignParams = alignParamsFrom(pathogen.alignmentParams);
  } catch (error) {
    throw new Error(`dataset ${dir}: ${(error as Error).message}`);
  }
  return { name: opts.name ?? path.basename(dir), reference, annotation, pathogen, alignParams, tree };
}

/** The examples FASTA of a dataset (`files.examples`, else `sequences.fasta`), or [] when absent. */
export async function loadDatasetExamples(dir: string): Promise<{ name: string; sequence: string }[]> {
  const pathogenFile = path.join(dir, 'pathogen.json');
  const pathogen = existsSync(pathogenFile) ? parsePathogenJson(await readFile(pathogenFile, 'utf8'), pathogenFile) : {};
  const file = path.join(dir, (pathogen as Pathogen).files?.examples ?? 'sequences.fasta');
  if (!existsSync(file)) return [];
  return parseFasta(await readFile(file, 'utf8')).map(({ name, sequence }) => ({ name, sequence }));
}
