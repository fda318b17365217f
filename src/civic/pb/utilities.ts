// What a voter gets from an outcome, for the proportionality measures of `strata pb compare`.
// Approval ballots: cost utilities (a funded project is worth its cost to each approver, the
// utilities Equal Shares uses) or cardinality (1 per funded approved project, the measure of
// pabulib's comparison step); cumulative and scoring ballots: the points, for both. Ordinal
// ballots are measured as approval of the projects they list.
import type { BudgetProblem } from '../problem.ts';

/** Each project's supporters (ascending) and what it is worth to each of them. */
export interface Utilities {
  voters: Int32Array[];
  value: Float64Array[];
}

/** `cost`: cost utilities (points with points ballots); `count`: 1 per project (points with points ballots). */
export type UtilityKind = 'cost' | 'count';

/** The utilities of a problem's ballots. */
export function utilitiesOf(p: BudgetProblem, kind: UtilityKind): Utilities {
  if (p.cardinal) {
    if (p.cardinal.negative) throw new Error(`negative points: ${p.cardinal.negative}`);
    return { voters: p.cardinal.voters, value: p.cardinal.points };
  }
  switch (kind) {
    case 'cost':
      return {
        voters: p.approvers,
        value: p.approvers.map((a, j) => new Float64Array(a.length).fill(p.projects[j]!.cost)),
      };
    case 'count':
      return { voters: p.approvers, value: p.approvers.map((a) => new Float64Array(a.length).fill(1)) };
    default:
      throw new Error(`invalid utility: ${String(kind)}`);
  }
}

/** Each voter's total utility from the funded projects. */
export function satisfaction(u: Utilities, voters: number, funded: readonly number[]): Float64Array {
  const sat = new Float64Array(voters);
  for (const j of funded) u.voters[j]!.forEach((v, k) => (sat[v]! += u.value[j]![k]!));
  return sat;
}

/** Each voter's cost-satisfaction: the cost of the funded projects they support. */
export function costSatisfaction(p: BudgetProblem, funded: readonly number[]): Float64Array {
  const voters = p.cardinal?.voters ?? p.approvers;
  const sat = new Float64Array(p.voters);
  for (const j of funded) for (const v of voters[j]!) sat[v]! += p.projects[j]!.cost;
  return sat;
}
