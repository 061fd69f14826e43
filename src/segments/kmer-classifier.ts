/**
 * A fast k-mer classifier standing in for `nextclade sort` (minimizer) and `diamond`
 * (preprocessing-config.md §6.2; alignment.md §18 leaves their reimplementation open). Each
 * dataset reference is indexed by its canonical 13-mers (strand-independent, because Loculus
 * retries the reverse complement); a query scores the fraction of its 13-mers found in a
 * reference. Thresholds mirror the ones Loculus passes to `nextclade sort`: at least 2 hits and a
 * score of at least 0.05.
 */

const K = 13;
const MASK = (1 << (2 * K)) - 1;
const CODE = new Int8Array(128).fill(-1);
CODE['A'.charCodeAt(0)] = 0;
CODE['C'.charCodeAt(0)] = 1;
CODE['G'.charCodeAt(0)] = 2;
CODE['T'.charCodeAt(0)] = 3;
CODE['a'.charCodeAt(0)] = 0;
CODE['c'.charCodeAt(0)] = 1;
CODE['g'.charCodeAt(0)] = 2;
CODE['t'.charCodeAt(0)] = 3;

export const MIN_HITS = 2;
export const MIN_SCORE = 0.05;

/** Calls `visit` with every canonical k-mer (min of forward and reverse complement) of `seq`. */
function forEachCanonicalKmer(seq: string, visit: (kmer: number) => void): void {
  let forward = 0;
  let reverse = 0;
  let valid = 0;
  const shift = 2 * (K - 1);
  for (let i = 0; i < seq.length; i++) {
    const c = seq.charCodeAt(i);
    const code = c < 128 ? CODE[c] : -1;
    if (code < 0) {
      valid = 0;
      forward = 0;
      reverse = 0;
      continue;
    }
    forward = ((forward << 2) | code) & MASK;
    reverse = (reverse >>> 2) | ((3 - code) << shift);
    valid++;
    if (valid >= K) visit(forward < reverse ? forward : reverse);
  }
}

export class KmerIndex {
  private readonly kmers = new Set<number>();
  constructor(reference: string) {
    forEachCanonicalKmer(reference, (kmer) => this.kmers.add(kmer));
  }

  /** Hits and the fraction of the query's k-mers present in this reference. */
  score(query: string): { hits: number; score: number } {
    let total = 0;
    let hits = 0;
    forEachCanonicalKmer(query, (kmer) => {
      total++;
      if (this.kmers.has(kmer)) hits++;
    });
    return { hits, score: total === 0 ? 0 : hits / total };
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
  for (const [key, index] of indexes) {
    const result = index.score(query);
    scores[key] = result;
    if (result.hits < MIN_HITS || result.score < MIN_SCORE) continue;
    if (result.score > bestScore) {
      best = key;
      bestScore = result.score;
    }
  }
  return { best, scores };
}
