// Mission status per area (METHODS.md §4): each indicator's latest value against its declared
// trajectory (or its target), with the probability of being on track from the value's interval;
// the indicators combined by the mission's rule.
import { normalCdf, zFor } from '../indicators/distributions.ts';
import { changeStatus, type TrendStatus } from '../indicators/trend.ts';
import type { Mission, MissionIndicator, Target, Baseline } from './schema.ts';

/** One value of an area's series, limits where known. */
export interface Point {
  year: number;
  value: number;
  lower?: number;
  upper?: number;
}

/** `not-yet-measurable`: the latest value is from the baseline year (or earlier); `no-data`: no baseline or no value. */
export type Track = 'on' | 'off' | 'not-yet-measurable' | 'no-data';

/** One indicator's verdict for one area, with the numbers behind it. */
export interface IndicatorStatus {
  indicator: string;
  baselineYear: number;
  baseline: number | null;
  targetYear: number;
  target: number | null;
  latestYear: number | null;
  latest: number | null;
  lower: number | null;
  upper: number | null;
  /** Where the trajectory (or the target, for target-met) puts the latest year. */
  expected: number | null;
  track: Track;
  /** `clear` when the whole 95% interval lies on one side of the line; `uncertain` when it straddles it. */
  confidence: 'clear' | 'uncertain' | 'no-interval' | null;
  /** P(on track) from a normal reading of the 95% interval; null without one. */
  pOnTrack: number | null;
  /** Change since the baseline, by polarity. */
  status: TrendStatus | null;
}

type Better = 'higher-is-better' | 'lower-is-better';

const Z95 = zFor(0.95);

/** The target value for an area, from its baseline. */
export function targetValue(t: Target, base: number): number {
  if (t.value !== undefined) return t.value;
  if (t.change !== undefined) return base * (1 + t.change);
  return base + t.by!;
}

/** An indicator's verdict for one area's series. */
export function indicatorStatus(
  points: readonly Point[],
  ind: Pick<MissionIndicator, 'id' | 'rule' | 'tolerance'> & { baseline: Baseline; target: Target },
  polarity: Better,
): IndicatorStatus {
  const pts = [...points].filter((p) => Number.isFinite(p.value)).sort((a, b) => a.year - b.year);
  const b = ind.baseline;
  const base = b.value ?? pts.find((p) => p.year === b.year)?.value ?? null;
  const last = pts.at(-1);
  const out: IndicatorStatus = {
    indicator: ind.id,
    baselineYear: b.year,
    baseline: base,
    targetYear: ind.target.year,
    target: base === null ? null : targetValue(ind.target, base),
    latestYear: last?.year ?? null,
    latest: last?.value ?? null,
    lower: last?.lower ?? null,
    upper: last?.upper ?? null,
    expected: null,
    track: 'no-data',
    confidence: null,
    pOnTrack: null,
    status: null,
  };
  if (base === null || !last || out.target === null) return out;
  out.status = changeStatus((last.value - base) / Math.abs(base), ind.tolerance, polarity);
  if (ind.rule === 'trajectory' && last.year <= b.year)
    return { ...out, expected: base, track: 'not-yet-measurable' };
  const share = Math.min(1, (last.year - b.year) / (ind.target.year - b.year));
  const expected = ind.rule === 'target-met' ? out.target : base + share * (out.target - base);
  return { ...out, expected, ...judge(last, expected, ind.tolerance, polarity) };
}

// On track when the value is at least as good as expected, allowing tolerance × |expected|.
function judge(p: Point, expected: number, tolerance: number, polarity: Better) {
  const sign = polarity === 'higher-is-better' ? 1 : -1;
  const slack = tolerance * Math.abs(expected);
  const margin = (x: number) => sign * (x - expected) + slack;
  const track: Track = margin(p.value) >= 0 ? 'on' : 'off';
  if (p.lower === undefined || p.upper === undefined || !(p.upper > p.lower))
    return { track, confidence: 'no-interval' as const, pOnTrack: null };
  const clear = Math.sign(margin(p.lower)) === Math.sign(margin(p.upper));
  const sd = (p.upper - p.lower) / (2 * Z95);
  return {
    track,
    confidence: clear ? ('clear' as const) : ('uncertain' as const),
    pOnTrack: normalCdf(margin(p.value) / sd),
  };
}

/** The mission's verdict for an area from its indicators, by the declared rule. */
export function missionTrack(statuses: readonly IndicatorStatus[], rule: Mission['status']): Track {
  const judged = statuses.filter((s) => s.track === 'on' || s.track === 'off');
  if (judged.length === 0)
    return statuses.some((s) => s.track === 'not-yet-measurable') ? 'not-yet-measurable' : 'no-data';
  const on = judged.filter((s) => s.track === 'on').length;
  switch (rule.rule) {
    case 'all':
      return on === judged.length ? 'on' : 'off';
    case 'majority':
      return on > judged.length / 2 ? 'on' : 'off';
    case 'share':
      return on / judged.length >= rule.share ? 'on' : 'off';
  }
  throw new Error(`invalid mission status rule: ${(rule as { rule: unknown }).rule}`);
}
