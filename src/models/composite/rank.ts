// Ranks (1 = highest score; tied scores share the best rank, "competition" ranking) and
// quantiles of a rank distribution kept as a histogram rather than as every run.

/** Scratch space for `ranksDescending`, reused across Monte Carlo runs. */
export interface RankScratch {
  bucket: Int32Array;
  start: Int32Array;
  order: Int32Array;
  /** Lowest and highest score of the last call. */
  min: number;
  max: number;
}

/** Scratch space for ranking n scores. */
export function rankScratch(n: number): RankScratch {
  return {
    bucket: new Int32Array(n),
    start: new Int32Array(n + 1),
    order: new Int32Array(n),
    min: 0,
    max: 0,
  };
}

/**
 * Competition ranks of `scores`, highest first: rank = 1 + number of strictly higher scores.
 * A bucket sort: n equal-width buckets over [min, max], a counting pass to place each area in
 * its bucket, insertion sort inside buckets (about one area each; a crowded bucket falls back
 * to a comparison sort) — O(n) expected, against O(n log n) for a general sort.
 */
export function ranksDescending(
  scores: Float64Array,
  out: Int32Array = new Int32Array(scores.length),
  scratch: RankScratch = rankScratch(scores.length),
): Int32Array {
  const n = scores.length;
  const { bucket, start, order } = scratch;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  scratch.min = min;
  scratch.max = max;
  if (!(max > min)) return out.fill(1);
  const scale = n / (max - min);
  start.fill(0);
  for (let i = 0; i < n; i++) {
    const t = ((scores[i]! - min) * scale) | 0; // ≥ 0 and < 2³¹: truncation is floor
    const b = t < n ? t : n - 1;
    bucket[i] = b;
    start[b + 1]!++;
  }
  for (let b = 0; b < n; b++) start[b + 1]! += start[b]!;
  for (let i = 0; i < n; i++) order[start[bucket[i]!]!++] = i; // start[b] now ends bucket b
  for (let b = 0, from = 0; b < n; b++) {
    const to = start[b]!;
    if (to - from > 1) sortSlice(order, from, to, scores);
    from = to;
  }
  // walk from the top: equal scores share the rank of the first of them
  for (let k = n - 1, rank = 1; k >= 0; k--) {
    const i = order[k]!;
    if (k === n - 1 || scores[i]! !== scores[order[k + 1]!]!) rank = n - k;
    out[i] = rank;
  }
  return out;
}

function sortSlice(order: Int32Array, from: number, to: number, scores: Float64Array): void {
  if (to - from > 32) {
    order.subarray(from, to).sort((a, b) => scores[a]! - scores[b]!);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const i = order[k]!;
    const s = scores[i]!;
    let j = k - 1;
    while (j >= from && scores[order[j]!]! > s) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
  }
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
