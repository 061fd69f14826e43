// Byte offsets of the structures shared with JavaScript (src/align/wasm-layout.ts mirrors them).

// Alignment parameters of one reference (written by JS).
export const P_MIN_LENGTH: usize = 0;
export const P_SCORE_MATCH: usize = 4;
export const P_PENALTY_MISMATCH: usize = 8;
export const P_PENALTY_GAP_EXTEND: usize = 12;
export const P_KMER_LENGTH: usize = 16;
export const P_KMER_DISTANCE: usize = 20;
export const P_ALLOWED_MISMATCHES: usize = 24;
export const P_WINDOW_SIZE: usize = 28;
export const P_MIN_MATCH_LENGTH: usize = 32;
export const P_EXCESS_BANDWIDTH: usize = 36;
export const P_TERMINAL_BANDWIDTH: usize = 40;
export const P_MAX_ALIGNMENT_ATTEMPTS: usize = 44;
export const P_GAP_ALIGNMENT_LEFT: usize = 48;
export const P_RETRY_REVERSE_COMPLEMENT: usize = 52;
export const P_REPLACE_UNKNOWN: usize = 56;
export const P_MIN_SEED_COVER: usize = 64; // f64
export const P_MAX_BAND_AREA: usize = 72; // f64
export const PARAMS_BYTES: usize = 80;

// Result of the last call (read by JS).
export const R_STATUS: usize = 0;
export const R_SCORE: usize = 4;
export const R_HIT_BOUNDARY: usize = 8;
export const R_REVERSE_COMPLEMENT: usize = 12;
export const R_ALIGNED_PTR: usize = 16;
export const R_ALIGNED_LEN: usize = 20;
export const R_INS_COUNT: usize = 24;
export const R_INS_RECORDS_PTR: usize = 28; // (pos, letters offset, length) i32 triples
export const R_INS_LETTERS_PTR: usize = 32;
export const R_INS_LETTERS_LEN: usize = 36;
export const R_DETAIL_1: usize = 40;
export const R_DETAIL_2: usize = 44;
export const R_DETAIL_F1: usize = 48; // f64
export const R_DETAIL_F2: usize = 56; // f64
export const R_ATTEMPTS: usize = 64;
export const R_QUERY_LEN: usize = 68;
export const R_BAND_AREA: usize = 72; // f64
export const R_SEED_COUNT: usize = 80;
export const R_SEED_LENGTH: usize = 84;
// Nucleotide changes of the stripped query (alignment.md §9).
export const R_RANGE_BEGIN: usize = 88;
export const R_RANGE_END: usize = 92;
export const R_SUBS_COUNT: usize = 96;
export const R_SUBS_PTR: usize = 100; // (pos i32, refLetter | qryLetter << 8 i32) pairs
export const R_RUNS_COUNT: usize = 104;
export const R_RUNS_PTR: usize = 108; // (begin, end, letter) i32 triples: '-' deletion, 'N' missing, other non-ACGTN
export const RESULT_BYTES: usize = 128;

// Status codes.
export const OK: i32 = 0;
export const E_UNKNOWN_LETTER: i32 = 1; // detail1 = byte, detail2 = position in the cleaned sequence
export const E_TOO_SHORT: i32 = 2; // detail1 = length, detail2 = min length
export const E_NO_SEEDS: i32 = 3; // detail1 = min match length
export const E_LOW_SEED_COVER: i32 = 4; // f1 = cover %, f2 = expected %
export const E_BAND_TOO_LARGE: i32 = 5; // f1 = area, f2 = limit, detail1 = query length, detail2 = ref length
export const E_OUT_OF_MEMORY: i32 = 6; // f1 = bytes requested
export const E_INTERNAL: i32 = 7; // detail1 = where
export const E_BAD_REFERENCE: i32 = 8; // detail1 = 0 empty, 1 gap/unknown letter (detail2 = byte)
export const E_BAD_PARAMS: i32 = 9;
