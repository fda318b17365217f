// The 5 % and 95 % points of a set of draws, as numpy's default (linear interpolation between
// order statistics, Hyndman & Fan type 7): the value at position h = (D − 1)·p of the sorted
// draws. The fast path keeps only the order statistics it needs — the ⌊h⌋ + 2 smallest in a
// max-heap and as many largest in a min-heap, one pass over the draws — instead of sorting;
// `percentileSorted` is the exact reference it is tested against.

/** Type-7 percentile of values already sorted ascending. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Heaps for `tails`, sized for a number of draws and reused call after call. */
export interface TailHeaps {
  low: Float64Array;
  high: Float64Array;
}

export function tailHeaps(draws: number, p: number): TailHeaps {
  const k = Math.floor((draws - 1) * p) + 2;
  return { low: new Float64Array(k), high: new Float64Array(k) };
}

/** Restores the max-heap h[0, k) below position i. */
function siftMax(h: Float64Array, k: number, i: number): void {
  const x = h[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= k) break;
    if (c + 1 < k && h[c + 1]! > h[c]!) c++;
    if (!(h[c]! > x)) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = x;
}

/** Restores the min-heap h[0, k) below position i. */
function siftMin(h: Float64Array, k: number, i: number): void {
  const x = h[i]!;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= k) break;
    if (c + 1 < k && h[c + 1]! < h[c]!) c++;
    if (!(h[c]! < x)) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = x;
}

/**
 * The type-7 p and 1 − p percentiles of v[0, n) (p < 0.5), without reordering v. Falls back to
 * sorting a copy when the draws are too few for the heaps to be worth it.
 */
export function tails(
  v: Float64Array,
  p: number,
  heaps: TailHeaps,
  out: Float64Array,
  n = v.length,
): Float64Array {
  const lowH = (n - 1) * p;
  const lo = Math.floor(lowH);
  const k = lo + 2;
  const highH = (n - 1) * (1 - p);
  const hi = Math.floor(highH);
  if (n === 0) {
    out[0] = out[1] = NaN;
    return out;
  }
  if (2 * k >= n || k > heaps.low.length) {
    const s = Float64Array.from(v.subarray(0, n)).sort();
    out[0] = percentileSorted(s, p);
    out[1] = percentileSorted(s, 1 - p);
    return out;
  }
  const { low, high } = heaps;
  for (let i = 0; i < k; i++) low[i] = high[i] = v[i]!;
  for (let i = (k >> 1) - 1; i >= 0; i--) {
    siftMax(low, k, i);
    siftMin(high, k, i);
  }
  let top = low[0]!;
  let bottom = high[0]!;
  for (let i = k; i < n; i++) {
    const x = v[i]!;
    if (x < top) {
      low[0] = x;
      siftMax(low, k, 0);
      top = low[0]!;
    }
    if (x > bottom) {
      high[0] = x;
      siftMin(high, k, 0);
      bottom = high[0]!;
    }
  }
  // low holds the k smallest: its root is s[lo + 1], the larger of its children s[lo].
  const a = k > 2 && low[2]! > low[1]! ? low[2]! : low[1]!;
  out[0] = a + (lowH - lo) * (top - a);
  // high holds the k largest, s[n − k] … s[n − 1]: its root is s[n − k], the smaller child s[n − k + 1];
  // ⌊(n − 1)(1 − p)⌋ is n − k, or n − k + 1 when (n − 1)p is a whole number (then no interpolation).
  const next = k > 2 && high[2]! < high[1]! ? high[2]! : high[1]!;
  const c = hi === n - k ? bottom : next;
  out[1] = highH > hi ? c + (highH - hi) * (next - c) : c;
  return out;
}
