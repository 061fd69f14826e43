/**
 * Phenotype scores from `pathogen.json` `phenotypeData` (e.g. RSV-A antibody escape): for each
 * phenotype, the weighted sum over the query's amino-acid substitutions at listed positions
 * (0-based keys) of the value listed for the query's amino acid, else the position's `default`.
 */
import type { AaSubstitution } from './types.js';

interface PhenotypeData {
  name: string;
  cds: string;
  aaRange?: { begin: number; end: number };
  data: { name?: string; weight?: number; locations: Record<string, Record<string, number>> }[];
}

export interface PhenotypeValue {
  name: string;
  cds: string;
  value: number;
}

export function computePhenotypes(phenotypeData: unknown, substitutionsByCds: Map<string, AaSubstitution[]>): PhenotypeValue[] | null {
  if (!Array.isArray(phenotypeData) || phenotypeData.length === 0) return null;
  const values: PhenotypeValue[] = [];
  for (const raw of phenotypeData as PhenotypeData[]) {
    if (!raw || typeof raw.name !== 'string' || !Array.isArray(raw.data)) continue;
    const subs = substitutionsByCds.get(raw.cds);
    if (subs === undefined) continue; // the CDS was not translated: no value, as Nextclade
    let value = 0;
    for (const entry of raw.data) {
      const weight = typeof entry.weight === 'number' ? entry.weight : 1;
      for (const sub of subs) {
        if (raw.aaRange && (sub.pos < raw.aaRange.begin || sub.pos >= raw.aaRange.end)) continue;
        const location = entry.locations?.[String(sub.pos)];
        if (!location) continue;
        value += weight * (location[sub.qryAa] ?? location.default ?? 0);
      }
    }
    values.push({ name: raw.name, cds: raw.cds, value });
  }
  return values;
}
