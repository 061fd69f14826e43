// Band construction from the seed chain (alignment.md §5): trapezoids of allowed diagonals along
// and between seeds, turned into one stripe [begin, end) of query columns per reference row, then
// regularised so every stripe is reachable.
import { Vec, vecAt } from './vec';
import { scratchAlloc } from './memory';

// Trapezoid: refStart, refEnd, minOffset, maxOffset (i32 x 4).
let traps: usize = 0;
let trapCount: i32 = 0;

// Output of the last build.
export let bandBegins: usize = 0; // i32 x (refLen + 1)
export let bandEnds: usize = 0; // i32 x (refLen + 1)
export let bandArea: f64 = 0;
export let bandOk: bool = false;

// Current trapezoid being built.
let cStart: i32 = 0;
let cEnd: i32 = 0;
let cMin: i32 = 0;
let cMax: i32 = 0;
let lookBack: i32 = 0;

function pushCurrent(): void {
  const at = traps + (<usize>trapCount << 4);
  store<i32>(at, cStart);
  store<i32>(at, cEnd, 4);
  store<i32>(at, cMin, 8);
  store<i32>(at, cMax, 12);
  trapCount++;
}

function popInto(): bool {
  if (trapCount == 0) return false;
  trapCount--;
  const at = traps + (<usize>trapCount << 4);
  cStart = load<i32>(at);
  cEnd = load<i32>(at, 4);
  cMin = load<i32>(at, 8);
  cMax = load<i32>(at, 12);
  return true;
}

function widenLookBack(meanOffset: i32): void {
  lookBack = max(max(lookBack, meanOffset - cMin), cMax - meanOffset);
}

/**
 * Adds the body trapezoid of `seed`, then rewinds earlier trapezoids that the look-back of the
 * coming gap reaches into, absorbing their width. Returns where the next trapezoid starts.
 */
function extendAndRewind(seed: usize, meanOffset: i32, lookForward: i32, lookBackIn: i32, minimalBandwidth: i32, refLen: i32): i32 {
  lookBack = lookBackIn;
  const seedRef = load<i32>(seed);
  const seedEnd = seedRef + load<i32>(seed, 8);
  const seedOffset = load<i32>(seed, 12);
  if (seedEnd > cEnd) {
    pushCurrent();
    cStart = cEnd;
    cEnd = seedEnd;
    cMin = seedOffset - minimalBandwidth;
    cMax = seedOffset + minimalBandwidth;
  }
  widenLookBack(meanOffset);
  while (cStart > max(0, seedEnd - lookBack - 1)) {
    if (!popInto()) {
      // Rewound past the beginning: restart with a terminal trapezoid.
      cStart = 0;
      cEnd = min(seedRef + lookForward, refLen + 1);
      cMin = seedOffset - lookBack;
      cMax = seedOffset + lookBack;
    }
    widenLookBack(meanOffset);
  }
  cEnd = max(0, seedEnd - lookBack);
  if (cEnd > cStart) pushCurrent();
  return cEnd;
}

/** Builds the band; false when memory is exhausted. bandOk is false when the trapezoids do not tile the rows. */
export function buildBand(chain: Vec, qryLen: i32, refLen: i32, terminalBandwidth: i32, excessBandwidth: i32, minimalBandwidth: i32): bool {
  traps = scratchAlloc(<u64>(2 * chain.len + 8) * 16);
  bandBegins = scratchAlloc(<u64>(refLen + 1) * 4);
  bandEnds = scratchAlloc(<u64>(refLen + 1) * 4);
  if (traps == 0 || bandBegins == 0 || bandEnds == 0) return false;
  trapCount = 0;

  let current = vecAt(chain, 0);
  let lookForward = terminalBandwidth;
  let currentOffset = load<i32>(current, 12);
  cStart = 0;
  cEnd = min(load<i32>(current) + lookForward, refLen + 1);
  cMin = currentOffset - terminalBandwidth;
  cMax = currentOffset + terminalBandwidth;
  lookBack = terminalBandwidth;
  let refEnd = 0;

  for (let i = 1; i < chain.len; i++) {
    const next = vecAt(chain, i);
    const nextOffset = load<i32>(next, 12);
    const meanOffset = (nextOffset + currentOffset) / 2; // truncates toward zero, as Rust's midpoint
    const shift = abs(nextOffset - currentOffset) / 2;
    lookForward = shift + excessBandwidth;
    refEnd = extendAndRewind(current, meanOffset, lookForward, shift + excessBandwidth, minimalBandwidth, refLen);
    const half = max(lookBack, excessBandwidth);
    cStart = refEnd;
    cEnd = load<i32>(next) + lookForward;
    cMin = meanOffset - half;
    cMax = meanOffset + half;
    current = next;
    currentOffset = nextOffset;
  }
  refEnd = extendAndRewind(current, currentOffset, lookForward, max(terminalBandwidth, lookBack), minimalBandwidth, refLen);
  cStart = refEnd;
  cEnd = refLen + 1;
  cMin = currentOffset - lookBack;
  cMax = currentOffset + lookBack;
  pushCurrent();

  // Stripes from the ordered trapezoids.
  let row = 0;
  const beginCap = max(0, qryLen - minimalBandwidth);
  for (let t = 0; t < trapCount; t++) {
    const at = traps + (<usize>t << 4);
    const start = load<i32>(at);
    const end = load<i32>(at, 4);
    const lo = load<i32>(at, 8);
    const hi = load<i32>(at, 12);
    for (let r = start; r < end; r++) {
      if (row > refLen) { bandOk = false; return true; }
      store<i32>(bandBegins + (<usize>row << 2), clamp(r + lo, 0, beginCap));
      store<i32>(bandEnds + (<usize>row << 2), clamp(r + hi, 0, qryLen) + 1);
      row++;
    }
  }
  if (row != refLen + 1) { bandOk = false; return true; }
  regularize(qryLen, refLen);
  bandOk = true;
  return true;
}

/** Every row allowed: the full matrix, used for short pairs. */
export function fullBand(qryLen: i32, refLen: i32): bool {
  bandBegins = scratchAlloc(<u64>(refLen + 1) * 4);
  bandEnds = scratchAlloc(<u64>(refLen + 1) * 4);
  if (bandBegins == 0 || bandEnds == 0) return false;
  for (let r = 0; r <= refLen; r++) {
    store<i32>(bandBegins + (<usize>r << 2), 0);
    store<i32>(bandEnds + (<usize>r << 2), qryLen + 1);
  }
  bandArea = <f64>(refLen + 1) * <f64>(qryLen + 1);
  bandOk = true;
  return true;
}

// @ts-ignore: decorator
@inline
function clamp(v: i32, lo: i32, hi: i32): i32 {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Begins non-decreasing from the top (row 0 starts at 0), ends non-decreasing from the bottom. */
function regularize(qryLen: i32, refLen: i32): void {
  store<i32>(bandBegins, 0);
  for (let r = 1; r <= refLen; r++) {
    const prev = load<i32>(bandBegins + (<usize>(r - 1) << 2));
    store<i32>(bandBegins + (<usize>r << 2), clamp(load<i32>(bandBegins + (<usize>r << 2)), prev, qryLen));
  }
  store<i32>(bandEnds + (<usize>refLen << 2), qryLen + 1);
  let area: f64 = <f64>(qryLen + 1 - load<i32>(bandBegins + (<usize>refLen << 2)));
  for (let r = refLen - 1; r >= 0; r--) {
    const begin = load<i32>(bandBegins + (<usize>r << 2));
    const next = load<i32>(bandEnds + (<usize>(r + 1) << 2));
    const end = clamp(load<i32>(bandEnds + (<usize>r << 2)), begin + 1, next);
    store<i32>(bandEnds + (<usize>r << 2), end);
    area += <f64>(end - begin);
  }
  bandArea = area;
}
