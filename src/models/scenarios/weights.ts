// Goal weights for choosing a portfolio: from a file, or from a closed goal-weighting consultation.
// Each weight names a goal that adds up over candidates (jobs, GVA, emissions …; not a ratio such
// as cost per job, which the budget already expresses), none is negative, and they sum to one.
import { z } from 'zod';
import type { GoalDef } from './goals.ts';

export const weightsSchema = z.strictObject({
  weights: z.record(z.string(), z.number().min(0, 'a weight cannot be negative')),
  source: z.string().optional(),
});

/** Checks weights against the goals; throws naming the goal or the sum. */
export function checkWeights(
  weights: Record<string, number>,
  goals: readonly GoalDef[],
): { goal: GoalDef; weight: number }[] {
  const out = Object.entries(weights).map(([id, weight]) => {
    const goal = goals.find((g) => g.id === id);
    if (!goal)
      throw new Error(
        `unknown goal: ${id} (${goals
          .filter((g) => g.additive)
          .map((g) => g.id)
          .join(', ')})`,
      );
    if (!goal.additive)
      throw new Error(
        `goal ${id} does not add up over candidates: weight the goals it divides (and set a budget) instead`,
      );
    if (!(weight >= 0)) throw new Error(`weight of ${id} is negative: ${weight}`);
    return { goal, weight };
  });
  if (out.length === 0) throw new Error('no weights given');
  const sum = out.reduce((s, w) => s + w.weight, 0);
  if (!(Math.abs(sum - 1) <= 1e-9)) throw new Error(`weights sum to ${sum}, not 1`);
  return out;
}

/**
 * Candidate scores: Σ_g w_g · polarity_g · value_ig / scale_g with scale_g the largest |value| of the
 * goal among the candidates (a goal no candidate moves counts for nothing).
 */
export function scores(
  values: readonly (readonly number[])[],
  weights: readonly { goal: GoalDef; weight: number }[],
): number[] {
  const scale = weights.map((_, g) => Math.max(...values.map((v) => Math.abs(v[g]!))));
  return values.map((v) =>
    weights.reduce(
      (s, w, g) => (scale[g]! > 0 ? s + (w.weight * w.goal.polarity * v[g]!) / scale[g]! : s),
      0,
    ),
  );
}
