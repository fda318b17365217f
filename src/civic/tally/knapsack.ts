// Knapsack ballots (Goel, Krishnaswamy, Sakshuwong & Aitamurto, "Knapsack voting for
// participatory budgeting", 2019): each voter picks projects whose total cost fits the
// budget. A knapsack ballot is an approval set with that extra constraint, so it is tallied
// by the approval-based budget rules (greedy by votes, Equal Shares).
import { commonScale, toUnits } from '../money.ts';

/** A check that a chosen set's total cost fits the budget, the costs turned into units once. */
export function knapsackCheck(
  budget: string,
  projects: readonly { id: string; cost: string }[],
): (chosen: readonly string[]) => void {
  const scale = commonScale([budget, ...projects.map((p) => p.cost)]);
  const cost = new Map(projects.map((p) => [p.id, toUnits(p.cost, scale)]));
  const limit = toUnits(budget, scale);
  return (chosen) => {
    let sum = 0;
    for (const id of chosen) {
      const c = cost.get(id);
      if (c === undefined) throw new Error(`ballot names an unknown project: ${id}`);
      sum += c;
    }
    if (sum > limit) throw new Error(`knapsack ballot exceeds the budget: ${chosen.join(',')}`);
  };
}

/** Checks that the chosen projects' total cost fits the budget; throws naming the total. */
export function checkKnapsack(
  budget: string,
  projects: readonly { id: string; cost: string }[],
  chosen: readonly string[],
): void {
  knapsackCheck(budget, projects)(chosen);
}
