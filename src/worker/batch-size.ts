/**
 * Adaptive batch size: keep each batch's wall time near a target far below the backend's stale
 * timeout — halve after a slow batch, grow by half after a fast full one — and keep memory under
 * a budget: up to three batches are held at once (one fetched ahead, one processed, one being
 * submitted), so memory follows batch size. Over the budget the size halves, but not below a
 * floor of 10 (the baseline — threads, datasets — does not depend on batch size, and tiny batches
 * would only cost requests); it only grows while resident memory is below 60 % of it.
 */
/**
 * Growth needs resident memory below this share of the budget: RSS is sampled after garbage
 * collection has caught up, and V8 lets the heap swell by a good third between full collections.
 */
const GROWTH_HEADROOM = 0.6;

export class AdaptiveBatchSize {
  #current: number;
  readonly min = 1;
  readonly max: number;
  readonly targetSeconds: number;

  readonly memoryBudgetBytes: number;
  /** Memory pressure alone never takes the size below this. */
  readonly memoryFloor: number;

  constructor(initial: number, max: number, targetSeconds: number, memoryBudgetBytes = Infinity) {
    this.max = Math.max(initial, max);
    this.#current = Math.min(initial, this.max);
    this.targetSeconds = targetSeconds;
    this.memoryBudgetBytes = memoryBudgetBytes;
    this.memoryFloor = Math.min(10, this.#current);
  }

  get current(): number {
    return this.#current;
  }

  /** Records how long a batch of `entries` took and the memory in use; returns the change, if any. */
  observe(entries: number, seconds: number, rssBytes = 0): { from: number; to: number; reason: 'slow' | 'memory' | 'fast' } | null {
    const from = this.#current;
    let reason: 'slow' | 'memory' | 'fast' = 'fast';
    if (rssBytes > this.memoryBudgetBytes && from > this.memoryFloor) {
      this.#current = Math.max(this.memoryFloor, Math.floor(from / 2));
      reason = 'memory';
    } else if (seconds > this.targetSeconds) {
      this.#current = Math.max(this.min, Math.floor(from / 2));
      reason = 'slow';
    } else if (entries >= from && seconds < this.targetSeconds / 4 && rssBytes < this.memoryBudgetBytes * GROWTH_HEADROOM) {
      this.#current = Math.min(this.max, Math.ceil(from * 1.5));
    }
    return this.#current === from ? null : { from, to: this.#current, reason };
  }
}
