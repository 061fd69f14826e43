// Seed matching (alignment.md §4): codon-spaced k-mer hits, extension along the diagonal with a
// mismatch window, chopping into fixed-length pieces, 2-D chaining, seed-cover acceptance.
import { Reference, findSlot, naturalPos, spacedLength } from './reference';
import { Vec, newVec, vecPush, vecAt } from './vec';
import { scratchAlloc } from './memory';
import { N, isAcgt } from './alphabet';
import {
  P_ALLOWED_MISMATCHES, P_KMER_DISTANCE, P_MIN_MATCH_LENGTH, P_MIN_SEED_COVER, P_WINDOW_SIZE,
  OK, E_NO_SEEDS, E_LOW_SEED_COVER, E_OUT_OF_MEMORY,
} from './layout';

// Seed record: refPos, qryPos, length, offset (qryPos - refPos); 16 bytes.
export const SEED_BYTES: i32 = 16;

export let seedError: i32 = OK;
export let seedCoverPercent: f64 = 0;
export let seedCoverExpected: f64 = 0;

let windowSize: i32 = 30;
let allowedMismatches: i32 = 8;
let minMatchLength: i32 = 40;
let ring: usize = 0;

/** Returns the merged chain of seeds (refPos, qryPos, length, offset), or null with seedError set. */
export function findSeedChain(ref: Reference, qry: usize, qryLen: i32): Vec | null {
  seedError = OK;
  windowSize = max(1, load<i32>(ref.params + P_WINDOW_SIZE));
  allowedMismatches = load<i32>(ref.params + P_ALLOWED_MISMATCHES);
  minMatchLength = max(1, load<i32>(ref.params + P_MIN_MATCH_LENGTH));
  ring = scratchAlloc(<u64>windowSize);
  const matches = newVec(SEED_BYTES, 256);
  const intervals = newVec(12, 64); // offset, first query position, last query position (closed)
  if (ring == 0 || matches === null || intervals === null) return oom();

  const k = ref.kmerLength;
  const step = max(1, load<i32>(ref.params + P_KMER_DISTANCE));
  // Table entry of each query k-mer of the current query phase (0: none), looked up once and then
  // read for each reference phase: the visiting order stays query phase, reference phase, position.
  const kmerSlots = scratchAlloc(<u64>(qryLen / step + 2) * 4);
  if (kmerSlots == 0) return oom();
  for (let qp = 0; qp < 3; qp++) {
    const qSpaced = spacedLength(qryLen, qp);
    let kmers = 0;
    for (let t = 0; t + k < qSpaced; t += step) {
      const key = queryKey(qry, qp, t, k);
      let slot: usize = 0;
      if (key != 0) {
        slot = findSlot(ref, key);
        if (load<u64>(slot) == 0) slot = 0;
      }
      store<u32>(kmerSlots + (<usize>kmers << 2), <u32>slot);
      kmers++;
    }
    for (let rp = 0; rp < 3; rp++) {
      for (let m = 0; m < kmers; m++) {
        const slot = <usize>load<u32>(kmerSlots + (<usize>m << 2));
        if (slot == 0) continue;
        const count = <usize>load<u32>(slot + 12 + (<usize>rp << 2));
        if (count == 0) continue;
        let start = <usize>load<u32>(slot, 8);
        if (rp > 0) start += <usize>load<u32>(slot, 12);
        if (rp > 1) start += <usize>load<u32>(slot, 16);
        const qryPos = naturalPos(m * step, qp);
        for (let h: usize = 0; h < count; h++) {
          const refPos = naturalPos(<i32>load<u32>(ref.positions + ((start + h) << 2)), rp);
          const offset = qryPos - refPos;
          if (overlapsKnown(intervals, offset, qryPos, qryPos + k)) continue;
          const first = matches.len;
          if (!extend(ref, qry, qryLen, refPos, qryPos, offset, matches)) return oom();
          if (matches.len == first) continue;
          const lastAt = vecAt(matches, matches.len - 1);
          const rec = vecPush(intervals);
          if (rec == 0) return oom();
          store<i32>(rec, offset);
          store<i32>(rec, load<i32>(vecAt(matches, first), 4), 4);
          store<i32>(rec, min(load<i32>(lastAt, 4) + load<i32>(lastAt, 8), qryLen), 8);
        }
      }
    }
  }

  if (matches.len == 0) {
    seedError = E_NO_SEEDS;
    return null;
  }
  const chain = chainSeeds(matches);
  if (chain === null) return oom();

  let covered: f64 = 0;
  for (let i = 0; i < chain.len; i++) covered += <f64>load<i32>(vecAt(chain, i), 8);
  const minCover = load<f64>(ref.params + P_MIN_SEED_COVER);
  if (covered / <f64>min(qryLen, ref.length) < minCover) {
    let acgt = 0;
    for (let i = 0; i < qryLen; i++) if (isAcgt(load<u8>(qry + <usize>i))) acgt++;
    const known = <f64>min(acgt, ref.length);
    if (covered / known < minCover) {
      seedError = E_LOW_SEED_COVER;
      seedCoverPercent = (100.0 * covered) / known;
      seedCoverExpected = 100.0 * minCover;
      return null;
    }
  }
  return chain;
}

function oom(): Vec | null {
  seedError = E_OUT_OF_MEMORY;
  return null;
}

/** Key of the query k-mer at spaced index t of phase qp; 0 when it holds an N. */
function queryKey(qry: usize, qp: i32, t: i32, k: i32): u64 {
  let key: u64 = 0;
  for (let i = 0; i < k; i++) {
    const c = load<u8>(qry + <usize>naturalPos(t + i, qp));
    if (c == N) return 0;
    key |= (<u64>c) << (<u64>(i * 4));
  }
  return key;
}

/** Does the closed query interval [from, to] touch a seed already extended on this diagonal? */
function overlapsKnown(intervals: Vec, offset: i32, from: i32, to: i32): bool {
  for (let i = 0; i < intervals.len; i++) {
    const at = vecAt(intervals, i);
    if (load<i32>(at) != offset) continue;
    if (from <= load<i32>(at, 8) && load<i32>(at, 4) <= to) return true;
  }
  return false;
}

/**
 * Extends a hit forwards then backwards while the last `windowSize` comparisons hold at most
 * `allowedMismatches` mismatches, trims each end back to the end of the longest exact run inside
 * the final window, and appends the result cut into pieces of `minMatchLength`.
 */
function extend(ref: Reference, qry: usize, qryLen: i32, refPos0: i32, qryPos0: i32, offset: i32, out: Vec): bool {
  const refCodes = ref.codes;
  let refPos = refPos0;
  let qryPos = qryPos0;
  let length = 0;
  const maxLength = min(ref.length - refPos, qryLen - qryPos);

  memory.fill(ring, 0, <usize>windowSize);
  let head = 0;
  let mismatches = 0;
  while (mismatches <= allowedMismatches && length < maxLength) {
    if (load<u8>(ring + <usize>head) != 0) mismatches--;
    const m: u8 = load<u8>(refCodes + <usize>(refPos + length)) != load<u8>(qry + <usize>(qryPos + length)) ? 1 : 0;
    store<u8>(ring + <usize>head, m);
    mismatches += m;
    head = head + 1 == windowSize ? 0 : head + 1;
    length++;
  }
  length -= windowSize - cropPoint(head);

  memory.fill(ring, 0, <usize>windowSize);
  head = 0;
  mismatches = 0;
  while (mismatches <= allowedMismatches && refPos > 0 && qryPos > 0) {
    if (load<u8>(ring + <usize>head) != 0) mismatches--;
    const m: u8 = load<u8>(refCodes + <usize>(refPos - 1)) != load<u8>(qry + <usize>(qryPos - 1)) ? 1 : 0;
    store<u8>(ring + <usize>head, m);
    mismatches += m;
    head = head + 1 == windowSize ? 0 : head + 1;
    refPos--;
    qryPos--;
    length++;
  }
  const back = windowSize - cropPoint(head);
  length -= back;
  refPos += back;
  qryPos += back;
  if (length < minMatchLength) return true;

  const lastRef = refPos + length - minMatchLength;
  let r = refPos;
  let q = qryPos;
  while (r < lastRef) {
    if (!pushSeed(out, r, q, minMatchLength, offset)) return false;
    r += minMatchLength;
    q += minMatchLength;
  }
  return pushSeed(out, lastRef, qryPos + length - minMatchLength, minMatchLength, offset);
}

/** In the window (oldest first), the index just past the first longest run of matches. */
function cropPoint(head: i32): i32 {
  let crop = 0;
  let longest = 0;
  let current = 0;
  let at = head;
  for (let i = 0; i < windowSize; i++) {
    if (load<u8>(ring + <usize>at) != 0) current = 0;
    else current++;
    if (current > longest) {
      longest = current;
      crop = i + 1;
    }
    at = at + 1 == windowSize ? 0 : at + 1;
  }
  return crop;
}

function pushSeed(out: Vec, refPos: i32, qryPos: i32, length: i32, offset: i32): bool {
  const at = vecPush(out);
  if (at == 0) return false;
  store<i32>(at, refPos);
  store<i32>(at, qryPos, 4);
  store<i32>(at, length, 8);
  store<i32>(at, offset, 12);
  return true;
}

/**
 * Two-dimensional chaining (Gusfield, Algorithms on Strings, Trees and Sequences, §13.3): the
 * co-linear, non-overlapping subset of seeds with maximal total length, adjacent seeds merged.
 * Tie-breaking follows Nextclade: endpoints in query order (stable), candidate chains kept by
 * decreasing reference end.
 */
function chainSeeds(matches: Vec): Vec | null {
  const n = matches.len;
  const endpoints = scratchAlloc(<u64>n * 16);
  const scores = scratchAlloc(<u64>n * 4);
  const previous = scratchAlloc(<u64>n * 4);
  // Candidate chains, ascending by reference end (the reverse of Nextclade's descending list):
  // (refEnd, score, seed index).
  const triplets = scratchAlloc(<u64>n * 12 + 12);
  if (endpoints == 0 || scores == 0 || previous == 0 || triplets == 0) return null;

  for (let j = 0; j < n; j++) {
    const at = vecAt(matches, j);
    const q = <u64>load<i32>(at, 4);
    store<u64>(endpoints + (<usize>(2 * j) << 3), (q << 32) | <u64>(2 * j));
    store<u64>(endpoints + (<usize>(2 * j + 1) << 3), ((q + <u64>load<i32>(at, 8)) << 32) | <u64>(2 * j + 1));
  }
  heapSortU64(endpoints, 2 * n);

  let count = 0;
  for (let e = 0; e < 2 * n; e++) {
    const tag = <i32>(load<u64>(endpoints + (<usize>e << 3)) & 0xffffffff);
    const j = tag >> 1;
    const seed = vecAt(matches, j);
    const refPos = load<i32>(seed);
    const length = load<i32>(seed, 8);
    if ((tag & 1) == 0) {
      const i = lastIndexAtMost(triplets, count, refPos);
      if (i >= 0) {
        store<i32>(scores + (<usize>j << 2), length + load<i32>(triplets + <usize>i * 12, 4));
        store<i32>(previous + (<usize>j << 2), load<i32>(triplets + <usize>i * 12, 8));
      } else {
        store<i32>(scores + (<usize>j << 2), length);
        store<i32>(previous + (<usize>j << 2), -1);
      }
    } else {
      const refEnd = refPos + length;
      const score = load<i32>(scores + (<usize>j << 2));
      const i = lastIndexAtMost(triplets, count, refEnd - 1);
      if (i >= 0 && load<i32>(triplets + <usize>i * 12, 4) > score) continue;
      // Insert before every candidate ending at or after refEnd, then drop those it dominates.
      const at = i + 1;
      let write = at + 1;
      const moved = count - at;
      memory.copy(triplets + <usize>(at + 1) * 12, triplets + <usize>at * 12, <usize>moved * 12);
      store<i32>(triplets + <usize>at * 12, refEnd);
      store<i32>(triplets + <usize>at * 12, score, 4);
      store<i32>(triplets + <usize>at * 12, j, 8);
      for (let r = at + 1; r <= count; r++) {
        const src = triplets + <usize>r * 12;
        if (load<i32>(src, 4) < score) continue;
        if (write != r) memory.copy(triplets + <usize>write * 12, src, 12);
        write++;
      }
      count = write;
    }
  }

  // Walk back from the candidate with the largest reference end.
  let length = 0;
  let j = load<i32>(triplets + <usize>(count - 1) * 12, 8);
  const order = scratchAlloc(<u64>n * 4);
  if (order == 0) return null;
  while (j >= 0) {
    store<i32>(order + (<usize>length << 2), j);
    length++;
    j = load<i32>(previous + (<usize>j << 2));
  }
  const chain = newVec(SEED_BYTES, length);
  if (chain === null) return null;
  for (let i = length - 1; i >= 0; i--) {
    const seed = vecAt(matches, load<i32>(order + (<usize>i << 2)));
    if (chain.len > 0) {
      const last = vecAt(chain, chain.len - 1);
      const lastLen = load<i32>(last, 8);
      if (load<i32>(seed, 4) == load<i32>(last, 4) + lastLen && load<i32>(seed) == load<i32>(last) + lastLen) {
        store<i32>(last, lastLen + load<i32>(seed, 8), 8);
        continue;
      }
    }
    const at = vecPush(chain);
    if (at == 0) return null;
    memory.copy(at, seed, <usize>SEED_BYTES);
  }
  return chain;
}

/** Largest index whose reference end is <= x in the ascending candidate list, or -1. */
function lastIndexAtMost(triplets: usize, count: i32, x: i32): i32 {
  let lo = 0;
  let hi = count; // answer in [lo - 1, hi - 1]
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<i32>(triplets + <usize>mid * 12) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function heapSortU64(base: usize, n: i32): void {
  for (let start = n / 2 - 1; start >= 0; start--) siftDown(base, start, n);
  for (let end = n - 1; end > 0; end--) {
    const top = load<u64>(base);
    store<u64>(base, load<u64>(base + (<usize>end << 3)));
    store<u64>(base + (<usize>end << 3), top);
    siftDown(base, 0, end);
  }
}

function siftDown(base: usize, start: i32, n: i32): void {
  let root = start;
  while (true) {
    let child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && load<u64>(base + (<usize>(child + 1) << 3)) > load<u64>(base + (<usize>child << 3))) child++;
    const rootValue = load<u64>(base + (<usize>root << 3));
    const childValue = load<u64>(base + (<usize>child << 3));
    if (rootValue >= childValue) return;
    store<u64>(base + (<usize>root << 3), childValue);
    store<u64>(base + (<usize>child << 3), rootValue);
    root = child;
  }
}
