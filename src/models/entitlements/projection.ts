// The trend of an indicator and the year it is projected to meet its floor: an ordinary least
// squares line through the published years; its uncertainty by Monte Carlo over the line's
// level and slope (independent in OLS when centred on the mean year), normal with their
// standard errors.
import { normal, type Random } from '../random.ts';

/** Where an area stands against a floor over time. */
export interface Projection {
  /** `met`: the latest value meets the floor; `projected`: the trend reaches it; `not-on-trend`: it does not; `insufficient-data`: fewer than two years. */
  kind: 'met' | 'projected' | 'not-on-trend' | 'insufficient-data';
  points: number;
  /** Change per year (the OLS slope), in the indicator's unit. */
  slope: number | null;
  year: number | null;
  /** 5th and 95th percentiles of the projected year; null when beyond any horizon (not reached on a drawn trend). */
  yearP05: number | null;
  yearP95: number | null;
  /** Share of draws reaching the floor by the year it should be met. */
  pByDeadline: number | null;
}

export interface Line {
  meanYear: number;
  meanValue: number;
  slope: number;
  seMean: number | null;
  seSlope: number | null;
}

/** The OLS line through (year, value) points; standard errors from the residuals when there are three or more. */
export function fitLine(points: readonly { year: number; value: number }[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  const meanYear = points.reduce((s, p) => s + p.year, 0) / n;
  const meanValue = points.reduce((s, p) => s + p.value, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.year - meanYear) ** 2;
    sxy += (p.year - meanYear) * (p.value - meanValue);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  if (n < 3) return { meanYear, meanValue, slope, seMean: null, seSlope: null };
  let sse = 0;
  for (const p of points) sse += (p.value - meanValue - slope * (p.year - meanYear)) ** 2;
  const s = Math.sqrt(sse / (n - 2));
  return { meanYear, meanValue, slope, seMean: s / Math.sqrt(n), seSlope: s / Math.sqrt(sxx) };
}

/** The year a line reaches the floor moving the right way (`sign` +1 rising to it, −1 falling to it), or Infinity. */
export function crossing(
  meanYear: number,
  meanValue: number,
  slope: number,
  floor: number,
  sign: 1 | -1,
): number {
  if (!(sign * slope > 0)) return Infinity;
  return meanYear + (floor - meanValue) / slope;
}

/** Projects when an area's series meets a floor (`direction` as declared), by `deadline`, with Monte Carlo limits. */
export function projectFloor(
  points: readonly { year: number; value: number }[],
  floor: number,
  direction: 'at-least' | 'at-most',
  deadline: number,
  rng: Random,
  runs: number,
): Projection {
  const pts = [...points].sort((a, b) => a.year - b.year);
  const last = pts.at(-1);
  const meets = (v: number) => (direction === 'at-least' ? v >= floor : v <= floor);
  const line = fitLine(pts);
  const base = {
    points: pts.length,
    slope: line?.slope ?? null,
    yearP05: null,
    yearP95: null,
    pByDeadline: null,
  };
  if (last && meets(last.value)) return { ...base, kind: 'met', year: last.year, pByDeadline: 1 };
  if (!line) return { ...base, kind: 'insufficient-data', year: null };
  const sign = direction === 'at-least' ? 1 : -1;
  // a fitted line already past the floor while the latest value is not: due now, not in the past
  const from = (y: number) => Math.max(y, last!.year);
  const year = from(crossing(line.meanYear, line.meanValue, line.slope, floor, sign));
  const kind = Number.isFinite(year) ? 'projected' : 'not-on-trend';
  if (line.seMean === null || line.seSlope === null) return { ...base, kind, year: finite(year) };
  const years = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    const m = line.meanValue + line.seMean * normal(rng);
    const b = line.slope + line.seSlope * normal(rng);
    years[r] = from(crossing(line.meanYear, m, b, floor, sign));
  }
  years.sort();
  const q = (p: number) => finite(years[Math.min(runs - 1, Math.floor(p * runs))]!);
  const onTime = years.reduce((c, y) => c + (y <= deadline ? 1 : 0), 0) / runs;
  return { ...base, kind, year: finite(year), yearP05: q(0.05), yearP95: q(0.95), pByDeadline: onTime };
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? Math.round(x * 10) / 10 : null;
}
