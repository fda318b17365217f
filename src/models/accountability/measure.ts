// A commitment's measure resolved for one area: the baseline value (given, or the area's own value in
// the baseline year) and the target value (given, or the baseline moved by a change or an amount).
import type { Measure, Observation } from './rules.ts';
import type { Commitment } from './register-schema.ts';

/** The measure of `c` for an area whose series is `series`; baseline or target null when they cannot be known. */
export function resolveMeasure(
  c: Pick<Commitment, 'deadline' | 'measure'>,
  series: readonly Observation[],
): Measure {
  const m = c.measure;
  if (!m) throw new Error('a commitment without a measure has no rule to apply');
  const b = m.baseline;
  const baseValue = b ? (b.value ?? series.find((o) => o.period === b.period)?.value ?? null) : null;
  const baseline = b && baseValue !== null ? { period: b.period, value: baseValue } : null;
  const t = m.target;
  const value =
    t?.value ??
    (t?.change !== undefined && baseline ? baseline.value * (1 + t.change) : undefined) ??
    (t?.by !== undefined && baseline ? baseline.value + t.by : undefined);
  return {
    direction: m.direction,
    baseline,
    target: t && value !== undefined ? { period: t.period, value } : null,
    deadline: t?.period ?? Number(c.deadline.slice(0, 4)),
  };
}
