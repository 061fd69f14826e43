/**
 * Pairwise alignment of a query peptide to the reference peptide (alignment.md §11 "Peptide
 * alignment"): no seeding, a fixed-width band around a diagonal estimated from the nucleotide gaps,
 * and the same affine, tie-ordered dynamic programme as the nucleotide aligner (§6–7) with the
 * amino-acid score table. Peptides are short (≤ a few thousand letters) and the band narrow, so
 * this runs in plain TypeScript: a 4 400-codon ORF1a with a half-width of 5 is ≈ 50 000 cells.
 */

export interface PeptideAlignParams {
  scoreMatch: number;
  penaltyMismatch: number;
  penaltyGapOpen: number;
  penaltyGapExtend: number;
  /** `gapAlignmentSide === 'left'`: ties prefer deletion > insertion > match (alignment.md §6). */
  preferGapsOnTies: boolean;
  leftTerminalGapsFree: boolean;
  rightTerminalGapsFree: boolean;
}

export interface PeptideBand {
  /** Reference row r is centred on query column r − meanShift. */
  meanShift: number;
  halfWidth: number;
}

export interface AlignedPair {
  query: string;
  reference: string;
}

const NEG = -1_000_000_000;
const ORIGIN_DIAG = 1;
const ORIGIN_INS = 2; // horizontal: query letter opposite a reference gap
const ORIGIN_DEL = 3; // vertical: reference letter opposite a query gap
const INS_EXTENDED = 4;
const DEL_EXTENDED = 8;

/** Letters that count as the same amino acid: ambiguity codes B (D/N), Z (E/Q), J (I/L). */
const EQUIVALENT: [string, string][] = [['B', 'D'], ['B', 'N'], ['Z', 'E'], ['Z', 'Q'], ['J', 'I'], ['J', 'L']];

function scoreTable(match: number, mismatch: number): Int32Array {
  const table = new Int32Array(128 * 128).fill(-mismatch);
  for (let c = 0; c < 128; c++) table[c * 128 + c] = match;
  for (const [a, b] of EQUIVALENT) {
    table[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = match;
    table[b.charCodeAt(0) * 128 + a.charCodeAt(0)] = match;
  }
  const x = 'X'.charCodeAt(0);
  for (let c = 0; c < 128; c++) {
    table[x * 128 + c] = match - 1;
    table[c * 128 + x] = match - 1;
  }
  return table;
}

const tableCache = new Map<string, Int32Array>();
function cachedScoreTable(match: number, mismatch: number): Int32Array {
  const key = `${match}/${mismatch}`;
  let table = tableCache.get(key);
  if (!table) {
    table = scoreTable(match, mismatch);
    tableCache.set(key, table);
  }
  return table;
}

function buildStripes(refLen: number, qryLen: number, band: PeptideBand): { begin: Int32Array; end: Int32Array } {
  const begin = new Int32Array(refLen + 1);
  const end = new Int32Array(refLen + 1);
  const shift = Math.round(band.meanShift);
  for (let r = 0; r <= refLen; r++) {
    const centre = r - shift;
    begin[r] = Math.min(Math.max(centre - band.halfWidth, 0), qryLen);
    end[r] = Math.min(Math.max(centre + band.halfWidth + 1, 1), qryLen + 1);
  }
  // Regularise by widening: begins never decrease and ends never decrease going down, the first
  // row starts at column 0 and the last row reaches the last column; each row touches the previous.
  begin[0] = 0;
  end[refLen] = qryLen + 1;
  for (let r = refLen - 1; r >= 0; r--) if (begin[r] > begin[r + 1]) begin[r] = begin[r + 1];
  for (let r = 1; r <= refLen; r++) {
    if (end[r] < end[r - 1]) end[r] = end[r - 1];
    if (begin[r] > end[r - 1]) begin[r] = end[r - 1];
  }
  return { begin, end };
}

export function alignPeptides(query: string, reference: string, band: PeptideBand, params: PeptideAlignParams): AlignedPair {
  const qryLen = query.length;
  const refLen = reference.length;
  const table = cachedScoreTable(params.scoreMatch, params.penaltyMismatch);
  const { begin, end } = buildStripes(refLen, qryLen, band);
  const qry = new Uint8Array(qryLen);
  for (let i = 0; i < qryLen; i++) qry[i] = query.charCodeAt(i) & 127;

  const rowOffset = new Int32Array(refLen + 2);
  for (let r = 0; r <= refLen; r++) rowOffset[r + 1] = rowOffset[r] + (end[r] - begin[r]);
  const paths = new Uint8Array(rowOffset[refLen + 1]);

  const open = params.penaltyGapOpen;
  const extend = params.penaltyGapExtend;
  const preferGaps = params.preferGapsOnTies;
  const leftFree = params.leftTerminalGapsFree;
  const rightFree = params.rightTerminalGapsFree;
  // Two rows of best scores and of deletion-state scores, alternating between halves.
  const width = qryLen + 1;
  const S = new Int32Array(2 * width).fill(NEG);
  const D = new Int32Array(2 * width).fill(NEG);

  // Row 0: only leading query letters (insertions before the first reference letter).
  for (let q = begin[0]; q < end[0]; q++) {
    const idx = rowOffset[0] + q - begin[0];
    if (q === 0) {
      S[0] = 0;
      paths[idx] = ORIGIN_DIAG;
      continue;
    }
    S[q] = leftFree ? 0 : -(open + extend * (q - 1));
    paths[idx] = ORIGIN_INS | (q > 1 ? INS_EXTENDED : 0);
  }

  for (let r = 1; r <= refLen; r++) {
    const rb = begin[r];
    const re = end[r];
    const pb = begin[r - 1];
    const pe = end[r - 1];
    const cur = (r & 1) * width;
    const prev = width - cur;
    const refRow = (reference.charCodeAt(r - 1) & 127) * 128;
    const lastRow = r === refLen;
    const insOpen = lastRow && rightFree ? 0 : open;
    const insExtend = lastRow && rightFree ? 0 : extend;
    // Columns whose diagonal / vertical predecessor lies inside the previous row's stripe.
    const diagLo = pb + 1;
    const diagHi = pe + 1;
    const rowBase = rowOffset[r] - rb;
    let ins = NEG;
    let q = rb;
    if (q === 0) {
      // Column 0: only deletions of leading reference letters.
      const s0 = leftFree ? 0 : -(open + extend * (r - 1));
      S[cur] = s0;
      D[cur] = s0;
      paths[rowBase] = ORIGIN_DEL | (r > 1 ? DEL_EXTENDED : 0);
      q = 1;
    }
    for (; q < re; q++) {
      let flags = 0;
      let origin = ORIGIN_DIAG;
      let best = q >= diagLo && q < diagHi ? S[prev + q - 1] + table[refRow + qry[q - 1]] : NEG;

      if (q > rb) {
        const opened = S[cur + q - 1] - insOpen;
        const extended = ins - insExtend;
        if (extended >= opened) {
          ins = extended;
          flags = INS_EXTENDED;
        } else ins = opened;
        if (ins > best || (preferGaps && ins === best)) {
          best = ins;
          origin = ORIGIN_INS;
        }
      }

      let del = NEG;
      if (q >= pb && q < pe) {
        const free = rightFree && q === qryLen;
        const opened = S[prev + q] - (free ? 0 : open);
        const extended = D[prev + q] - (free ? 0 : extend);
        if (extended >= opened) {
          del = extended;
          flags |= DEL_EXTENDED;
        } else del = opened;
        if (del > best || (preferGaps && del === best)) {
          best = del;
          origin = ORIGIN_DEL;
        }
      }
      S[cur + q] = best;
      D[cur + q] = del;
      paths[rowBase + q] = origin | flags;
    }
  }

  return backtrace(query, reference, begin, end, rowOffset, paths);
}

function backtrace(
  query: string,
  reference: string,
  begin: Int32Array,
  end: Int32Array,
  rowOffset: Int32Array,
  paths: Uint8Array,
): AlignedPair {
  const capacity = query.length + reference.length;
  const qryOut = new Uint8Array(capacity);
  const refOut = new Uint8Array(capacity);
  let k = capacity;
  let r = reference.length;
  let q = query.length;
  const GAP = 45;
  const pathAt = (row: number, col: number) =>
    col >= begin[row] && col < end[row] ? paths[rowOffset[row] + col - begin[row]] : ORIGIN_DIAG;
  let state = pathAt(r, q) & 3;
  while (r > 0 || q > 0) {
    k--;
    if (r === 0) {
      qryOut[k] = query.charCodeAt(--q);
      refOut[k] = GAP;
      continue;
    }
    if (q === 0) {
      qryOut[k] = GAP;
      refOut[k] = reference.charCodeAt(--r);
      continue;
    }
    const path = pathAt(r, q);
    if (state === ORIGIN_INS) {
      qryOut[k] = query.charCodeAt(q - 1);
      refOut[k] = GAP;
      q--;
      state = path & INS_EXTENDED ? ORIGIN_INS : pathAt(r, q) & 3;
    } else if (state === ORIGIN_DEL) {
      qryOut[k] = GAP;
      refOut[k] = reference.charCodeAt(r - 1);
      r--;
      state = path & DEL_EXTENDED ? ORIGIN_DEL : pathAt(r, q) & 3;
    } else {
      qryOut[k] = query.charCodeAt(q - 1);
      refOut[k] = reference.charCodeAt(r - 1);
      q--;
      r--;
      state = pathAt(r, q) & 3;
    }
  }
  return {
    query: Buffer.from(qryOut.buffer, k, capacity - k).toString('latin1'),
    reference: Buffer.from(refOut.buffer, k, capacity - k).toString('latin1'),
  };
}
