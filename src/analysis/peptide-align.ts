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

  const rowOffset = new Int32Array(refLen + 2);
  for (let r = 0; r <= refLen; r++) rowOffset[r + 1] = rowOffset[r] + (end[r] - begin[r]);
  const paths = new Uint8Array(rowOffset[refLen + 1]);

  const open = params.penaltyGapOpen;
  const extend = params.penaltyGapExtend;
  let prevS = new Int32Array(qryLen + 1).fill(NEG);
  let prevDel = new Int32Array(qryLen + 1).fill(NEG);
  let curS = new Int32Array(qryLen + 1).fill(NEG);
  let curDel = new Int32Array(qryLen + 1).fill(NEG);

  // Row 0: only leading query letters (insertions before the first reference letter).
  for (let q = begin[0]; q < end[0]; q++) {
    const idx = rowOffset[0] + q - begin[0];
    if (q === 0) {
      prevS[0] = 0;
      paths[idx] = ORIGIN_DIAG;
      continue;
    }
    prevS[q] = params.leftTerminalGapsFree ? 0 : -(open + extend * (q - 1));
    paths[idx] = ORIGIN_INS | (q > 1 ? INS_EXTENDED : 0);
  }

  for (let r = 1; r <= refLen; r++) {
    const rb = begin[r];
    const re = end[r];
    const pb = begin[r - 1];
    const pe = end[r - 1];
    const refCode = reference.charCodeAt(r - 1) * 128;
    const lastRow = r === refLen;
    const insOpen = lastRow && params.rightTerminalGapsFree ? 0 : open;
    const insExtend = lastRow && params.rightTerminalGapsFree ? 0 : extend;
    let ins = NEG;
    const rowBase = rowOffset[r] - rb;
    for (let q = rb; q < re; q++) {
      if (q === 0) {
        // Column 0: only deletions of leading reference letters.
        const s = params.leftTerminalGapsFree ? 0 : -(open + extend * (r - 1));
        curS[0] = s;
        curDel[0] = s;
        paths[rowBase] = ORIGIN_DEL | (r > 1 ? DEL_EXTENDED : 0);
        continue;
      }
      let flags = 0;
      let best = NEG;
      let origin = ORIGIN_DIAG;
      if (q - 1 >= pb && q - 1 < pe) best = prevS[q - 1] + table[refCode + query.charCodeAt(q - 1)];

      if (q - 1 >= rb) {
        const opened = curS[q - 1] - insOpen;
        const extended = ins - insExtend;
        if (extended >= opened) {
          ins = extended;
          flags |= INS_EXTENDED;
        } else ins = opened;
        if (ins > best || (ins === best && params.preferGapsOnTies)) {
          best = ins;
          origin = ORIGIN_INS;
        }
      } else ins = NEG;

      let del = NEG;
      if (q >= pb && q < pe) {
        const lastColumn = q === qryLen && params.rightTerminalGapsFree;
        const opened = prevS[q] - (lastColumn ? 0 : open);
        const extended = prevDel[q] - (lastColumn ? 0 : extend);
        if (extended >= opened) {
          del = extended;
          flags |= DEL_EXTENDED;
        } else del = opened;
        if (del > best || (del === best && params.preferGapsOnTies)) {
          best = del;
          origin = ORIGIN_DEL;
        }
      }
      curS[q] = best;
      curDel[q] = del;
      paths[rowBase + q] = origin | flags;
    }
    [prevS, curS] = [curS, prevS];
    [prevDel, curDel] = [curDel, prevDel];
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
  const qryOut: string[] = [];
  const refOut: string[] = [];
  let r = reference.length;
  let q = query.length;
  const pathAt = (row: number, col: number) =>
    col >= begin[row] && col < end[row] ? paths[rowOffset[row] + col - begin[row]] : ORIGIN_DIAG;
  let state = pathAt(r, q) & 3;
  while (r > 0 || q > 0) {
    if (r === 0) {
      qryOut.push(query[--q]);
      refOut.push('-');
      continue;
    }
    if (q === 0) {
      qryOut.push('-');
      refOut.push(reference[--r]);
      continue;
    }
    const path = pathAt(r, q);
    if (state === ORIGIN_INS) {
      qryOut.push(query[q - 1]);
      refOut.push('-');
      q--;
      state = path & INS_EXTENDED ? ORIGIN_INS : pathAt(r, q) & 3;
    } else if (state === ORIGIN_DEL) {
      qryOut.push('-');
      refOut.push(reference[r - 1]);
      r--;
      state = path & DEL_EXTENDED ? ORIGIN_DEL : pathAt(r, q) & 3;
    } else {
      qryOut.push(query[q - 1]);
      refOut.push(reference[r - 1]);
      q--;
      r--;
      state = pathAt(r, q) & 3;
    }
  }
  return { query: qryOut.reverse().join(''), reference: refOut.reverse().join('') };
}
