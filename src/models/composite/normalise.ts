// Normalisation of one indicator column (OECD/JRC Handbook 2008 §1.5; COINr `Normalise`).
// The direction is applied first, so every normalised indicator reads "higher is better".
import type { NormalisationMethod } from './pipeline.ts';

/** Fixed bounds for goalposts normalisation. */
export interface Goalposts {
  lower: number;
  upper: number;
}

/**
 * Normalises a column: `minmax` to [0, 100]; `goalposts` to [0, 100] between fixed bounds,
 * clipped (comparable across years); `zscore` (sample sd); `rank` (1 = worst, ties averaged).
 */
export function normalise(
  x: Float64Array,
  direction: 1 | -1,
  method: NormalisationMethod,
  goalposts?: Goalposts,
  name = 'indicator',
): Float64Array {
  switch (method) {
    case 'minmax':
      return minmax(x, direction, name);
    case 'goalposts':
      if (!goalposts) throw new Error(`goalposts missing for: ${name}`);
      return clippedGoalposts(x, direction, goalposts);
    case 'zscore':
      return zscore(x, direction, name);
    case 'rank':
      return averageRanks(x.map((v) => direction * v));
  }
  throw new Error(`invalid normalisation: ${method}`);
}

function minmax(x: Float64Array, direction: 1 | -1, name: string): Float64Array {
  const [min, max] = range(x);
  if (!(max > min)) throw new Error(`constant indicator: ${name}`);
  return x.map((v) => (direction === 1 ? (100 * (v - min)) / (max - min) : (100 * (max - v)) / (max - min)));
}

function clippedGoalposts(x: Float64Array, direction: 1 | -1, g: Goalposts): Float64Array {
  const span = g.upper - g.lower;
  return x.map((v) => {
    const s = direction === 1 ? (v - g.lower) / span : (g.upper - v) / span;
    return 100 * Math.min(1, Math.max(0, s));
  });
}

function zscore(x: Float64Array, direction: 1 | -1, name: string): Float64Array {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v / n;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  if (!(sd > 0)) throw new Error(`constant indicator: ${name}`);
  return x.map((v) => (direction * (v - mean)) / sd);
}

/** Ranks 1..n in ascending order of value, ties given the mean of the ranks they span. */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
  const out = new Float64Array(x.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && x[order[end]!] === x[order[start]!]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) out[order[k]!] = rank;
    start = end;
  }
  return out;
}

/**
 * A normalised column made strictly positive for the geometric mean, on [1, 100] as the JRC
 * rescale: min–max and goalposts scores map linearly (0 → 1, 100 → 100); z-scores and ranks
 * are min–max rescaled over the areas.
 */
export function positive(v: Float64Array, method: NormalisationMethod): Float64Array {
  switch (method) {
    case 'minmax':
    case 'goalposts':
      return v.map((s) => 1 + 0.99 * s);
    case 'zscore':
    case 'rank': {
      const [min, max] = range(v);
      return v.map((s) => (max > min ? 1 + (99 * (s - min)) / (max - min) : 100));
    }
  }
  throw new Error(`invalid normalisation: ${method}`);
}

function range(x: ArrayLike<number>): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    min = Math.min(min, x[i]!);
    max = Math.max(max, x[i]!);
  }
  return [min, max];
}
