/** Byte offsets and status codes shared with the wasm core (mirror of asm/nuc/layout.ts). */
export const P = {
  minLength: 0,
  scoreMatch: 4,
  penaltyMismatch: 8,
  penaltyGapExtend: 12,
  kmerLength: 16,
  kmerDistance: 20,
  allowedMismatches: 24,
  windowSize: 28,
  minMatchLength: 32,
  excessBandwidth: 36,
  terminalBandwidth: 40,
  maxAlignmentAttempts: 44,
  gapAlignmentLeft: 48,
  retryReverseComplement: 52,
  replaceUnknown: 56,
  minSeedCover: 64, // f64
  maxBandArea: 72, // f64
  bytes: 80,
} as const;

export const R = {
  status: 0,
  score: 4,
  hitBoundary: 8,
  reverseComplement: 12,
  alignedPtr: 16,
  alignedLen: 20,
  insCount: 24,
  insRecordsPtr: 28,
  insLettersPtr: 32,
  insLettersLen: 36,
  detail1: 40,
  detail2: 44,
  detailF1: 48,
  detailF2: 56,
  attempts: 64,
  queryLength: 68,
  bandArea: 72,
  seedCount: 80,
  seedLength: 84,
  bytes: 96,
} as const;

export const Status = {
  ok: 0,
  unknownLetter: 1,
  tooShort: 2,
  noSeeds: 3,
  lowSeedCover: 4,
  bandTooLarge: 5,
  outOfMemory: 6,
  internal: 7,
  badReference: 8,
  badParams: 9,
} as const;
