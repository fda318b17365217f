// Summaries of a per-path series: percentiles (the linear-interpolation definition, Hyndman &
// Fan 1996 type 7, numpy's default), the mean, and the share of paths below a threshold. Order
// statistics are found by selection (Floyd & Rivest 1975) on a copy, not by sorting: a
// million paths need a few passes instead of n log n. Everything sums in path order, so the
// numbers do not depend on which thread simulated which path.

/** Percentiles every summary carries: a fan chart's bands p5, p10, p25, p50, p75, p90, p95. */
export const PERCENTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

/** Percentiles (PERCENTILES order), mean, and the count of values below the threshold. */
export interface Summary {
  p: number[];
  mean: number;
  below: number;
}

/** Summarises `values` (left unchanged); `scratch` (same length) is overwritten. Any NaN makes every figure NaN. */
export function summarise(values: Float64Array, scratch: Float64Array, threshold = -Infinity): Summary {
  const n = values.length;
  if (n === 0) throw new Error('cannot summarise no values');
  let sum = 0;
  let below = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v < threshold) below++;
  }
  if (Number.isNaN(sum)) return { p: PERCENTILES.map(() => NaN), mean: NaN, below: NaN };
  scratch.set(values);
  return { p: quantiles(scratch, PERCENTILES), mean: sum / n, below };
}

/** Type-7 quantiles at ascending probabilities; `a` is reordered. */
export function quantiles(a: Float64Array, probs: readonly number[]): number[] {
  const n = a.length;
  const ranks = new Set<number>();
  for (const q of probs) {
    if (!(q >= 0 && q <= 1)) throw new Error(`invalid probability: ${q}`);
    const lo = Math.floor((n - 1) * q);
    ranks.add(lo);
    if (lo + 1 < n) ranks.add(lo + 1);
  }
  multiSelect(
    a,
    [...ranks].sort((x, y) => x - y),
    0,
    n - 1,
  );
  return probs.map((q) => {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    return h === lo ? a[lo]! : a[lo]! + (h - lo) * (a[lo + 1]! - a[lo]!);
  });
}

// Puts every rank in `ranks` (ascending, within [left, right]) in its sorted place: select the
// middle rank, then recurse on each side with the ranks that fall there — about n·log2(ranks)
// work instead of n per rank.
function multiSelect(a: Float64Array, ranks: number[], left: number, right: number): void {
  if (ranks.length === 0 || right <= left) return;
  const mid = ranks.length >> 1;
  const k = ranks[mid]!;
  select(a, k, left, right);
  multiSelect(a, ranks.slice(0, mid), left, k - 1);
  multiSelect(a, ranks.slice(mid + 1), k + 1, right);
}

/** Floyd–Rivest selection: afterwards a[k] is the k-th smallest of a[left..right], smaller ones before it. */
export function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * Math.sign(i - n / 2);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      select(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Wilson's 90 % interval for a proportion k/n (Monte Carlo error of a probability). */
export function wilson90(k: number, n: number): [number, number] {
  const z = 1.6448536269514722;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [k === 0 ? 0 : Math.max(0, c - h), k === n ? 1 : Math.min(1, c + h)];
}
