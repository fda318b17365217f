// Employees' annual pay in an area as a split lognormal: ln X = m + σ_L z below the median
// (z < 0) and m + σ_H z above it, z standard normal, so the median is e^m and the lower and
// upper tails have their own dispersion (part-time pay makes the lower tail longer). It is a
// monotone transform of one normal, so shares and partial expectations are closed forms.
import { normalCdf } from './normal.ts';

/** A split lognormal: median pay and the log-dispersions below and above it. */
export interface PayDistribution {
  median: number;
  sigmaLow: number;
  sigmaHigh: number;
}

function zOf(d: PayDistribution, x: number): number {
  if (x <= 0) return -Infinity;
  const l = Math.log(x / d.median);
  return l / (l < 0 ? d.sigmaLow : d.sigmaHigh);
}

/** P(X ≤ x). */
export function payCdf(d: PayDistribution, x: number): number {
  if (x === Infinity) return 1;
  return normalCdf(zOf(d, x));
}

/** The pay at probability q. */
export function payQuantile(d: PayDistribution, z: number): number {
  return d.median * Math.exp(z * (z < 0 ? d.sigmaLow : d.sigmaHigh));
}

/** E[X · 1{X ≤ x}]: each half is a truncated lognormal, E[e^{m+σz}1{z ≤ a}] = e^{m+σ²/2} Φ(a − σ). */
export function partialMean(d: PayDistribution, x: number): number {
  const { median: M, sigmaLow: sl, sigmaHigh: sh } = d;
  const lowerHalf = M * Math.exp((sl * sl) / 2) * normalCdf(-sl);
  if (x <= 0) return 0;
  if (x === Infinity) return lowerHalf + M * Math.exp((sh * sh) / 2) * (1 - normalCdf(-sh));
  const a = zOf(d, x);
  if (a <= 0) return M * Math.exp((sl * sl) / 2) * normalCdf(a - sl);
  return lowerHalf + M * Math.exp((sh * sh) / 2) * (normalCdf(a - sh) - normalCdf(-sh));
}

/** E[(clip(X, lower, upper) − lower) · 1{a < X ≤ b}]: qualifying earnings over a pay range. */
export function bandedMean(d: PayDistribution, lower: number, upper: number, a: number, b: number): number {
  // split (a, b] at `upper`: below it the integrand is X − lower, above it the constant upper − lower
  const lo = Math.max(a, lower);
  const mid = Math.min(b, upper);
  let s = 0;
  if (mid > lo) s += partialMean(d, mid) - partialMean(d, lo) - lower * (payCdf(d, mid) - payCdf(d, lo));
  const top = Math.max(a, upper);
  if (b > top) s += (upper - lower) * (payCdf(d, b) - payCdf(d, top));
  return s;
}
