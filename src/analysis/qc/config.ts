/**
 * The `qc` block of `pathogen.json` (alignment.md §13), parsed leniently: unknown keys are kept
 * out of the way, missing rules fall back to Nextclade's defaults (missing data, mixed sites,
 * private mutations and SNP clusters off; frame shifts and stop codons on with weight 75).
 */
import { z } from 'zod';

const Enabled = z.boolean().optional();

const CodonRange = z.object({ begin: z.number(), end: z.number() });

export const QcConfigSchema = z.looseObject({
  missingData: z
    .looseObject({ enabled: Enabled, missingDataThreshold: z.number().default(1000), scoreBias: z.number().default(0) })
    .optional(),
  mixedSites: z.looseObject({ enabled: Enabled, mixedSitesThreshold: z.number().default(10) }).optional(),
  privateMutations: z
    .looseObject({
      enabled: Enabled,
      typical: z.number().default(0),
      cutoff: z.number().default(1),
      weightReversionSubstitutions: z.number().default(1),
      weightLabeledSubstitutions: z.number().default(1),
      weightUnlabeledSubstitutions: z.number().default(1),
    })
    .optional(),
  snpClusters: z
    .looseObject({
      enabled: Enabled,
      windowSize: z.number().default(100),
      clusterCutOff: z.number().default(6),
      scoreWeight: z.number().default(50),
    })
    .optional(),
  frameShifts: z
    .looseObject({
      enabled: Enabled,
      scoreWeight: z.number().default(75),
      ignoredFrameShifts: z
        .array(z.looseObject({ cdsName: z.string().optional(), geneName: z.string().optional(), codonRange: CodonRange }))
        .default([]),
    })
    .optional(),
  stopCodons: z
    .looseObject({
      enabled: Enabled,
      scoreWeight: z.number().default(75),
      ignoredStopCodons: z
        .array(z.looseObject({ cdsName: z.string().optional(), geneName: z.string().optional(), codon: z.number() }))
        .default([]),
    })
    .optional(),
});
export type QcConfig = z.infer<typeof QcConfigSchema>;

export type QcStatus = 'good' | 'mediocre' | 'bad';

export function qcStatus(score: number): QcStatus {
  if (score >= 100) return 'bad';
  if (score >= 30) return 'mediocre';
  return 'good';
}
