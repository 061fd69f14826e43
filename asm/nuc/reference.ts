// A registered reference: its letters, the three codon-spaced copies used for seeding, the k-mer
// index over them, the gap-open map and the alignment parameters. All in permanent memory.
import { scratchAlloc } from './memory';
import { N, letterOf } from './alphabet';
import { P_KMER_LENGTH } from './layout';

@unmanaged
export class Reference {
  codes: usize;
  length: i32;
  params: usize;
  gapOpen: usize; // i32 x (length + 2)
  spaced0: usize;
  spaced1: usize;
  spaced2: usize;
  spacedLen0: i32;
  spacedLen1: i32;
  spacedLen2: i32;
  table: usize; // open addressing, 32-byte entries: key u64, start u32, count per phase u32 x 3
  tableMask: u32;
  positions: usize; // u32 spaced indexes, grouped by key, then by phase, in suffix order within a phase
  kmerLength: i32;
}

/** Length of the keep-keep-drop spaced copy of a sequence of `length` letters starting at `phase`. */
export function spacedLength(length: i32, phase: i32): i32 {
  const m = length - phase;
  if (m <= 0) return 0;
  const rest = m % 3;
  return (m / 3) * 2 + (rest < 2 ? rest : 2);
}

/** Natural position of spaced index `s` in phase `phase`. */
// @ts-ignore: decorator
@inline
export function naturalPos(s: i32, phase: i32): i32 {
  return (s * 3) / 2 + phase;
}

export function spacedPtr(ref: Reference, phase: i32): usize {
  return phase == 0 ? ref.spaced0 : phase == 1 ? ref.spaced1 : ref.spaced2;
}

export function spacedLen(ref: Reference, phase: i32): i32 {
  return phase == 0 ? ref.spacedLen0 : phase == 1 ? ref.spacedLen1 : ref.spacedLen2;
}

// @ts-ignore: decorator
@inline
function hashSlot(key: u64, mask: u32): u32 {
  return <u32>((key * 0x9e3779b97f4a7c15) >> 32) & mask;
}

export const ENTRY_BYTES: usize = 32;

/**
 * Packed key of k spaced letters at `ptr` (4 bits each); 0 if it holds an N. One table serves all
 * three reference phases, so a query k-mer is looked up once and its hits read per phase.
 */
function packedKey(ptr: usize, k: i32): u64 {
  let key: u64 = 0;
  for (let i = 0; i < k; i++) {
    const c = load<u8>(ptr + <usize>i);
    if (c == N) return 0;
    key |= (<u64>c) << (<u64>(i * 4));
  }
  return key;
}

/** Slot address for `key`; an empty slot (key 0) if absent. */
export function findSlot(ref: Reference, key: u64): usize {
  let slot = hashSlot(key, ref.tableMask);
  while (true) {
    const at = ref.table + <usize>slot * ENTRY_BYTES;
    const k = load<u64>(at);
    if (k == key || k == 0) return at;
    slot = (slot + 1) & ref.tableMask;
  }
  return 0;
}

/** Builds the spaced copies and the k-mer index. False when memory is exhausted. */
export function buildIndex(ref: Reference): bool {
  const k = load<i32>(ref.params + P_KMER_LENGTH);
  ref.kmerLength = k;
  let total: i64 = 0;
  for (let phase = 0; phase < 3; phase++) {
    const len = spacedLength(ref.length, phase);
    const ptr = scratchAlloc(<u64>len + 16);
    if (ptr == 0) return false;
    for (let s = 0; s < len; s++) store<u8>(ptr + <usize>s, load<u8>(ref.codes + <usize>naturalPos(s, phase)));
    if (phase == 0) { ref.spaced0 = ptr; ref.spacedLen0 = len; }
    else if (phase == 1) { ref.spaced1 = ptr; ref.spacedLen1 = len; }
    else { ref.spaced2 = ptr; ref.spacedLen2 = len; }
    if (len >= k) total += len - k + 1;
  }
  let capacity: u32 = 16;
  while (<i64>capacity < total * 2) capacity <<= 1;
  ref.tableMask = capacity - 1;
  ref.table = scratchAlloc(<u64>capacity * ENTRY_BYTES);
  ref.positions = scratchAlloc(<u64>total * 4 + 4);
  if (ref.table == 0 || ref.positions == 0) return false;
  memory.fill(ref.table, 0, <usize>capacity * ENTRY_BYTES);

  indexPass(ref, k, false);
  // Group starts; the fill cursor lives in bytes 24..27 of each entry.
  let next: u32 = 0;
  for (let slot: u32 = 0; slot < capacity; slot++) {
    const at = ref.table + <usize>slot * ENTRY_BYTES;
    if (load<u64>(at) == 0) continue;
    store<u32>(at, next, 8);
    store<u32>(at, 0, 24);
    next += load<u32>(at, 12) + load<u32>(at, 16) + load<u32>(at, 20);
  }
  indexPass(ref, k, true);
  // Nextclade visits the hits of a k-mer in suffix-array order; repeats are rare but order matters
  // for which overlapping seed gets extended first, so reproduce it.
  for (let slot: u32 = 0; slot < capacity; slot++) {
    const at = ref.table + <usize>slot * ENTRY_BYTES;
    if (load<u64>(at) == 0) continue;
    let start = load<u32>(at, 8);
    for (let phase = 0; phase < 3; phase++) {
      const count = load<u32>(at + 12 + (<usize>phase << 2));
      if (count >= 2) sortBySuffix(ref.positions + (<usize>start << 2), <i32>count, spacedPtr(ref, phase), spacedLen(ref, phase), k);
      start += count;
    }
  }
  return true;
}

/**
 * One pass over every k-mer of the three spaced copies, phase by phase. Counting (`fill` false):
 * inserts the key and bumps its count for that phase. Filling: writes the spaced index at the
 * key's fill cursor (bytes 24..27), so within an entry phase 0 hits come first, then 1, then 2.
 */
function indexPass(ref: Reference, k: i32, fill: bool): void {
  for (let phase = 0; phase < 3; phase++) {
    const ptr = spacedPtr(ref, phase);
    const len = spacedLen(ref, phase);
    for (let s = 0; s + k <= len; s++) {
      const key = packedKey(ptr + <usize>s, k);
      if (key == 0) continue;
      const at = findSlot(ref, key);
      if (fill) {
        const cursor = load<u32>(at, 24);
        store<u32>(ref.positions + ((<usize>(load<u32>(at, 8) + cursor)) << 2), <u32>s);
        store<u32>(at, cursor + 1, 24);
      } else {
        store<u64>(at, key);
        const counter = at + 12 + (<usize>phase << 2);
        store<u32>(counter, load<u32>(counter) + 1);
      }
    }
  }
}

/** Insertion sort of spaced positions by the suffix that follows (ASCII order, end of text first). */
function sortBySuffix(list: usize, count: i32, text: usize, len: i32, k: i32): void {
  for (let i = 1; i < count; i++) {
    const value = load<u32>(list + (<usize>i << 2));
    let j = i - 1;
    while (j >= 0 && suffixLess(text, len, <i32>value, <i32>load<u32>(list + (<usize>j << 2)), k)) {
      store<u32>(list + (<usize>(j + 1) << 2), load<u32>(list + (<usize>j << 2)));
      j--;
    }
    store<u32>(list + (<usize>(j + 1) << 2), value);
  }
}

function suffixLess(text: usize, len: i32, a: i32, b: i32, from: i32): bool {
  let i = from;
  while (true) {
    const aEnd = a + i >= len;
    const bEnd = b + i >= len;
    if (aEnd || bEnd) return aEnd && !bEnd;
    const ca = letterOf(load<u8>(text + <usize>(a + i)));
    const cb = letterOf(load<u8>(text + <usize>(b + i)));
    if (ca != cb) return ca < cb;
    i++;
  }
  return false;
}
