// What a participatory-budget tally returns.

/** The projects a rule funds, in the order it chose them, and what they cost. */
export interface BudgetOutcome {
  rule: string;
  /** Project ids in selection order. */
  selected: string[];
  /** Total cost of the selection, in the problem's integer units. */
  spent: number;
  /** How the rule reached it: completion budget, comparison counts, exact re-runs. */
  notes: string[];
}

/** Orders project indices the way every budget rule breaks ties: lower cost, then more votes, then published order. */
export function tieOrder(
  cost: readonly number[],
  votes: readonly number[],
): (a: number, b: number) => number {
  return (a, b) => cost[a]! - cost[b]! || votes[b]! - votes[a]! || a - b;
}

/** Sums the costs of a selection given as project indices. */
export function costOf(selection: readonly number[], cost: readonly number[]): number {
  let sum = 0;
  for (const j of selection) sum += cost[j]!;
  return sum;
}
