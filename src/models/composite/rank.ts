// Ranks (1 = highest score; tied scores share the best rank, "competition" ranking) and
// quantiles of a rank distribution kept as a histogram rather than as every run.

/**
 * Competition ranks of `scores`, highest first: rank = 1 + number of strictly higher scores.
 * `sorted` is scratch space of the same length (reused across Monte Carlo runs).
 */
export function ranksDescending(
  scores: Float64Array,
  out = new Int32Array(scores.length),
  sorted = new Float64Array(scores.length),
): Int32Array {
  const n = scores.length;
  sorted.set(scores);
  sorted.sort();
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    // first index whose value is > s, in ascending order
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= s) lo = mid + 1;
      else hi = mid;
    }
    out[i] = n - lo + 1;
  }
  return out;
}

/**
 * The p-quantile of a distribution over 1..bins from its counts (inverse empirical CDF,
 * Hyndman & Fan type 1): the smallest value whose cumulative count reaches p·total.
 */
export function histogramQuantile(
  counts: Int32Array,
  offset: number,
  bins: number,
  total: number,
  p: number,
): number {
  const need = p * total;
  let cumulative = 0;
  for (let b = 0; b < bins; b++) {
    cumulative += counts[offset + b]!;
    if (cumulative >= need && cumulative > 0) return b + 1;
  }
  return bins;
}
