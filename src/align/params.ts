/**
 * Nextclade alignment parameters (alignment.md §3): built-in defaults, overlaid by a dataset's
 * `pathogen.json` `alignmentParams` (camelCase keys).
 */
import { z } from 'zod';

export interface AlignParams {
  minLength: number;
  scoreMatch: number;
  penaltyMismatch: number;
  penaltyGapOpen: number;
  penaltyGapOpenInFrame: number;
  penaltyGapOpenOutOfFrame: number;
  penaltyGapExtend: number;
  kmerLength: number;
  kmerDistance: number;
  allowedMismatches: number;
  windowSize: number;
  minMatchLength: number;
  minSeedCover: number;
  excessBandwidth: number;
  terminalBandwidth: number;
  maxBandArea: number;
  maxAlignmentAttempts: number;
  gapAlignmentSide: 'left' | 'right';
  retryReverseComplement: boolean;
  replaceUnknown: boolean;
  noTranslatePastStop: boolean;
}

export const DEFAULT_ALIGN_PARAMS: Readonly<AlignParams> = Object.freeze({
  minLength: 100,
  scoreMatch: 3,
  penaltyMismatch: 1,
  penaltyGapOpen: 6,
  penaltyGapOpenInFrame: 7,
  penaltyGapOpenOutOfFrame: 8,
  penaltyGapExtend: 0,
  kmerLength: 10,
  kmerDistance: 50,
  allowedMismatches: 8,
  windowSize: 30,
  minMatchLength: 40,
  minSeedCover: 0.33,
  excessBandwidth: 9,
  terminalBandwidth: 50,
  maxBandArea: 500_000_000,
  maxAlignmentAttempts: 3,
  gapAlignmentSide: 'left',
  retryReverseComplement: false,
  replaceUnknown: false,
  noTranslatePastStop: false,
});

const count = z.number().int().nonnegative();

/** Keys Nextclade v3 rejects (removed parameters). */
const REMOVED_KEYS = ['seedLength', 'seedSpacing', 'minSeeds', 'minMatchRate', 'mismatchesAllowed', 'maxIndel'];

const overridesSchema = z
  .object({
    minLength: count,
    scoreMatch: z.number().int(),
    penaltyMismatch: z.number().int(),
    penaltyGapOpen: z.number().int(),
    penaltyGapOpenInFrame: z.number().int(),
    penaltyGapOpenOutOfFrame: z.number().int(),
    penaltyGapExtend: z.number().int(),
    // The seed index packs 4 bits per letter of a k-mer into 60 bits.
    kmerLength: z.number().int().min(1).max(15),
    kmerDistance: z.number().int().min(1),
    allowedMismatches: count,
    windowSize: z.number().int().min(1),
    minMatchLength: z.number().int().min(1),
    minSeedCover: z.number().min(0),
    excessBandwidth: count,
    terminalBandwidth: count,
    maxBandArea: z.number().positive(),
    maxAlignmentAttempts: count,
    gapAlignmentSide: z.enum(['left', 'right']),
    retryReverseComplement: z.boolean(),
    replaceUnknown: z.boolean(),
    noTranslatePastStop: z.boolean(),
  })
  .partial()
  .loose();

/** Defaults overlaid by `alignmentParams` (unknown extra keys are ignored, removed v3 keys rejected). */
export function alignParamsFrom(alignmentParams: unknown, base: Readonly<AlignParams> = DEFAULT_ALIGN_PARAMS): AlignParams {
  if (alignmentParams === undefined || alignmentParams === null) return { ...base };
  const parsed = overridesSchema.safeParse(alignmentParams);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`pathogen.json alignmentParams.${issue.path.join('.')}: ${issue.message}`);
  }
  const removed = REMOVED_KEYS.filter((k) => k in (parsed.data as Record<string, unknown>));
  if (removed.length > 0) {
    throw new Error(`pathogen.json alignmentParams: ${removed.join(', ')} no longer exist in Nextclade v3`);
  }
  const out: AlignParams = { ...base };
  for (const key of Object.keys(base) as (keyof AlignParams)[]) {
    const value = (parsed.data as Record<string, unknown>)[key];
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
