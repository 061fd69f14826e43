// Growable arrays of fixed-size records in the scratch region. Growing copies into a fresh block;
// the old block stays behind as scratch garbage (bounded by the final size).
import { scratchAlloc } from './memory';

// Unmanaged: the header lives in scratch memory too; nothing touches the runtime heap.
@unmanaged
export class Vec {
  ptr: usize;
  len: i32;
  cap: i32;
  recordBytes: i32;
}

/** A new empty vector in scratch memory, or null when memory is exhausted. */
export function newVec(recordBytes: i32, capacity: i32): Vec | null {
  const header = scratchAlloc(16);
  if (header == 0) return null;
  const v = changetype<Vec>(header);
  v.recordBytes = recordBytes;
  v.len = 0;
  v.cap = capacity;
  v.ptr = scratchAlloc(<u64>capacity * <u64>recordBytes);
  if (v.ptr == 0) return null;
  return v;
}

/** Returns the address of a new record at the end, or 0 when memory is exhausted. */
export function vecPush(v: Vec): usize {
  if (v.len == v.cap) {
    const cap = v.cap * 2 + 16;
    const ptr = scratchAlloc(<u64>cap * <u64>v.recordBytes);
    if (ptr == 0) return 0;
    memory.copy(ptr, v.ptr, <usize>v.len * <usize>v.recordBytes);
    v.ptr = ptr;
    v.cap = cap;
  }
  const at = v.ptr + <usize>v.len * <usize>v.recordBytes;
  v.len++;
  return at;
}

export function vecAt(v: Vec, i: i32): usize {
  return v.ptr + <usize>i * <usize>v.recordBytes;
}
