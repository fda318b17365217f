// Confidence limits at 95% and 99.8% for a registry indicator, by the method it declares
// (METHODS.md §4; PHE Technical Guide: Confidence Intervals): published limits, Wilson for a
// percentage with a known denominator, Byar (exact Poisson below 10) for a rate of events.
import { zFor } from '../indicators/distributions.ts';
import { rateInterval, wilson } from '../indicators/intervals.ts';

/** Lower and upper limits at the two PHE levels; null where they cannot be known. */
export interface BothLimits {
  lci95: number | null;
  uci95: number | null;
  lci998: number | null;
  uci998: number | null;
}

export const NO_LIMITS: BothLimits = { lci95: null, uci95: null, lci998: null, uci998: null };

const Z95 = zFor(0.95);
const Z998 = zFor(0.998);

/**
 * 99.8% limits from published 95% limits, each side scaled by z(0.999)/z(0.975) about the
 * value (a normal approximation: publishers give 95% only).
 */
export function fromPublished(value: number | null, lci95: number | null, uci95: number | null): BothLimits {
  if (value === null || lci95 === null || uci95 === null || !(lci95 <= value && value <= uci95))
    return { ...NO_LIMITS, lci95, uci95 };
  const k = Z998 / Z95;
  return { lci95, uci95, lci998: value - (value - lci95) * k, uci998: value + (uci95 - value) * k };
}

/** Wilson limits of a percentage `pct` of `n` (x = pct/100 · n), returned in per cent. */
export function wilsonPercent(pct: number | null, n: number | null): BothLimits {
  if (pct === null || n === null || !(n > 0) || !(pct >= 0 && pct <= 100)) return NO_LIMITS;
  const x = (pct / 100) * n;
  const a = wilson(x, n, 0.95);
  const b = wilson(x, n, 0.998);
  return { lci95: a.lower * 100, uci95: a.upper * 100, lci998: b.lower * 100, uci998: b.upper * 100 };
}

/**
 * Limits of a rate value = O / denominator × multiplier, where O is a count of events recovered
 * from the published rate (rounded to a whole number): Byar's method from 10, exact below.
 */
export function byarRate(value: number | null, denominator: number | null, multiplier: number): BothLimits {
  if (value === null || denominator === null || !(denominator > 0) || !(value >= 0)) return NO_LIMITS;
  const observed = Math.round((value * denominator) / multiplier);
  const a = rateInterval(observed, denominator, multiplier, 0.95);
  const b = rateInterval(observed, denominator, multiplier, 0.998);
  return { lci95: a.lower, uci95: a.upper, lci998: b.lower, uci998: b.upper };
}
