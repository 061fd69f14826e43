// Nucleotide alignment core, Nextclade-compatible (see docs/alignment.md and the spec's §2–§8).
//
// Protocol with JavaScript (src/align/wasm.ts):
//   init() once;
//   reference: p = inputBuffer(n), write the letters, id = addReference(len), write parameters at
//     refParamsPtr(id) and the gap-open map at refGapOpenPtr(id), then prepareReference(id);
//   query: p = inputBuffer(n), write the letters, status = align(id, len), read the block at resultPtr().
// Every failure is a status code with details in the result block; nothing traps by design.
import { memoryInit, scratchAlloc, scratchKeep, scratchReset, scratchMark, scratchRelease, memoryForgetAll } from './memory';
import { alphabetInit, inputCode, letterOf, complement, DROP, UNKNOWN, N } from './alphabet';
import { Reference, buildIndex } from './reference';
import { findSeedChain, seedError, seedCoverPercent, seedCoverExpected } from './seeds';
import { buildBand, fullBand, bandArea, bandOk } from './band';
import { alignBand, substitutionTable, dpScore, dpHitBoundary, alnQry, alnRef, alnLength, dpInternalError } from './dp';
import { Vec, newVec, vecPush } from './vec';
import * as L from './layout';

const MAX_REFERENCES: i32 = 256;
let references: usize = 0;
let referenceCount: i32 = 0;
let result: usize = 0;
let input: usize = 0;

export function init(): void {
  memoryInit();
  const tables = scratchAlloc(256 + 16);
  alphabetInit(tables, tables + 256);
  references = scratchAlloc(<u64>MAX_REFERENCES * <u64>offsetof<Reference>());
  result = scratchAlloc(<u64>L.RESULT_BYTES);
  scratchKeep();
  referenceCount = 0;
}

/** Forgets every reference (tests, or a host that wants its memory back). */
export function reset(): void {
  memoryForgetAll();
  init();
}

export function resultPtr(): usize {
  return result;
}

/** Room for `bytes` of input letters; discards the previous call's scratch data. 0 if out of memory. */
export function inputBuffer(bytes: i32): usize {
  scratchReset();
  input = scratchAlloc(<u64>max(bytes, 1));
  return input;
}

function ref(id: i32): Reference {
  return changetype<Reference>(references + <usize>id * offsetof<Reference>());
}

/** Cleans the input in place (alignment.md §2); the new length, or -1 with the offending byte recorded. */
function clean(ptr: usize, len: i32, replaceUnknown: bool): i32 {
  let w = 0;
  for (let i = 0; i < len; i++) {
    const byte = load<u8>(ptr + <usize>i);
    let c = inputCode(byte);
    if (c == DROP) continue;
    if (c == UNKNOWN) {
      if (!replaceUnknown) {
        store<i32>(result + L.R_DETAIL_1, byte);
        store<i32>(result + L.R_DETAIL_2, w);
        return -1;
      }
      c = N;
    }
    store<u8>(ptr + <usize>w, c);
    w++;
  }
  return w;
}

function clearResult(): void {
  memory.fill(result, 0, L.RESULT_BYTES);
}

function fail(status: i32): i32 {
  store<i32>(result + L.R_STATUS, status);
  return status;
}

/** Registers the reference written to the input buffer. Returns its id, or -status on failure. */
export function addReference(len: i32): i32 {
  clearResult();
  if (referenceCount >= MAX_REFERENCES) return -fail(L.E_BAD_PARAMS);
  const length = clean(input, len, false);
  if (length <= 0) {
    store<i32>(result + L.R_DETAIL_1, length == 0 ? 0 : 1);
    return -fail(L.E_BAD_REFERENCE);
  }
  const id = referenceCount;
  const r = ref(id);
  r.codes = input;
  r.length = length;
  r.params = scratchAlloc(<u64>L.PARAMS_BYTES);
  r.gapOpen = scratchAlloc(<u64>(length + 2) * 4);
  if (r.params == 0 || r.gapOpen == 0) return -fail(L.E_OUT_OF_MEMORY);
  memory.fill(r.params, 0, L.PARAMS_BYTES);
  memory.fill(r.gapOpen, 0, <usize>(length + 2) * 4);
  r.table = 0;
  scratchKeep();
  referenceCount++;
  return id;
}

export function refParamsPtr(id: i32): usize {
  return ref(id).params;
}

export function refGapOpenPtr(id: i32): usize {
  return ref(id).gapOpen;
}

export function refLength(id: i32): i32 {
  return ref(id).length;
}

/** Builds the seed index with the parameters written for this reference. 0 or a status. */
export function prepareReference(id: i32): i32 {
  clearResult();
  const r = ref(id);
  const k = load<i32>(r.params + L.P_KMER_LENGTH);
  if (k < 1 || k > 15) return fail(L.E_BAD_PARAMS);
  scratchReset();
  if (!buildIndex(r)) {
    scratchReset();
    return fail(L.E_OUT_OF_MEMORY);
  }
  scratchKeep();
  return L.OK;
}

/** Aligns the query written to the input buffer against reference `id`. 0 or a status. */
export function align(id: i32, len: i32): i32 {
  clearResult();
  const r = ref(id);
  const p = r.params;
  if (r.table == 0) return fail(L.E_BAD_PARAMS);
  let qry = input;
  const qryLen = clean(input, len, load<i32>(p + L.P_REPLACE_UNKNOWN) != 0);
  if (qryLen < 0) return fail(L.E_UNKNOWN_LETTER);
  store<i32>(result + L.R_QUERY_LEN, qryLen);
  const minLength = load<i32>(p + L.P_MIN_LENGTH);
  if (qryLen < minLength || qryLen == 0) {
    store<i32>(result + L.R_DETAIL_1, qryLen);
    store<i32>(result + L.R_DETAIL_2, minLength);
    return fail(L.E_TOO_SHORT);
  }
  const refLen = r.length;
  const columns = <u64>(qryLen + refLen);
  const bufQ0 = scratchAlloc(columns);
  const bufR0 = scratchAlloc(columns);
  const bufQ1 = scratchAlloc(columns);
  const bufR1 = scratchAlloc(columns);
  if (substitutionTable(load<i32>(p + L.P_SCORE_MATCH), load<i32>(p + L.P_PENALTY_MISMATCH)) == 0 || bufR1 == 0) {
    return outOfMemory(columns * 4);
  }
  const gapExtend = load<i32>(p + L.P_PENALTY_GAP_EXTEND);
  const left = load<i32>(p + L.P_GAP_ALIGNMENT_LEFT) != 0;
  const maxArea = load<f64>(p + L.P_MAX_BAND_AREA);

  if (refLen + qryLen < 20 * r.kmerLength) {
    // Short pairs skip seeding and use the whole matrix.
    if (!fullBand(qryLen, refLen)) return outOfMemory(<u64>(refLen + 1) * 8);
    store<f64>(result + L.R_BAND_AREA, bandArea);
    if (!alignBand(qry, qryLen, r.codes, refLen, r.gapOpen, bandArea, gapExtend, left, bufQ0, bufR0)) return outOfMemory(<u64>bandArea);
    if (dpInternalError != 0) return internal(20 + dpInternalError);
    return finish(refLen, 0, dpScore, dpHitBoundary, alnQry, alnRef, alnLength, r.codes);
  }

  let chain = findSeedChain(r, qry, qryLen);
  let reverse = false;
  if (chain === null) {
    if (seedError == L.E_OUT_OF_MEMORY) return outOfMemory(<u64>qryLen * 16);
    const firstError = seedError;
    const firstCover = seedCoverPercent;
    const firstExpected = seedCoverExpected;
    if (load<i32>(p + L.P_RETRY_REVERSE_COMPLEMENT) != 0) {
      const rc = scratchAlloc(<u64>qryLen);
      if (rc == 0) return outOfMemory(<u64>qryLen);
      for (let i = 0; i < qryLen; i++) store<u8>(rc + <usize>i, complement(load<u8>(qry + <usize>(qryLen - 1 - i))));
      chain = findSeedChain(r, rc, qryLen);
      if (chain !== null) {
        qry = rc;
        reverse = true;
      } else if (seedError == L.E_OUT_OF_MEMORY) {
        return outOfMemory(<u64>qryLen * 16);
      }
    }
    if (chain === null) {
      store<i32>(result + L.R_DETAIL_1, load<i32>(p + L.P_MIN_MATCH_LENGTH));
      store<f64>(result + L.R_DETAIL_F1, firstCover);
      store<f64>(result + L.R_DETAIL_F2, firstExpected);
      return fail(firstError);
    }
  }
  store<i32>(result + L.R_REVERSE_COMPLEMENT, reverse ? 1 : 0);
  store<i32>(result + L.R_SEED_COUNT, chain.len);
  let seeded = 0;
  for (let i = 0; i < chain.len; i++) seeded += load<i32>(chain.ptr + <usize>i * 16, 8);
  store<i32>(result + L.R_SEED_LENGTH, seeded);

  let terminal = load<i32>(p + L.P_TERMINAL_BANDWIDTH);
  let excess = load<i32>(p + L.P_EXCESS_BANDWIDTH);
  let minimal = max(1, load<i32>(p + L.P_ALLOWED_MISMATCHES));
  const mark = scratchMark();
  if (!buildBand(chain, qryLen, refLen, terminal, excess, minimal)) return outOfMemory(<u64>(refLen + 1) * 8);
  if (!bandOk) return internal(10);
  store<f64>(result + L.R_BAND_AREA, bandArea);
  if (bandArea > maxArea) {
    store<f64>(result + L.R_DETAIL_F1, bandArea);
    store<f64>(result + L.R_DETAIL_F2, maxArea);
    store<i32>(result + L.R_DETAIL_1, qryLen);
    store<i32>(result + L.R_DETAIL_2, refLen);
    return fail(L.E_BAND_TOO_LARGE);
  }
  if (!alignBand(qry, qryLen, r.codes, refLen, r.gapOpen, bandArea, gapExtend, left, bufQ0, bufR0)) return outOfMemory(<u64>bandArea);
  if (dpInternalError != 0) return internal(20 + dpInternalError);

  // Retry with a wider band while the path touches the band's edge (§6).
  const maxAttempts = load<i32>(p + L.P_MAX_ALIGNMENT_ATTEMPTS);
  let attempts = 0;
  let useFirst = false;
  let score = dpScore;
  let boundary = dpHitBoundary;
  let colsQ = alnQry;
  let colsR = alnRef;
  let n = alnLength;
  while (boundary && attempts < maxAttempts) {
    terminal = max(2 * terminal, 1);
    excess = max(2 * excess, 1);
    minimal = max(2 * minimal, 1);
    attempts++;
    scratchRelease(mark);
    // A band that cannot be built or is too large ends the retries; the last alignment stands.
    if (!buildBand(chain, qryLen, refLen, terminal, excess, minimal)) break;
    if (!bandOk || bandArea > maxArea) break;
    const outQ = useFirst ? bufQ0 : bufQ1;
    const outR = useFirst ? bufR0 : bufR1;
    if (!alignBand(qry, qryLen, r.codes, refLen, r.gapOpen, bandArea, gapExtend, left, outQ, outR)) break;
    if (dpInternalError != 0) break;
    score = dpScore;
    boundary = dpHitBoundary;
    colsQ = alnQry;
    colsR = alnRef;
    n = alnLength;
    store<f64>(result + L.R_BAND_AREA, bandArea);
    useFirst = !useFirst;
  }
  return finish(refLen, attempts, score, boundary, colsQ, colsR, n, r.codes);
}

/** Strips insertions from the aligned columns (written backwards) and fills the result block (§8). */
function finish(refLen: i32, attempts: i32, score: i32, boundary: bool, colsQ: usize, colsR: usize, n: i32, refCodes: usize): i32 {
  const out = scratchAlloc(<u64>refLen + 1);
  const letters = scratchAlloc(<u64>n + 1);
  const records = newVec(12, 16);
  if (out == 0 || letters == 0 || records === null) return outOfMemory(<u64>refLen + <u64>n);
  let refIndex = -1;
  let lettersLen = 0;
  let open: usize = 0;
  for (let i = n - 1; i >= 0; i--) {
    const rc = load<u8>(colsR + <usize>i);
    const qc = load<u8>(colsQ + <usize>i);
    if (rc == 0) {
      if (open == 0) {
        open = vecPush(records);
        if (open == 0) return outOfMemory(12);
        store<i32>(open, refIndex);
        store<i32>(open, lettersLen, 4);
        store<i32>(open, 0, 8);
      }
      store<u8>(letters + <usize>lettersLen, letterOf(qc));
      lettersLen++;
      store<i32>(open, load<i32>(open, 8) + 1, 8);
    } else {
      open = 0;
      refIndex++;
      store<u8>(out + <usize>refIndex, letterOf(qc));
    }
  }
  if (refIndex != refLen - 1) return internal(30);
  if (!nucleotideChanges(out, refLen, refCodes)) return outOfMemory(<u64>refLen * 8);
  store<i32>(result + L.R_SCORE, score);
  store<i32>(result + L.R_HIT_BOUNDARY, boundary ? 1 : 0);
  store<i32>(result + L.R_ALIGNED_PTR, <i32>out);
  store<i32>(result + L.R_ALIGNED_LEN, refLen);
  store<i32>(result + L.R_INS_COUNT, records.len);
  store<i32>(result + L.R_INS_RECORDS_PTR, <i32>records.ptr);
  store<i32>(result + L.R_INS_LETTERS_PTR, <i32>letters);
  store<i32>(result + L.R_INS_LETTERS_LEN, lettersLen);
  store<i32>(result + L.R_ATTEMPTS, attempts);
  return fail(L.OK);
}

function outOfMemory(bytes: u64): i32 {
  store<f64>(result + L.R_DETAIL_F1, <f64>bytes);
  return fail(L.E_OUT_OF_MEMORY);
}

function internal(where: i32): i32 {
  store<i32>(result + L.R_DETAIL_1, where);
  return fail(L.E_INTERNAL);
}

// @ts-ignore: decorator
@inline
function isAcgtLetter(c: u8): bool {
  return c == 65 || c == 67 || c == 71 || c == 84;
}

/**
 * Alignment range, substitutions (ACGT query letter differing from the reference) and runs of one
 * letter inside the range: '-' deletions, 'N' missing, other ambiguity codes (alignment.md §9).
 */
function nucleotideChanges(out: usize, refLen: i32, refCodes: usize): bool {
  let begin = 0;
  while (begin < refLen && load<u8>(out + <usize>begin) == 45) begin++;
  let end = refLen;
  while (end > begin && load<u8>(out + <usize>(end - 1)) == 45) end--;
  const subs = newVec(8, 64);
  const runs = newVec(12, 64);
  if (subs === null || runs === null) return false;
  let i = begin;
  while (i < end) {
    const c = load<u8>(out + <usize>i);
    if (isAcgtLetter(c)) {
      const refLetter = letterOf(load<u8>(refCodes + <usize>i));
      if (c != refLetter) {
        const at = vecPush(subs);
        if (at == 0) return false;
        store<i32>(at, i);
        store<i32>(at, <i32>refLetter | (<i32>c << 8), 4);
      }
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && load<u8>(out + <usize>j) == c) j++;
    const at = vecPush(runs);
    if (at == 0) return false;
    store<i32>(at, i);
    store<i32>(at, j, 4);
    store<i32>(at, c, 8);
    i = j;
  }
  store<i32>(result + L.R_RANGE_BEGIN, begin);
  store<i32>(result + L.R_RANGE_END, end);
  store<i32>(result + L.R_SUBS_COUNT, subs.len);
  store<i32>(result + L.R_SUBS_PTR, <i32>subs.ptr);
  store<i32>(result + L.R_RUNS_COUNT, runs.len);
  store<i32>(result + L.R_RUNS_PTR, <i32>runs.ptr);
  return true;
}

/**
 * Cheap similarity for segment/reference assignment: seeds only (no band, no DP). Returns the
 * number of query letters covered by the chained seeds (0 when no seed is found), or -status.
 * With `reverse` set, the reverse complement is tried too and the better cover is returned.
 */
export function seedCover(id: i32, len: i32, reverse: i32): i32 {
  clearResult();
  const r = ref(id);
  if (r.table == 0) return -fail(L.E_BAD_PARAMS);
  const qryLen = clean(input, len, load<i32>(r.params + L.P_REPLACE_UNKNOWN) != 0);
  if (qryLen < 0) return -fail(L.E_UNKNOWN_LETTER);
  store<i32>(result + L.R_QUERY_LEN, qryLen);
  if (qryLen < r.kmerLength * 2) return 0;
  let best = coveredBy(findSeedChain(r, input, qryLen));
  if (reverse != 0) {
    const rc = scratchAlloc(<u64>qryLen);
    if (rc == 0) return -fail(L.E_OUT_OF_MEMORY);
    for (let i = 0; i < qryLen; i++) store<u8>(rc + <usize>i, complement(load<u8>(input + <usize>(qryLen - 1 - i))));
    const other = coveredBy(findSeedChain(r, rc, qryLen));
    if (other > best) {
      best = other;
      store<i32>(result + L.R_REVERSE_COMPLEMENT, 1);
    }
  }
  return best;
}

function coveredBy(chain: Vec | null): i32 {
  if (chain === null) return 0;
  let covered = 0;
  for (let i = 0; i < chain.len; i++) covered += load<i32>(chain.ptr + <usize>i * 16, 8);
  return covered;
}
