// Declared, versioned status rules for commitments with an indicator (METHODS.md §9; in the style
// of the "criteria for change" of Scotland's National Performance Framework). A rule is data — an
// id, a version and parameters — resolved here once by a switch; the rule is shown beside the
// status it gives, so anyone can apply it again by hand.
import type { Status } from './vocabulary.ts';

/** One observation of the commitment's indicator for its area. */
export interface Observation {
  period: number;
  value: number;
}

/** Which way the commitment wants the indicator to move. */
export type Direction = 'increase' | 'decrease';

/** How far a value must move before it counts: in the unit (`absolute`, e.g. 0.1 pp) or as a share (`relative`). */
export interface Threshold {
  amount: number;
  kind: 'absolute' | 'relative';
}

/** A rule as written in a register file. */
export type RuleSpec =
  | { id: 'trajectory'; version: 1; tolerance: Threshold; previous: number; change: Threshold }
  | { id: 'target-met'; version: 1; previous: number; change: Threshold }
  | { id: 'criteria-for-change'; version: 1; previous: number; change: Threshold };

/** The measurable part of a commitment: from a baseline to a target by a deadline period. */
export interface Measure {
  direction: Direction;
  baseline: { period: number; value: number } | null;
  target: { period: number; value: number } | null;
  /** The period whose value settles the commitment (the target's, or the deadline's year). */
  deadline: number;
}

/** A rule's verdict with the numbers behind it and a sentence saying how it was reached. */
export interface Verdict {
  status: Status;
  rule: string;
  latest: Observation | null;
  expected: number | null;
  reason: string;
}

/** The rule's name and version as shown beside a status: `trajectory@1`. */
export function ruleLabel(r: RuleSpec): string {
  return `${r.id}@${r.version}`;
}

/** Applies a declared rule to a series at a date (`asOf`, a year: later observations are not yet known). */
export function applyRule(r: RuleSpec, m: Measure, series: readonly Observation[], asOf: number): Verdict {
  const known = series
    .filter((o) => o.period <= asOf && Number.isFinite(o.value))
    .sort((a, b) => a.period - b.period);
  switch (r.id) {
    case 'trajectory':
      return trajectory(r, m, known, asOf);
    case 'target-met':
      return targetMet(r, m, known, asOf);
    case 'criteria-for-change':
      return criteriaForChange(r, m, known, asOf);
  }
  throw new Error(`invalid status rule: ${(r as { id: unknown }).id}`);
}

/**
 * +1 when `value` is better than `reference` by at least the threshold (and by something), −1 when
 * worse by at least it, else 0 — the NPF's "0.1 pp or more above counts as improving". Differences
 * are compared at 12 significant digits, so 1.3 against a mean of 1.2 counts as 0.1, not 0.10000000000000009.
 */
export function moved(value: number, reference: number, t: Threshold, d: Direction): -1 | 0 | 1 {
  const diff = Number(((value - reference) * (d === 'increase' ? 1 : -1)).toPrecision(12));
  const room = Number((t.kind === 'absolute' ? t.amount : t.amount * Math.abs(reference)).toPrecision(12));
  return diff > 0 && diff >= room ? 1 : diff < 0 && -diff >= room ? -1 : 0;
}

/** NPF criteria for change: the latest value against the mean of the `n` before it. */
export function changeVsPrevious(known: readonly Observation[], n: number, t: Threshold, d: Direction) {
  if (known.length < n + 1) return null;
  const latest = known[known.length - 1]!;
  let mean = 0;
  for (const o of known.slice(-n - 1, -1)) mean += o.value / n;
  return { latest, mean, move: moved(latest.value, mean, t, d) };
}

function meets(value: number, target: number, d: Direction): boolean {
  return d === 'increase' ? value >= target : value <= target;
}

type Spec<I extends RuleSpec['id']> = Extract<RuleSpec, { id: I }>;

function unclear(r: RuleSpec, latest: Observation | null, reason: string): Verdict {
  return { status: 'unclear', rule: ruleLabel(r), latest, expected: null, reason };
}

// Before the deadline: on the straight line from baseline to target (within tolerance) → on track;
// off it but improving against the previous years → signs of progress; otherwise off track. From the
// deadline year: the value for that year meets the target → achieved, otherwise not kept.
function trajectory(r: Spec<'trajectory'>, m: Measure, known: Observation[], asOf: number): Verdict {
  const latest = known.at(-1) ?? null;
  if (!m.baseline || !m.target) return unclear(r, latest, 'no baseline or target to draw a trajectory');
  if (!latest || latest.period <= m.baseline.period)
    return unclear(r, latest, `no value after the baseline year ${m.baseline.period} yet`);
  const { baseline: b, target: t } = m;
  const deadline = final(r, m, known, asOf);
  if (deadline) return deadline;
  const share = Math.min(1, (latest.period - b.period) / (t.period - b.period));
  const expected = b.value + share * (t.value - b.value);
  const base = { rule: ruleLabel(r), latest, expected };
  if (moved(latest.value, expected, r.tolerance, m.direction) >= 0)
    return {
      ...base,
      status: 'on-track',
      reason: `${latest.value} in ${latest.period} is on the line to ${t.value} by ${t.period} (expected ${round(expected)})`,
    };
  const c = changeVsPrevious(known, r.previous, r.change, m.direction);
  if (c && c.move > 0)
    return {
      ...base,
      status: 'signs-of-progress',
      reason: `below the line (expected ${round(expected)}) but better than the mean of the previous ${r.previous} years (${round(c.mean)})`,
    };
  return {
    ...base,
    status: 'off-track',
    reason: `${latest.value} in ${latest.period} is behind the line to ${t.value} by ${t.period} (expected ${round(expected)})`,
  };
}

// Achieved as soon as the target is met; before the deadline, improving → signs of progress, else
// off track; past the deadline and not met → not kept.
function targetMet(r: Spec<'target-met'>, m: Measure, known: Observation[], asOf: number): Verdict {
  const latest = known.at(-1) ?? null;
  if (!m.target) return unclear(r, latest, 'no target to meet');
  if (!latest) return unclear(r, null, 'no value yet');
  const t = m.target;
  const base = { rule: ruleLabel(r), latest, expected: t.value };
  if (meets(latest.value, t.value, m.direction))
    return {
      ...base,
      status: 'achieved',
      reason: `${latest.value} in ${latest.period} meets the target ${t.value}`,
    };
  if (asOf >= t.period && latest.period >= t.period)
    return {
      ...base,
      status: 'not-kept',
      reason: `the target ${t.value} by ${t.period} was not met (${latest.value} in ${latest.period})`,
    };
  const c = changeVsPrevious(known, r.previous, r.change, m.direction);
  if (!c) return unclear(r, latest, `fewer than ${r.previous + 1} values to judge the change`);
  return c.move > 0
    ? {
        ...base,
        status: 'signs-of-progress',
        reason: `not yet at ${t.value}, but better than the mean of the previous ${r.previous} years (${round(c.mean)})`,
      }
    : {
        ...base,
        status: 'off-track',
        reason: `not at ${t.value} and no better than the mean of the previous ${r.previous} years (${round(c.mean)})`,
      };
}

// A commitment to move an indicator without a number: improving against the previous years → on track
// (achieved once the deadline year's value is in), maintaining or worsening → off track (not kept).
function criteriaForChange(
  r: Spec<'criteria-for-change'>,
  m: Measure,
  known: Observation[],
  asOf: number,
): Verdict {
  const c = changeVsPrevious(known, r.previous, r.change, m.direction);
  const latest = known.at(-1) ?? null;
  if (!c) return unclear(r, latest, `fewer than ${r.previous + 1} values to judge the change`);
  const done = asOf >= m.deadline && c.latest.period >= m.deadline;
  const word = c.move > 0 ? 'improving' : c.move < 0 ? 'worsening' : 'maintaining';
  const status: Status = c.move > 0 ? (done ? 'achieved' : 'on-track') : done ? 'not-kept' : 'off-track';
  return {
    status,
    rule: ruleLabel(r),
    latest: c.latest,
    expected: c.mean,
    reason: `${word}: ${c.latest.value} in ${c.latest.period} against ${round(c.mean)}, the mean of the previous ${r.previous} years`,
  };
}

// At or after the deadline year, with a value for it: achieved or not kept.
function final(r: RuleSpec, m: Measure, known: Observation[], asOf: number): Verdict | null {
  const t = m.target!;
  if (asOf < t.period) return null;
  const at = known.filter((o) => o.period >= t.period)[0];
  if (!at) return null;
  const ok = meets(at.value, t.value, m.direction);
  return {
    status: ok ? 'achieved' : 'not-kept',
    rule: ruleLabel(r),
    latest: at,
    expected: t.value,
    reason: `${at.value} in ${at.period} ${ok ? 'meets' : 'misses'} the target ${t.value} for ${t.period}`,
  };
}

function round(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
