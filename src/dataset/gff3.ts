/**
 * GFF3 → GenomeAnnotation (alignment.md §10).
 *
 * The unit of translation is the CDS. Several `CDS` lines sharing an `ID` form one multi-part CDS
 * (ribosomal slippage, splicing). When the file has no `CDS` line at all, every `gene` line becomes a
 * one-part CDS (the SARS-CoV-2 "orfs" dataset is written that way).
 */
import type { Cds, CdsSegment, GenomeAnnotation } from './annotation.js';

interface GffFeature {
  seqId: string;
  type: string;
  /** 0-based, half-open. */
  start: number;
  end: number;
  strand: '+' | '-';
  phase: number;
  attributes: Map<string, string>;
  line: number;
}

/** Attribute keys searched, in order, for the name Nextclade shows for a CDS. */
const CDS_NAME_KEYS = [
  'Name', 'name', 'Alias', 'alias', 'standard_name', 'old-name', 'Gene', 'gene', 'gene_name',
  'locus_tag', 'product', 'gene_synonym', 'gb-synonym', 'acronym', 'gb-acronym', 'protein_id', 'ID',
];

export class Gff3Error extends Error {
  override name = 'Gff3Error';
}

export function parseGff3(text: string): GenomeAnnotation {
  const features = readFeatures(text);
  const circularLengths = circularLandmarkLengths(features);

  const cdsLines = features.filter((f) => f.type === 'CDS');
  const units = cdsLines.length > 0 ? cdsLines : features.filter((f) => f.type === 'gene');

  // Group by ID, keeping first-appearance order; lines without ID stand alone.
  const groups: GffFeature[][] = [];
  const byId = new Map<string, GffFeature[]>();
  for (const feature of units) {
    const id = cdsLines.length > 0 ? feature.attributes.get('ID') : undefined;
    if (id === undefined) {
      groups.push([feature]);
      continue;
    }
    let group = byId.get(id);
    if (!group) {
      group = [];
      byId.set(id, group);
      groups.push(group);
    }
    group.push(feature);
  }

  const cdses: Cds[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    const name = displayName(group[0]);
    if (seen.has(name)) {
      throw new Gff3Error(`genome annotation: duplicate CDS name '${name}' (line ${group[0].line})`);
    }
    seen.add(name);
    const parts = inTranscriptionOrder(group);
    const minus = parts.every((f) => f.strand === '-');
    const segments = parts.flatMap((f) => {
      const pieces = toSegments(f, circularLengths.get(f.seqId));
      return minus ? pieces.reverse() : pieces;
    });
    cdses.push({ name, segments });
  }
  return { cdses };
}

function readFeatures(text: string): GffFeature[] {
  const features: GffFeature[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.startsWith('##FASTA')) break; // embedded sequences follow; not annotation
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cols = raw.split('\t');
    if (cols.length < 9) {
      throw new Gff3Error(`genome annotation: line ${i + 1} has ${cols.length} tab-separated columns, expected 9`);
    }
    const start1 = Number.parseInt(cols[3], 10);
    const end1 = Number.parseInt(cols[4], 10);
    if (!Number.isFinite(start1) || !Number.isFinite(end1) || start1 < 1 || end1 < start1) {
      throw new Gff3Error(`genome annotation: line ${i + 1} has invalid coordinates '${cols[3]}'..'${cols[4]}'`);
    }
    const phase = cols[7].trim() === '.' ? 0 : Number.parseInt(cols[7], 10);
    features.push({
      seqId: cols[0].trim(),
      type: cols[2].trim(),
      start: start1 - 1,
      end: end1,
      // A missing or unknown strand is read as forward, as Nextclade does.
      strand: cols[6].trim() === '-' ? '-' : '+',
      phase: Number.isFinite(phase) ? phase : 0,
      attributes: parseAttributes(cols[8]),
      line: i + 1,
    });
  }
  return features;
}

function parseAttributes(column: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const part of column.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    if (key === '' || attributes.has(key)) continue;
    attributes.set(key, decodeValue(part.slice(eq + 1).trim()));
  }
  return attributes;
}

function decodeValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a stray '%' is kept literally rather than rejecting the whole file
  }
}

function displayName(feature: GffFeature): string {
  for (const key of CDS_NAME_KEYS) {
    const value = feature.attributes.get(key);
    if (value !== undefined && value !== '') return value;
  }
  throw new Gff3Error(`genome annotation: ${feature.type} on line ${feature.line} has no name attribute`);
}

/** Landmarks (features whose ID equals the seqid) marked `Is_circular=true`, with their length. */
function circularLandmarkLengths(features: GffFeature[]): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const f of features) {
    if (f.attributes.get('ID') === f.seqId && f.attributes.get('Is_circular')?.toLowerCase() === 'true') {
      lengths.set(f.seqId, f.end);
    }
  }
  return lengths;
}

/** A feature running past the end of a circular landmark becomes two linear parts. */
function toSegments(f: GffFeature, circularLength: number | undefined): CdsSegment[] {
  if (circularLength === undefined || f.end <= circularLength) {
    return [{ start: f.start, end: f.end, strand: f.strand, phase: f.phase }];
  }
  // Forward reading order: the part before the origin, then the part after it.
  return [
    { start: f.start, end: circularLength, strand: f.strand, phase: f.phase },
    { start: 0, end: f.end - circularLength, strand: f.strand, phase: f.phase },
  ];
}

/**
 * GFF files list parts in ascending coordinates; the minus strand is transcribed from high to low,
 * so those parts are reversed (the order `annotation.ts` promises). A part split at the origin of a
 * circular genome is reversed the same way by the caller.
 */
function inTranscriptionOrder(parts: GffFeature[]): GffFeature[] {
  if (parts.length > 1 && parts.every((p) => p.strand === '-')) {
    const ascending = parts.every((p, i) => i === 0 || parts[i - 1].start <= p.start);
    if (ascending) return [...parts].reverse();
  }
  return parts;
}
