/** Small statistics for benchmark tables. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/**
 * RSS summary of a run sampled once a second: steady = median of the second half; flat when the
 * median of the last quarter is within 10 % (or 16 MiB) of the median of the second quarter;
 * null when the run was too short to tell.
 */
export function rssSummary(samples: number[], peak: number) {
  const half = samples.slice(Math.floor(samples.length / 2));
  const q2 = samples.slice(Math.floor(samples.length / 4), Math.floor(samples.length / 2));
  const q4 = samples.slice(Math.floor((samples.length * 3) / 4));
  const growth = q2.length && q4.length ? median(q4) - median(q2) : 0;
  // Fewer than 8 samples (a run of a few seconds) cannot show a trend.
  const flat = samples.length < 8 ? null : growth <= Math.max(16, 0.1 * median(q2));
  return { peak, steady: median(half), growth, flat, samples: samples.length };
}
