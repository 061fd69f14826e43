/**
 * Adaptive batch size: keep each batch's wall time near a target far below the backend's stale
 * timeout — halve after a slow batch, grow by half after a fast full one.
 */
export class AdaptiveBatchSize {
  #current: number;
  readonly min = 1;
  readonly max: number;
  readonly targetSeconds: number;

  constructor(initial: number, max: number, targetSeconds: number) {
    this.max = Math.max(initial, max);
    this.#current = Math.min(initial, this.max);
    this.targetSeconds = targetSeconds;
  }

  get current(): number {
    return this.#current;
  }

  /** Records how long a batch of `entries` took; returns the change, if any. */
  observe(entries: number, seconds: number): { from: number; to: number } | null {
    const from = this.#current;
    if (seconds > this.targetSeconds) {
      this.#current = Math.max(this.min, Math.floor(from / 2));
    } else if (entries >= from && seconds < this.targetSeconds / 4) {
      this.#current = Math.min(this.max, Math.ceil(from * 1.5));
    }
    return this.#current === from ? null : { from, to: this.#current };
  }
}
