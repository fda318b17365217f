// Projections Strata makes of an indicator, by a named and versioned method, so that a frozen
// projection can be made again on revised data (the data-revision part of a forecast error).
import type { Observation } from './rules.ts';

/** A projection method as recorded with a frozen projection. */
export type ProjectionMethod =
  | { id: 'linear-trend'; version: 1; window: number }
  | { id: 'mean-of-previous'; version: 1; window: number }
  | { id: 'last-value'; version: 1 };

/** `linear-trend@1`. */
export function methodLabel(m: ProjectionMethod): string {
  return `${m.id}@${m.version}`;
}

/** The value the method projects for `period` from the observations up to `lastPeriod`. */
export function project(
  m: ProjectionMethod,
  series: readonly Observation[],
  lastPeriod: number,
  period: number,
): number {
  if (period <= lastPeriod) throw new Error(`a projection is for a period after ${lastPeriod}: ${period}`);
  const known = series
    .filter((o) => o.period <= lastPeriod && Number.isFinite(o.value))
    .sort((a, b) => a.period - b.period);
  switch (m.id) {
    case 'linear-trend':
      return linearTrend(window(known, m.window, 2), period);
    case 'mean-of-previous':
      return mean(window(known, m.window, 1));
    case 'last-value':
      return window(known, 1, 1)[0]!.value;
  }
  throw new Error(`invalid projection method: ${(m as { id: unknown }).id}`);
}

function window(known: Observation[], n: number, least: number): Observation[] {
  if (!(Number.isInteger(n) && n >= least)) throw new Error(`invalid projection window: ${n}`);
  if (known.length < n)
    throw new Error(`a projection over ${n} periods needs ${n} values; ${known.length} known`);
  return known.slice(-n);
}

function mean(xs: Observation[]): number {
  let s = 0;
  for (const o of xs) s += o.value;
  return s / xs.length;
}

// Ordinary least squares of value on period, evaluated at `period`.
function linearTrend(xs: Observation[], period: number): number {
  const tBar = xs.reduce((s, o) => s + o.period, 0) / xs.length;
  const yBar = mean(xs);
  let sxy = 0;
  let sxx = 0;
  for (const o of xs) {
    sxy += (o.period - tBar) * (o.value - yBar);
    sxx += (o.period - tBar) ** 2;
  }
  if (sxx === 0) throw new Error('a linear trend needs values in at least two periods');
  return yBar + (sxy / sxx) * (period - tBar);
}
