// Goal weighting: each participant splits 100 points across the goals (non-negative whole
// numbers summing to 100; a goal left out gets 0). Each goal's weight aggregates its points
// over ballots by the published rule: `mean`; `median` (the mean of the two middle values
// for an even count); or `trimmed-mean` with a trim fraction α in [0, 0.5): the ⌊αn⌋ lowest
// and ⌊αn⌋ highest values of each goal are dropped before averaging. Weights are exact
// fractions of integers; `share` rescales them to sum to 100 (medians need not).
import type { GoalWeight, WeightsOutcome } from './outcome.ts';

/** Points a goal-weighting ballot splits. */
export const POINTS = 100;

/** Checks a ballot: known goals, non-negative integers, summing to 100. Returns all goals' points. */
export function goalPoints(goals: readonly string[], ballot: Readonly<Record<string, number>>): number[] {
  for (const id of Object.keys(ballot))
    if (!goals.includes(id)) throw new Error(`ballot names an unknown goal: ${id}`);
  const points = goals.map((g) => ballot[g] ?? 0);
  for (const x of points)
    if (!Number.isInteger(x) || x < 0) throw new Error(`goal points must be whole numbers ≥ 0: ${x}`);
  const sum = points.reduce((s, x) => s + x, 0);
  if (sum !== POINTS) throw new Error(`goal points must sum to ${POINTS}: ${sum}`);
  return points;
}

/** An exact aggregate num/den of one goal's sorted values. */
type Aggregate = (sorted: number[]) => [number, number];

const sumOf = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

/** Resolves `mean`, `median` or `trimmed-mean` (with `trim`). */
export function aggregator(rule: string, trim = 0): Aggregate {
  switch (rule) {
    case 'mean':
      return (xs) => [sumOf(xs), xs.length];
    case 'median':
      return (xs) => {
        const h = xs.length >> 1;
        return xs.length % 2 ? [xs[h]!, 1] : [xs[h - 1]! + xs[h]!, 2];
      };
    case 'trimmed-mean': {
      if (!(trim >= 0 && trim < 0.5)) throw new Error(`invalid trim fraction: ${trim}`);
      return (xs) => {
        const k = Math.floor(trim * xs.length);
        return [sumOf(xs.slice(k, xs.length - k)), xs.length - 2 * k];
      };
    }
    default:
      throw new Error(`invalid goal aggregation: ${rule}`);
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Aggregates goal-weighting ballots (each already checked) by the rule. */
export function goalWeighting(
  rule: string,
  goals: readonly string[],
  ballots: readonly Readonly<Record<string, number>>[],
  trim = 0,
): WeightsOutcome {
  const agg = aggregator(rule, trim);
  const rows = ballots.map((b) => goalPoints(goals, b));
  if (rows.length === 0) throw new Error('goal weighting needs at least one ballot');
  const fractions = goals.map((_, j) => agg(rows.map((r) => r[j]!).sort((a, b) => a - b)));
  const total = fractions.reduce((s, [n, d]) => s + n / d, 0);
  const weights: GoalWeight[] = goals.map((id, j) => {
    const [n, d] = fractions[j]!;
    const g = gcd(n, d) || 1;
    const value = n / d;
    return {
      id,
      fraction: d / g === 1 ? String(n / g) : `${n / g}/${d / g}`,
      value,
      share: total ? (100 * value) / total : 0,
    };
  });
  const name = rule === 'trimmed-mean' ? `trimmed-mean (trim ${trim})` : rule;
  return { kind: 'weights', rule: name, ballots: rows.length, weights, notes: [] };
}
