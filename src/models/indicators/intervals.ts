// Confidence limits for indicators, as Public Health England's Technical Guide: Confidence
// Intervals (2018) and PHEindicatormethods compute them (METHODS.md §4):
// Wilson score for proportions; Byar's approximation for counts and rates with O ≥ 10 and the
// exact Poisson (χ²) limits below 10.
import { poissonCdf, zFor } from './distributions.ts';

/** A value with its lower and upper confidence limits. */
export interface Interval {
  value: number;
  lower: number;
  upper: number;
}

/** Counts below this use exact Poisson limits, at or above it Byar's (PHE's rule). */
export const BYAR_MINIMUM = 10;

/** Wilson (1927) score interval for the proportion x/n (0–1); multiply the result for a percentage. */
export function wilson(x: number, n: number, confidence = 0.95): Interval {
  if (!(n > 0)) throw new Error(`invalid denominator: ${n}`);
  if (!(x >= 0 && x <= n)) throw new Error(`invalid numerator: ${x} of ${n}`);
  const z = zFor(confidence);
  const z2 = z * z;
  const half = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
  const denominator = 2 * (n + z2);
  return {
    value: x / n,
    lower: x === 0 ? 0 : (2 * x + z2 - half) / denominator,
    upper: x === n ? 1 : (2 * x + z2 + half) / denominator,
  };
}

/** Byar's approximation to the Poisson limits of an observed count (Breslow & Day 1987). */
export function byar(observed: number, confidence = 0.95): Interval {
  if (!(observed > 0)) throw new Error(`invalid count for Byar's method: ${observed}`);
  const z = zFor(confidence);
  const o = observed;
  const u = o + 1;
  return {
    value: o,
    lower: o * (1 - 1 / (9 * o) - z / (3 * Math.sqrt(o))) ** 3,
    upper: u * (1 - 1 / (9 * u) + z / (3 * Math.sqrt(u))) ** 3,
  };
}

/** Exact Poisson limits of a whole count: the means at which P(X ≥ O) and P(X ≤ O) equal α/2. */
export function poissonExact(observed: number, confidence = 0.95): Interval {
  if (!(Number.isInteger(observed) && observed >= 0)) throw new Error(`invalid count: ${observed}`);
  const tail = (1 - confidence) / 2;
  if (!(tail > 0 && tail < 0.5)) throw new Error(`invalid confidence level: ${confidence}`);
  const lower = observed === 0 ? 0 : solveMean((mu) => 1 - poissonCdf(observed - 1, mu) - tail, observed);
  const upper = solveMean((mu) => tail - poissonCdf(observed, mu), observed + 1);
  return { value: observed, lower, upper };
}

/** Limits of a count by PHE's rule: exact below 10, Byar's from 10. */
export function countInterval(observed: number, confidence = 0.95): Interval {
  return observed < BYAR_MINIMUM ? poissonExact(observed, confidence) : byar(observed, confidence);
}

/** A rate observed/denominator × multiplier (default per 100,000) with count limits scaled alike. */
export function rateInterval(
  observed: number,
  denominator: number,
  multiplier = 100000,
  confidence = 0.95,
): Interval {
  if (!(denominator > 0)) throw new Error(`invalid denominator: ${denominator}`);
  const c = countInterval(observed, confidence);
  const scale = multiplier / denominator;
  return { value: observed * scale, lower: c.lower * scale, upper: c.upper * scale };
}

// g(mu) rises with mu from below zero; bracket the root by doubling, then bisect to machine precision.
function solveMean(g: (mu: number) => number, start: number): number {
  let lo = 0;
  let hi = Math.max(1, start);
  while (g(hi) < 0) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (g(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
