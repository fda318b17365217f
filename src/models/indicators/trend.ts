// Change over time by a rule declared per indicator in advance (METHODS.md §4, after
// Scotland's National Performance Framework): a rule is data, resolved here by a switch.
import type { Polarity } from './compare.ts';

/** One observation of an indicator's series; limits where published. */
export interface Point {
  period: number;
  value: number;
  lower?: number;
  upper?: number;
}

/** A declared trend rule. Tolerances are relative (0.02 = 2%). */
export type TrendRule =
  | { kind: 'vs-mean-of-previous'; n: number; tolerance: number }
  | {
      kind: 'vs-target-trajectory';
      baseline: number;
      baselineYear: number;
      target: number;
      targetYear: number;
      tolerance: number;
    }
  | { kind: 'ci-change' };

/** Direction of change, in polarity terms when the indicator has one. */
export type TrendStatus =
  'improving' | 'maintaining' | 'worsening' | 'increasing' | 'decreasing' | 'no-change' | 'insufficient-data';

/** The verdict of a rule: status, on/off track for trajectory rules, and the numbers behind it. */
export interface TrendResult {
  status: TrendStatus;
  track?: 'on' | 'off';
  latest?: number;
  reference?: number;
  change?: number;
}

/** Applies a declared rule to a series (any order; sorted by period here). */
export function classifyTrend(series: readonly Point[], rule: TrendRule, polarity: Polarity): TrendResult {
  const points = series.filter((p) => Number.isFinite(p.value)).sort((a, b) => a.period - b.period);
  switch (rule.kind) {
    case 'vs-mean-of-previous':
      return vsMeanOfPrevious(points, rule.n, rule.tolerance, polarity);
    case 'vs-target-trajectory':
      return vsTrajectory(points, rule, polarity);
    case 'ci-change':
      return ciChange(points, polarity);
  }
  throw new Error(`invalid trend rule: ${(rule as { kind: unknown }).kind}`);
}

function vsMeanOfPrevious(points: Point[], n: number, tolerance: number, polarity: Polarity): TrendResult {
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`invalid trend rule n: ${n}`);
  if (points.length < n + 1) return { status: 'insufficient-data' };
  const latest = points[points.length - 1]!.value;
  let mean = 0;
  for (const p of points.slice(-n - 1, -1)) mean += p.value / n;
  const change = (latest - mean) / Math.abs(mean);
  return { status: changeStatus(change, tolerance, polarity), latest, reference: mean, change };
}

type Trajectory = Extract<TrendRule, { kind: 'vs-target-trajectory' }>;

// Status: change since the baseline; track: latest vs the straight line from baseline to target.
function vsTrajectory(points: Point[], rule: Trajectory, polarity: Polarity): TrendResult {
  if (polarity === 'none') throw new Error('a target trajectory needs a polarity');
  if (rule.targetYear === rule.baselineYear) throw new Error(`invalid trajectory years: ${rule.targetYear}`);
  const last = points[points.length - 1];
  if (!last) return { status: 'insufficient-data' };
  const share = (last.period - rule.baselineYear) / (rule.targetYear - rule.baselineYear);
  const expected = rule.baseline + share * (rule.target - rule.baseline);
  const sign = polarity === 'higher-is-better' ? 1 : -1;
  const slack = rule.tolerance * Math.abs(expected);
  const change = (last.value - rule.baseline) / Math.abs(rule.baseline);
  return {
    status: changeStatus(change, rule.tolerance, polarity),
    track: sign * (last.value - expected) >= -slack ? 'on' : 'off',
    latest: last.value,
    reference: expected,
    change,
  };
}

function ciChange(points: Point[], polarity: Polarity): TrendResult {
  if (points.length < 2) return { status: 'insufficient-data' };
  const [prev, last] = points.slice(-2) as [Point, Point];
  if (![prev.lower, prev.upper, last.lower, last.upper].every(Number.isFinite))
    return { status: 'insufficient-data', latest: last.value, reference: prev.value };
  const up = last.lower! > prev.upper!;
  const down = last.upper! < prev.lower!;
  const change = (last.value - prev.value) / Math.abs(prev.value);
  const status = up
    ? changeStatus(1, 0, polarity)
    : down
      ? changeStatus(-1, 0, polarity)
      : changeStatus(0, 0, polarity);
  return { status, latest: last.value, reference: prev.value, change };
}

/** The status of a relative change: a move only beyond ±tolerance, read through the polarity when there is one. */
export function changeStatus(change: number, tolerance: number, polarity: Polarity): TrendStatus {
  const moved = Math.abs(change) > tolerance ? Math.sign(change) : 0;
  if (polarity === 'none') return moved > 0 ? 'increasing' : moved < 0 ? 'decreasing' : 'no-change';
  const good = polarity === 'higher-is-better' ? moved : -moved;
  return good > 0 ? 'improving' : good < 0 ? 'worsening' : 'maintaining';
}
