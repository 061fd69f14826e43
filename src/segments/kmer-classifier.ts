/**
 * A fast k-mer classifier standing in for `nextclade sort` (minimizer) and `diamond`
 * (preprocessing-config.md §6.2; alignment.md §18 leaves their reimplementation open). Each
 * dataset reference is indexed by codon-spaced seeds on both strands; a query scores the
 * fraction of its seeds found in a reference. Thresholds mirror the ones Loculus passes to
 * `nextclade sort`: at least 2 hits and a score of at least 0.05.
 */
import { reverseComplement } from '../analysis/nuc-letters.js';

/**
 * Codon-spaced seeds: an 18-nt window read as six codons, keeping the first two bases of each
 * (12 bases, 24 bits). Viral genotypes differ mostly at third codon positions, so these seeds keep
 * matching where contiguous k-mers of any useful length break (CCHFV genotypes differ by ~20%).
 */
const SPAN = 18;
const KEPT = [0, 1, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16];
const CODE = new Int8Array(128).fill(-1);
for (const [letter, code] of [['A', 0], ['C', 1], ['G', 2], ['T', 3]] as const) {
  CODE[letter.charCodeAt(0)] = code;
  CODE[letter.toLowerCase().charCodeAt(0)] = code;
}

export const MIN_HITS = 2;
export const MIN_SCORE = 0.05;

function codes(seq: string): Int8Array {
  const out = new Int8Array(seq.length);
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    out[i] = c < 128 ? CODE[c] : -1;
  }
  return out;
}

/** The spaced seed starting at every position whose kept bases are all ACGT. */
export function seedsOf(seq: string): number[] {
  const c = codes(seq);
  const seeds: number[] = [];
  for (let i = 0; i + SPAN <= c.length; i++) {
    let seed = 0;
    let valid = true;
    for (const offset of KEPT) {
      const code = c[i + offset];
      if (code < 0) {
        valid = false;
        break;
      }
      seed = (seed << 2) | code;
    }
    if (valid) seeds.push(seed);
  }
  return seeds;
}

export class KmerIndex {
  private readonly seeds = new Set<number>();
  constructor(reference: string) {
    // Both strands, so a reverse-complemented submission classifies too (Loculus retries it).
    for (const seed of seedsOf(reference)) this.seeds.add(seed);
    for (const seed of seedsOf(reverseComplement(reference.toUpperCase()))) this.seeds.add(seed);
  }

  /** Hits and the fraction of the query's seeds (`seedsOf`) present in this reference. */
  score(querySeeds: readonly number[]): { hits: number; score: number } {
    let hits = 0;
    for (const seed of querySeeds) if (this.seeds.has(seed)) hits++;
    return { hits, score: querySeeds.length === 0 ? 0 : hits / querySeeds.length };
  }
}

export interface Classification<K extends string> {
  best: K | null;
  scores: Record<string, { hits: number; score: number }>;
}

/** The dataset with the highest score among those passing the thresholds; null when none does. */
export function classify<Key extends string>(indexes: Map<Key, KmerIndex>, query: string): Classification<Key> {
  let best: Key | null = null;
  let bestScore = -1;
  const scores: Record<string, { hits: number; score: number }> = {};
  // The query's seeds once, looked up in every index.
  const seeds = seedsOf(query);
  for (const [key, index] of indexes) {
    const result = index.score(seeds);
    scores[key] = result;
    if (result.hits < MIN_HITS || result.score < MIN_SCORE) continue;
    if (result.score > bestScore) {
      best = key;
      bestScore = result.score;
    }
  }
  return { best, scores };
}
