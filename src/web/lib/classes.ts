// Legend classes for the choropleth. A method is a name resolved once; the class ranges are
// printed beside the map so a skewed distribution shows in the legend, not only in the colours.

export type ClassMethod = 'quantile' | 'jenks' | 'lq' | 'fixed';

/** Classes as ascending upper bounds: value v falls in the first class whose bound ≥ v. */
export interface Classes {
  method: ClassMethod;
  /** k − 1 inner breaks, ascending. */
  breaks: number[];
  /** [min, max] of each class as observed (NaN for an empty class). */
  ranges: [number, number][];
  counts: number[];
  /** What the method does, in a sentence for the legend. */
  description: string;
}

/** Breaks at the quantiles: each class holds about the same number of areas. */
export function quantileBreaks(sorted: number[], k: number): number[] {
  const out: number[] = [];
  for (let c = 1; c < k; c++) {
    const i = (c * (sorted.length - 1)) / k;
    const lo = Math.floor(i);
    out.push(sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (i - lo));
  }
  return [...new Set(out)];
}

/**
 * Natural breaks: the split into k groups with the least within-group sum of squares, found
 * exactly by dynamic programming (Wang & Song 2011, "Ckmeans.1d.dp"); O(k·n²) is nothing for
 * a few hundred areas.
 */
export function jenksBreaks(sorted: number[], k: number): number[] {
  const n = sorted.length;
  k = Math.min(k, n);
  if (k < 2) return [];
  const pre = new Float64Array(n + 1);
  const pre2 = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    pre[i + 1] = pre[i]! + sorted[i]!;
    pre2[i + 1] = pre2[i]! + sorted[i]! * sorted[i]!;
  }
  // sse(i, j): sum of squares of sorted[i..j] about its mean
  const sse = (i: number, j: number) => {
    const s = pre[j + 1]! - pre[i]!;
    return pre2[j + 1]! - pre2[i]! - (s * s) / (j - i + 1);
  };
  let cost = Float64Array.from({ length: n }, (_, j) => sse(0, j));
  const back: Int32Array[] = [];
  for (let c = 1; c < k; c++) {
    const next = new Float64Array(n).fill(Infinity);
    const arg = new Int32Array(n);
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const v = cost[i - 1]! + sse(i, j);
        if (v < next[j]!) {
          next[j] = v;
          arg[j] = i;
        }
      }
    }
    back.push(arg);
    cost = next;
  }
  const starts: number[] = [];
  let j = n - 1;
  for (let c = k - 1; c >= 1; c--) {
    const i = back[c - 1]![j]!;
    starts.push(i);
    j = i - 1;
  }
  return starts.reverse().map((i) => (sorted[i - 1]! + sorted[i]!) / 2);
}

/** Location quotients: fixed breaks symmetric on a log scale around 1 (no specialisation). */
export const LQ_BREAKS = [1 / 1.5, 1 / 1.1, 1.1, 1.5];

/** The class index of a value (0-based). */
export function classOf(breaks: number[], v: number): number {
  let c = 0;
  while (c < breaks.length && v > breaks[c]!) c++;
  return c;
}

/** Classes of the given values by a method. */
export function classify(values: number[], method: ClassMethod, k = 5): Classes {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  let breaks: number[];
  let description: string;
  switch (method) {
    case 'quantile':
      breaks = quantileBreaks(sorted, k);
      description = `Quantile classes: each colour holds about one ${k === 5 ? 'fifth' : `in ${k}`} of the areas, so the ranges show how spread out the values are.`;
      break;
    case 'jenks':
      breaks = jenksBreaks(sorted, k);
      description =
        'Natural breaks (Jenks, computed exactly): classes group similar values, so a long tail gets its own classes.';
      break;
    case 'lq':
      breaks = LQ_BREAKS;
      description =
        'Location quotient: the layer’s share here divided by its share across all areas at this level. 1 means no specialisation; classes are symmetric on a ratio scale (×1.1, ×1.5).';
      break;
    default:
      throw new Error(`invalid class method: ${method as string}`);
  }
  return { method, breaks, ...tally(sorted, breaks), description };
}

/** Classes at breaks the caller chooses (a scale with a meaningful centre, such as 0 for a signed gap). */
export function fixedClasses(values: number[], breaks: number[], description: string): Classes {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return { method: 'fixed', breaks, ...tally(sorted, breaks), description };
}

/** Each class's range as observed and its count, for sorted values. */
function tally(sorted: number[], breaks: number[]): Pick<Classes, 'ranges' | 'counts'> {
  const ranges: [number, number][] = Array.from({ length: breaks.length + 1 }, () => [NaN, NaN]);
  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const v of sorted) {
    const c = classOf(breaks, v);
    counts[c]!++;
    const r = ranges[c]!;
    if (Number.isNaN(r[0])) r[0] = v;
    r[1] = v;
  }
  return { ranges, counts };
}
