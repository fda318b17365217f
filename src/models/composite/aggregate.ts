// Aggregation of normalised indicators (n areas × d indicators, row-major) with effective
// weights summing to 1 (OECD/JRC Handbook 2008 §1.6; COINr `Aggregate`).
import type { AggregationMethod } from './pipeline.ts';

/** Weighted arithmetic mean of each row: fully compensatory. */
export function arithmetic(
  m: Float64Array,
  n: number,
  d: number,
  w: Float64Array,
  out = new Float64Array(n),
): Float64Array {
  for (let i = 0, k = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++, k++) s += m[k]! * w[j]!;
    out[i] = s;
  }
  return out;
}

/** Weighted geometric mean of each row, Π x_j^w_j, from the logs of positive values (see `positive`). */
export function geometric(
  logs: Float64Array,
  n: number,
  d: number,
  w: Float64Array,
  out = new Float64Array(n),
): Float64Array {
  arithmetic(logs, n, d, w, out);
  for (let i = 0; i < n; i++) out[i] = Math.exp(out[i]!);
  return out;
}

/** sign(x_aj − x_bj) for every pair a < b and indicator j: what Copeland needs, computed once. */
export function pairSigns(m: Float64Array, n: number, d: number): Int8Array {
  const out = new Int8Array(((n * (n - 1)) / 2) * d);
  let k = 0;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      for (let j = 0; j < d; j++, k++) out[k] = Math.sign(m[a * d + j]! - m[b * d + j]!);
  return out;
}

/**
 * Copeland scores (JRC Handbook §1.6.3): area a beats b when the weight of the indicators on
 * which a is higher exceeds the weight of those on which b is higher (ties count half to each,
 * so they cancel); the score is wins minus losses. Non-compensatory: how much better does not
 * matter, only on how many (weighted) indicators.
 */
export function copeland(
  signs: Int8Array,
  n: number,
  d: number,
  w: Float64Array,
  out = new Float64Array(n),
): Float64Array {
  out.fill(0);
  let k = 0;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      let t = 0;
      for (let j = 0; j < d; j++, k++) t += signs[k]! * w[j]!;
      // weights are sums of doubles: treat differences at rounding level as a tie
      if (t > 1e-12) {
        out[a]! += 1;
        out[b]! -= 1;
      } else if (t < -1e-12) {
        out[a]! -= 1;
        out[b]! += 1;
      }
    }
  return out;
}

/** Resolves an aggregation by name over the forms it needs (normalised, logs of positive, pair signs). */
export function aggregate(
  method: AggregationMethod,
  forms: { normalised: Float64Array; logs: Float64Array; signs?: Int8Array },
  n: number,
  d: number,
  w: Float64Array,
  out = new Float64Array(n),
): Float64Array {
  switch (method) {
    case 'arithmetic':
      return arithmetic(forms.normalised, n, d, w, out);
    case 'geometric':
      return geometric(forms.logs, n, d, w, out);
    case 'copeland':
      return copeland(forms.signs ?? pairSigns(forms.normalised, n, d), n, d, w, out);
  }
  throw new Error(`invalid aggregation: ${method}`);
}
