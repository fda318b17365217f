// What the tallies return.

/** The projects a rule funds, in the order it chose them, and what they cost. */
export interface BudgetOutcome {
  kind: 'budget';
  rule: string;
  /** Project ids in selection order. */
  selected: string[];
  /** Total cost of the selection, in the problem's integer units. */
  spent: number;
  /** How the rule reached it: completion budget, comparison counts, exact re-runs. */
  notes: string[];
}

/** Options by score (approvals, Borda points), highest first; ties keep the published order. */
export interface RankingOutcome {
  kind: 'ranking';
  rule: string;
  scores: { id: string; score: number }[];
  /** The first `seats` options of `scores`. */
  winners: string[];
  notes: string[];
}

/** One goal's aggregate weight: exact as a fraction, a double, and its share of all weights in %. */
export interface GoalWeight {
  id: string;
  fraction: string;
  value: number;
  share: number;
}

/** Goal weights aggregated from 100-point ballots. */
export interface WeightsOutcome {
  kind: 'weights';
  rule: string;
  ballots: number;
  weights: GoalWeight[];
  notes: string[];
}

/** Any tally's result. */
export type Outcome = BudgetOutcome | RankingOutcome | WeightsOutcome;

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
