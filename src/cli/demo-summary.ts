/** What the demo prints at the end, read back from what the mock backend accepted. */
import type { MockBackend } from '../mock-backend/index.js';

export interface DemoSummary {
  seeded: number;
  processed: number;
  unprocessed: number;
  withErrors: number;
  withWarnings: number;
  aligned: number;
  failedToAlign: number;
  nucleotideInsertions: number;
  peptides: number;
  aminoAcidInsertions: number;
  peptidesPerGene: Record<string, number>;
  qcStatuses: Record<string, number>;
  clades: Record<string, number>;
  batches: number;
  seconds: number;
}

interface StoredData {
  metadata?: Record<string, unknown>;
  alignedNucleotideSequences?: Record<string, string | null>;
  nucleotideInsertions?: Record<string, string[]>;
  alignedAminoAcidSequences?: Record<string, string | null>;
  aminoAcidInsertions?: Record<string, string[]>;
  unalignedNucleotideSequences?: Record<string, string | null>;
}

export function summariseDemo(mock: MockBackend, organism: string, seeded: number, totals: { batches: number }, seconds: number): DemoSummary {
  const summary: DemoSummary = {
    seeded, processed: 0, unprocessed: 0, withErrors: 0, withWarnings: 0, aligned: 0, failedToAlign: 0,
    nucleotideInsertions: 0, peptides: 0, aminoAcidInsertions: 0, peptidesPerGene: {}, qcStatuses: {}, clades: {}, batches: totals.batches, seconds,
  };
  const version = mock.store.currentVersion(organism);
  for (const entry of mock.store.entries(organism)) {
    const row = mock.store.row(entry.accession, entry.version, version);
    if (!row || row.status !== 'PROCESSED') {
      summary.unprocessed++;
      continue;
    }
    summary.processed++;
    if (row.errors?.length) summary.withErrors++;
    else if (row.warnings?.length) summary.withWarnings++;
    const data = (row.processedData ?? {}) as StoredData;
    const aligned = Object.values(data.alignedNucleotideSequences ?? {}).filter((s) => s);
    const submitted = Object.values(data.unalignedNucleotideSequences ?? {}).filter((s) => s);
    if (aligned.length > 0) summary.aligned++;
    else if (submitted.length > 0) summary.failedToAlign++;
    for (const list of Object.values(data.nucleotideInsertions ?? {})) summary.nucleotideInsertions += list?.length ?? 0;
    for (const [gene, peptide] of Object.entries(data.alignedAminoAcidSequences ?? {})) {
      if (!peptide) continue;
      summary.peptides++;
      summary.peptidesPerGene[gene] = (summary.peptidesPerGene[gene] ?? 0) + 1;
    }
    for (const list of Object.values(data.aminoAcidInsertions ?? {})) summary.aminoAcidInsertions += list?.length ?? 0;
    const metadata = data.metadata ?? {};
    const qc = metadata.qcOverallStatus ?? metadata.qcStatus;
    if (typeof qc === 'string') summary.qcStatuses[qc] = (summary.qcStatuses[qc] ?? 0) + 1;
    const clade = metadata.clade;
    if (typeof clade === 'string') summary.clades[clade] = (summary.clades[clade] ?? 0) + 1;
  }
  return summary;
}

export function formatDemoSummary(s: DemoSummary): string {
  const pairs = (record: Record<string, number>) => Object.entries(record).sort().map(([k, v]) => `${k} ${v}`).join(', ') || '-';
  return [
    '',
    'Demo summary',
    `  entries processed      ${s.processed} of ${s.seeded} seeded${s.unprocessed ? ` (${s.unprocessed} NOT processed)` : ''}`,
    `  with errors            ${s.withErrors}`,
    `  with warnings only     ${s.withWarnings}`,
    `  aligned                ${s.aligned}`,
    `  failed to align        ${s.failedToAlign}`,
    `  nucleotide insertions  ${s.nucleotideInsertions}`,
    `  peptides               ${s.peptides}: ${pairs(s.peptidesPerGene)} (amino-acid insertions ${s.aminoAcidInsertions})`,
    `  QC status              ${pairs(s.qcStatuses)}`,
    `  clades                 ${pairs(s.clades)}`,
    `  batches                ${s.batches}`,
    `  time                   ${s.seconds.toFixed(2)} s`,
    '',
  ].join('\n');
}
