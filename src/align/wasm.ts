/**
 * Loads the nucleotide core (`build/nuc.wasm`) with Node's own WebAssembly API and drives it.
 * One NucAligner = one wasm instance; it is single-threaded (the pool gives each thread its own).
 * (`@biowasm/aioli` is browser-only, hence the direct use of WebAssembly here.)
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AlignParams } from './params.js';
import { P, R, Status } from './wasm-layout.js';
import { alignErrorMessage } from './align-errors.js';
import type { NucInsertion } from './types.js';
import type { NucChanges } from './nuc-analysis.js';

interface CoreExports {
  memory: WebAssembly.Memory;
  init(): void;
  reset(): void;
  resultPtr(): number;
  inputBuffer(bytes: number): number;
  addReference(len: number): number;
  refParamsPtr(id: number): number;
  refGapOpenPtr(id: number): number;
  refLength(id: number): number;
  prepareReference(id: number): number;
  align(id: number, len: number): number;
  seedCover(id: number, len: number, reverse: number): number;
}

/** Cheap similarity (seeds only): fraction of the cleaned query covered by chained seeds. */
export interface SeedScore {
  seedCover: number;
  isReverseComplement: boolean;
}

/** Raw alignment as the core returns it (before nucleotide analysis). */
export interface CoreAlignment {
  alignedQuery: string;
  insertions: NucInsertion[];
  alignmentScore: number;
  isReverseComplement: boolean;
  hitBandBoundary: boolean;
  /** Nucleotide changes, computed in the core (same definition as `nucChanges`). */
  changes: NucChanges;
}

export type CoreResult = { ok: true; value: CoreAlignment } | { ok: false; error: string };

interface ReferenceSpec {
  sequence: string;
  gapOpen: Int32Array;
  params: AlignParams;
}

let compiled: WebAssembly.Module | null = null;

/** build/nuc.wasm, found from src/align (tsx) or dist/src/align (compiled). */
export function nucWasmPath(): string {
  for (const rel of ['../../build/nuc.wasm', '../../../build/nuc.wasm']) {
    const candidate = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('build/nuc.wasm not found: run `npm run build:wasm`');
}

function compiledModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(readFileSync(nucWasmPath()));
  return compiled;
}

/** Memory above this after a call is given back by starting a fresh instance (wasm memory never shrinks). */
const SHRINK_ABOVE_BYTES = 256 * 1024 * 1024;

const encoder = new TextEncoder();

export class NucAligner {
  private core!: CoreExports;
  private readonly references: ReferenceSpec[] = [];

  constructor() {
    this.instantiate();
  }

  private instantiate(): void {
    const instance = new WebAssembly.Instance(compiledModule(), {});
    this.core = instance.exports as unknown as CoreExports;
    this.core.init();
  }

  /** Registers a reference; returns its handle. Throws with a clear message on bad input. */
  addReference(sequence: string, gapOpen: Int32Array, params: AlignParams): number {
    const id = this.register({ sequence, gapOpen, params });
    this.references.push({ sequence, gapOpen, params });
    return id;
  }

  private register(spec: ReferenceSpec): number {
    const core = this.core;
    const len = this.writeInput(spec.sequence);
    const id = core.addReference(len);
    if (id < 0) throw new Error(alignErrorMessage(this.details()));
    const refLen = core.refLength(id);
    if (spec.gapOpen.length !== refLen + 2) {
      throw new Error(`gap-open map has ${spec.gapOpen.length} entries, expected ${refLen + 2}`);
    }
    new Int32Array(core.memory.buffer, core.refGapOpenPtr(id), refLen + 2).set(spec.gapOpen);
    writeParams(new DataView(core.memory.buffer, core.refParamsPtr(id), P.bytes), spec.params);
    const status = core.prepareReference(id);
    if (status !== Status.ok) throw new Error(alignErrorMessage(this.details()));
    return id;
  }

  align(id: number, sequence: string): CoreResult {
    let result: CoreResult;
    try {
      const len = this.writeInput(sequence);
      const status = this.core.align(id, len);
      result = status === Status.ok ? { ok: true, value: this.readAlignment() } : { ok: false, error: alignErrorMessage(this.details()) };
    } catch (error) {
      // A trap leaves the instance in an unknown state: start over with the same references.
      this.rebuild();
      return { ok: false, error: `Unable to align: internal aligner error (${(error as Error).message})` };
    }
    if (this.core.memory.buffer.byteLength > SHRINK_ABOVE_BYTES) this.rebuild();
    return result;
  }

  /** Seeds only, no DP: for choosing among references/segments. Zero when no seed chain qualifies. */
  seedScore(id: number, sequence: string, tryReverseComplement = true): SeedScore {
    try {
      const len = this.writeInput(sequence);
      const covered = this.core.seedCover(id, len, tryReverseComplement ? 1 : 0);
      const view = new DataView(this.core.memory.buffer, this.core.resultPtr(), R.bytes);
      const queryLength = view.getInt32(R.queryLength, true);
      if (covered <= 0 || queryLength === 0) return { seedCover: 0, isReverseComplement: false };
      return { seedCover: covered / queryLength, isReverseComplement: view.getInt32(R.reverseComplement, true) !== 0 };
    } catch {
      this.rebuild();
      return { seedCover: 0, isReverseComplement: false };
    }
  }

  private rebuild(): void {
    this.instantiate();
    for (const spec of this.references) this.register(spec);
  }

  private writeInput(text: string): number {
    // UTF-8: non-ASCII characters become bytes >= 0x80, which the core drops like the FASTA reader.
    const capacity = text.length * 3;
    const ptr = this.core.inputBuffer(capacity);
    if (ptr === 0) throw new Error(`cannot allocate ${capacity} bytes of input in the aligner`);
    const { written } = encoder.encodeInto(text, new Uint8Array(this.core.memory.buffer, ptr, capacity));
    return written;
  }

  private details() {
    const view = new DataView(this.core.memory.buffer, this.core.resultPtr(), R.bytes);
    return {
      status: view.getInt32(R.status, true),
      detail1: view.getInt32(R.detail1, true),
      detail2: view.getInt32(R.detail2, true),
      detailF1: view.getFloat64(R.detailF1, true),
      detailF2: view.getFloat64(R.detailF2, true),
    };
  }

  private readAlignment(): CoreAlignment {
    const buffer = this.core.memory.buffer;
    const view = new DataView(buffer, this.core.resultPtr(), R.bytes);
    const i32 = (offset: number) => view.getInt32(offset, true);
    const bytes = Buffer.from(buffer);
    const alignedPtr = i32(R.alignedPtr) >>> 0;
    const alignedQuery = bytes.toString('latin1', alignedPtr, alignedPtr + i32(R.alignedLen));
    const insertions: NucInsertion[] = [];
    const count = i32(R.insCount);
    if (count > 0) {
      const records = new Int32Array(buffer, i32(R.insRecordsPtr) >>> 0, count * 3);
      const lettersPtr = i32(R.insLettersPtr) >>> 0;
      for (let k = 0; k < count; k++) {
        const start = lettersPtr + records[3 * k + 1];
        insertions.push({ pos: records[3 * k], ins: bytes.toString('latin1', start, start + records[3 * k + 2]) });
      }
    }
    return {
      alignedQuery,
      insertions,
      alignmentScore: i32(R.score),
      isReverseComplement: i32(R.reverseComplement) !== 0,
      hitBandBoundary: i32(R.hitBoundary) !== 0,
      changes: readChanges(buffer, view, alignedQuery.length, insertions),
    };
  }
}

function writeParams(view: DataView, p: AlignParams): void {
  const set = (offset: number, value: number) => view.setInt32(offset, value, true);
  set(P.minLength, p.minLength);
  set(P.scoreMatch, p.scoreMatch);
  set(P.penaltyMismatch, p.penaltyMismatch);
  set(P.penaltyGapExtend, p.penaltyGapExtend);
  set(P.kmerLength, p.kmerLength);
  set(P.kmerDistance, p.kmerDistance);
  set(P.allowedMismatches, p.allowedMismatches);
  set(P.windowSize, p.windowSize);
  set(P.minMatchLength, p.minMatchLength);
  set(P.excessBandwidth, p.excessBandwidth);
  set(P.terminalBandwidth, p.terminalBandwidth);
  set(P.maxAlignmentAttempts, p.maxAlignmentAttempts);
  set(P.gapAlignmentLeft, p.gapAlignmentSide === 'left' ? 1 : 0);
  set(P.retryReverseComplement, p.retryReverseComplement ? 1 : 0);
  set(P.replaceUnknown, p.replaceUnknown ? 1 : 0);
  view.setFloat64(P.minSeedCover, p.minSeedCover, true);
  view.setFloat64(P.maxBandArea, p.maxBandArea, true);
}

function readChanges(buffer: ArrayBuffer, view: DataView, referenceLength: number, insertions: NucInsertion[]): NucChanges {
  const i32 = (offset: number) => view.getInt32(offset, true);
  const subsCount = i32(R.subsCount);
  const subs = subsCount > 0 ? new Int32Array(buffer, i32(R.subsPtr) >>> 0, subsCount * 2) : new Int32Array(0);
  const substitutions = new Array(subsCount);
  for (let k = 0; k < subsCount; k++) {
    const letters = subs[2 * k + 1];
    substitutions[k] = { refNuc: String.fromCharCode(letters & 0xff), pos: subs[2 * k], qryNuc: String.fromCharCode(letters >>> 8) };
  }
  const runsCount = i32(R.runsCount);
  const runs = runsCount > 0 ? new Int32Array(buffer, i32(R.runsPtr) >>> 0, runsCount * 3) : new Int32Array(0);
  const changes: NucChanges = {
    alignmentRange: { begin: i32(R.rangeBegin), end: i32(R.rangeEnd) },
    substitutions,
    deletions: [],
    missing: [],
    nonACGTNs: [],
    totalSubstitutions: subsCount,
    totalDeletions: 0,
    totalInsertions: insertions.reduce((sum, i) => sum + i.ins.length, 0),
    totalMissing: 0,
    totalNonACGTNs: 0,
    coverage: 0,
  };
  for (let k = 0; k < runsCount; k++) {
    const range = { begin: runs[3 * k], end: runs[3 * k + 1] };
    const letter = runs[3 * k + 2];
    const length = range.end - range.begin;
    if (letter === 45) {
      changes.deletions.push({ range });
      changes.totalDeletions += length;
    } else if (letter === 78) {
      changes.missing.push({ range, character: 'N' });
      changes.totalMissing += length;
    } else {
      changes.nonACGTNs.push({ range, character: String.fromCharCode(letter) });
      changes.totalNonACGTNs += length;
    }
  }
  const covered = changes.alignmentRange.end - changes.alignmentRange.begin - changes.totalMissing - changes.totalNonACGTNs;
  changes.coverage = referenceLength > 0 ? covered / referenceLength : 0;
  return changes;
}
