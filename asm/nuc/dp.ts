// Banded affine-gap DP with free end gaps and Nextclade's tie rules (alignment.md §6), storing one
// path byte per band cell and only two score rows, then the backtrace (§7).
import { scratchAlloc } from './memory';
import { bandBegins, bandEnds } from './band';

const MATCH: u8 = 1;
const REF_GAP_MATRIX: u8 = 2;
const QRY_GAP_MATRIX: u8 = 4;
const REF_GAP_EXTEND: u8 = 8;
const QRY_GAP_EXTEND: u8 = 16;
const BOUNDARY: u8 = 32;
const NO_ALIGN: i32 = -1000000000;

let paths: usize = 0; // band cells, row after row
let rowOffsets: usize = 0; // u32 x (refLen + 1): index of each row's first cell in `paths`
// Two rows of (score, best score ending in a query gap) i32 pairs, swapped after each row: the
// cell above and its vertical-gap state share a cache line.
let prevRow: usize = 0;
let curRow: usize = 0;
let profile: usize = 0; // i32 x 16 x 16: substitution score [ref][qry]

export let dpScore: i32 = 0;
export let dpHitBoundary: bool = false;
/** Aligned columns, written backwards: query code or 0, reference code or 0. */
export let alnQry: usize = 0;
export let alnRef: usize = 0;
export let alnLength: i32 = 0;
export let dpInternalError: i32 = 0;

export function substitutionTable(scoreMatch: i32, penaltyMismatch: i32): usize {
  profile = scratchAlloc(16 * 16 * 4);
  if (profile == 0) return 0;
  for (let r = 0; r < 16; r++) {
    for (let q = 0; q < 16; q++) {
      let s: i32;
      if (r == 15 || q == 15) s = scoreMatch - 1; // N: a weaker match, so that gaps prefer N
      else if ((r & q) != 0) s = scoreMatch;
      else s = -penaltyMismatch;
      store<i32>(profile + <usize>((r << 4) | q) * 4, s);
    }
  }
  return profile;
}

/**
 * Fills the band. `alnQry`/`alnRef` must have room for qryLen + refLen columns (allocated by the
 * caller so that a failed retry can keep the previous alignment). False when memory is exhausted.
 */
export function alignBand(
  qry: usize, qryLen: i32, ref: usize, refLen: i32, gapOpen: usize, area: f64,
  gapExtend: i32, left: bool, outQry: usize, outRef: usize,
): bool {
  paths = scratchAlloc(<u64>area + 16);
  rowOffsets = scratchAlloc(<u64>(refLen + 1) * 4);
  prevRow = scratchAlloc(<u64>(qryLen + 1) * 8);
  curRow = scratchAlloc(<u64>(qryLen + 1) * 8);
  if (paths == 0 || rowOffsets == 0 || prevRow == 0 || curRow == 0) return false;

  let offset: u32 = 0;
  for (let r = 0; r <= refLen; r++) {
    store<u32>(rowOffsets + (<usize>r << 2), offset);
    offset += <u32>(load<i32>(bandEnds + (<usize>r << 2)) - load<i32>(bandBegins + (<usize>r << 2)));
  }
  for (let q = 0; q <= qryLen; q++) {
    store<i32>(prevRow + (<usize>q << 3), NO_ALIGN, 4);
    store<i32>(curRow + (<usize>q << 3), NO_ALIGN, 4);
  }

  // Row 0: leading query overhang is free.
  {
    const b = load<i32>(bandBegins);
    const e = load<i32>(bandEnds);
    store<u8>(paths, 0);
    store<i32>(prevRow, 0);
    for (let q = b + 1; q < e; q++) {
      store<u8>(paths + <usize>(q - b), REF_GAP_EXTEND + REF_GAP_MATRIX);
      store<i32>(prevRow + (<usize>q << 3), 0);
    }
  }

  const leftAlign: i32 = left ? 1 : 0;
  for (let ri = 1; ri <= refLen; ri++) {
    const b = load<i32>(bandBegins + (<usize>ri << 2));
    const e = load<i32>(bandEnds + (<usize>ri << 2));
    const pb = load<i32>(bandBegins + (<usize>(ri - 1) << 2));
    const pe = load<i32>(bandEnds + (<usize>(ri - 1) << 2));
    const ppe = ri >= 2 ? load<i32>(bandEnds + (<usize>(ri - 2) << 2)) : 0;
    const rowPaths = paths + <usize>load<u32>(rowOffsets + (<usize>ri << 2)) - <usize>b;
    const goIns = load<i32>(gapOpen + (<usize>ri << 2));
    const goDel = load<i32>(gapOpen + (<usize>(ri - 1) << 2));
    const prof = profile + (<usize>load<u8>(ref + <usize>(ri - 1)) << 6);
    const lastRow = ri == refLen;

    // Cells with a diagonal and a vertical predecessor take the fast path; extension permissions
    // (which depend on the stripes two rows up and one cell left) are checked per cell there.
    // Edge cells, the first column and the last row (free end gaps) go through generalCell.
    let lo = max(max(b + 1, pb + 1), 1);
    let hi = min(pe, qryLen);
    if (lastRow || hi < lo) { lo = e; hi = e; }

    let refGaps = NO_ALIGN;
    let q = b;
    const firstEnd = min(lo, e);
    for (; q < firstEnd; q++) refGaps = generalCell(ri, q, b, pb, pe, ppe, refLen, qryLen, qry, prof, goIns, goDel, gapExtend, leftAlign, refGaps, rowPaths);

    if (q < hi) {
      let left = load<i32>(curRow + (<usize>(q - 1) << 3));
      let diagPrev = load<i32>(prevRow + (<usize>(q - 1) << 3));
      const refExtendFrom = b + 2;
      for (; q < hi; q++) {
        const above = prevRow + (<usize>q << 3);
        const here = curRow + (<usize>q << 3);
        const up = load<i32>(above);
        const diag = diagPrev + load<i32>(prof + (<usize>load<u8>(qry + <usize>(q - 1)) << 2));
        diagPrev = up;
        let path: u8 = 0;
        let rg = left - goIns;
        const rExt = refGaps - gapExtend;
        if (rExt >= rg && q >= refExtendFrom) { rg = rExt; path = REF_GAP_EXTEND; }
        refGaps = rg;
        let qg = up - goDel;
        const qExt = load<i32>(above, 4) - gapExtend;
        if (qExt >= qg && q < ppe) { qg = qExt; path |= QRY_GAP_EXTEND; }
        store<i32>(here, qg, 4);
        let score = diag;
        let origin = MATCH;
        if (rg + leftAlign > score) { score = rg; origin = REF_GAP_MATRIX; }
        if (qg + leftAlign > score) { score = qg; origin = QRY_GAP_MATRIX; }
        store<u8>(rowPaths + <usize>q, path | origin);
        store<i32>(here, score);
        left = score;
      }
    }
    for (; q < e; q++) refGaps = generalCell(ri, q, b, pb, pe, ppe, refLen, qryLen, qry, prof, goIns, goDel, gapExtend, leftAlign, refGaps, rowPaths);

    const swap = prevRow;
    prevRow = curRow;
    curRow = swap;
  }
  dpScore = load<i32>(prevRow + (<usize>qryLen << 3));
  return backtrace(qry, qryLen, ref, refLen, outQry, outRef);
}

/** One cell with all the stripe and terminal-gap rules; returns the updated reference-gap state. */
// @ts-ignore: decorator
@inline
function generalCell(
  ri: i32, q: i32, b: i32, pb: i32, pe: i32, ppe: i32, refLen: i32, qryLen: i32, qry: usize, prof: usize,
  goIns: i32, goDel: i32, gapExtend: i32, leftAlign: i32, refGapsIn: i32, rowPaths: usize,
): i32 {
  let refGaps = refGapsIn;
  let path: u8 = 0;
  let score = NO_ALIGN;
  let origin: u8 = 0;
  if (q == 0) {
    // Leading reference overhang (query starts later) is free.
    path = QRY_GAP_EXTEND;
    origin = QRY_GAP_MATRIX;
    score = 0;
  } else {
    if (q > pb && q <= pe) {
      score = load<i32>(prevRow + (<usize>(q - 1) << 3)) + load<i32>(prof + (<usize>load<u8>(qry + <usize>(q - 1)) << 2));
      origin = MATCH;
    } else {
      path |= BOUNDARY;
    }
    if (q > b) {
      let rExt: i32;
      let rOpen: i32;
      if (ri != refLen) {
        rExt = refGaps - gapExtend;
        rOpen = load<i32>(curRow + (<usize>(q - 1) << 3)) - goIns;
      } else {
        // Trailing query overhang is free.
        rExt = refGaps;
        rOpen = load<i32>(curRow + (<usize>(q - 1) << 3));
      }
      let t: i32;
      if (rExt >= rOpen && q > b + 1) { t = rExt; path += REF_GAP_EXTEND; }
      else t = rOpen;
      refGaps = t;
      if (score - leftAlign < t) { score = t; origin = REF_GAP_MATRIX; }
    } else if (ri < refLen) {
      path |= BOUNDARY;
    }
    if (q < pe) {
      let qExt: i32;
      let qOpen: i32;
      if (q != qryLen) {
        qExt = load<i32>(prevRow + (<usize>q << 3), 4) - gapExtend;
        qOpen = load<i32>(prevRow + (<usize>q << 3)) - goDel;
      } else {
        // Query ended: trailing reference overhang is free.
        qExt = load<i32>(prevRow + (<usize>q << 3), 4);
        qOpen = load<i32>(prevRow + (<usize>q << 3));
      }
      let t: i32;
      if (qExt >= qOpen && q < ppe) { t = qExt; path += QRY_GAP_EXTEND; }
      else t = qOpen;
      store<i32>(curRow + (<usize>q << 3), t, 4);
      if (score - leftAlign < t) { score = t; origin = QRY_GAP_MATRIX; }
    } else if (q < qryLen) {
      store<i32>(curRow + (<usize>q << 3), NO_ALIGN, 4);
      path |= BOUNDARY;
    }
  }
  store<u8>(rowPaths + <usize>q, path + origin);
  store<i32>(curRow + (<usize>q << 3), score);
  return refGaps;
}

function backtrace(qry: usize, qryLen: i32, ref: usize, refLen: i32, outQry: usize, outRef: usize): bool {
  let r = refLen;
  let q = qryLen;
  let n = 0;
  let state: u8 = 0;
  let boundary = false;
  dpInternalError = 0;
  while (r > 0 || q > 0) {
    const b = load<i32>(bandBegins + (<usize>r << 2));
    const e = load<i32>(bandEnds + (<usize>r << 2));
    if (q < b || q >= e) { dpInternalError = 1; break; }
    const origin = load<u8>(paths + <usize>load<u32>(rowOffsets + (<usize>r << 2)) + <usize>(q - b));
    if ((origin & BOUNDARY) != 0) boundary = true;
    if ((origin & MATCH) != 0 && state == 0) {
      q--;
      r--;
      store<u8>(outQry + <usize>n, load<u8>(qry + <usize>q));
      store<u8>(outRef + <usize>n, load<u8>(ref + <usize>r));
    } else if (((origin & REF_GAP_MATRIX) != 0 && state == 0) || state == REF_GAP_MATRIX) {
      if (q == 0) { dpInternalError = 2; break; }
      q--;
      store<u8>(outQry + <usize>n, load<u8>(qry + <usize>q));
      store<u8>(outRef + <usize>n, 0);
      state = (origin & REF_GAP_EXTEND) != 0 ? REF_GAP_MATRIX : 0;
    } else if (((origin & QRY_GAP_MATRIX) != 0 && state == 0) || state == QRY_GAP_MATRIX) {
      if (r == 0) { dpInternalError = 3; break; }
      r--;
      store<u8>(outQry + <usize>n, 0);
      store<u8>(outRef + <usize>n, load<u8>(ref + <usize>r));
      state = (origin & QRY_GAP_EXTEND) != 0 ? QRY_GAP_MATRIX : 0;
    } else {
      dpInternalError = 4;
      break;
    }
    n++;
  }
  alnQry = outQry;
  alnRef = outRef;
  alnLength = n;
  dpHitBoundary = boundary;
  return true;
}
