// Linear-memory arena. Two regions grow upwards from the heap base:
//  - permanent: references, their seed indexes, gap-open maps and parameters (kept across calls);
//  - scratch: everything one alignment needs, discarded wholesale at the start of the next call.
// No garbage-collected objects are used anywhere, so the AssemblyScript stub runtime suffices.

let permanentTop: usize = 0;
let scratchTop: usize = 0;

export function memoryInit(): void {
  permanentTop = (__heap_base + 15) & ~(<usize>15);
  scratchTop = permanentTop;
}

/** Grows the wasm memory so that [0, end) is addressable. False when the host refuses. */
function ensure(end: u64): bool {
  const have = (<u64>memory.size()) << 16;
  if (end <= have) return true;
  if (end > 0xffff0000) return false;
  const pages = <i32>((end - have + 0xffff) >> 16);
  return memory.grow(pages) >= 0;
}

/** Bump allocation in the scratch region; 0 when memory cannot grow. 16-byte aligned. */
export function scratchAlloc(bytes: u64): usize {
  const start = scratchTop;
  const end = ((<u64>start) + bytes + 15) & ~(<u64>15);
  if (!ensure(end)) return 0;
  scratchTop = <usize>end;
  return start;
}

export function scratchMark(): usize {
  return scratchTop;
}

export function scratchRelease(mark: usize): void {
  scratchTop = mark;
}

/** Drops every scratch allocation. */
export function scratchReset(): void {
  scratchTop = permanentTop;
}

/** Makes every scratch allocation made so far permanent (used while registering a reference). */
export function scratchKeep(): void {
  permanentTop = scratchTop;
}

/** Forgets all references and scratch data. */
export function memoryForgetAll(): void {
  permanentTop = (__heap_base + 15) & ~(<usize>15);
  scratchTop = permanentTop;
}
