// Greedy by votes (pabulib rules `greedy` and `greedy-no-skip`): projects in decreasing order
// of votes (score, for ballots with points); ties go to the cheaper project, then to the one
// listed first. `greedy` funds each project that still fits and skips those that do not;
// `greedy-no-skip` stops at the first project that does not fit (pabulib's definition, as its
// checker applies it to Wrocław 2018).
import type { BudgetProblem } from '../problem.ts';
import type { BudgetOutcome } from './outcome.ts';

/** Project indices in greedy order: more votes first, then lower cost, then published order. */
export function greedyOrder(p: BudgetProblem): number[] {
  const order = p.projects.map((_, j) => j);
  return order.sort(
    (a, b) => p.scores[b]! - p.scores[a]! || p.projects[a]!.cost - p.projects[b]!.cost || a - b,
  );
}

/** Greedy selection within `budget`, keeping `already` and (with `skip`) passing over what does not fit. */
export function greedyIndices(p: BudgetProblem, skip: boolean, already: readonly number[] = []): number[] {
  const chosen = [...already];
  const taken = new Set(already);
  let left = p.budget;
  for (const j of already) left -= p.projects[j]!.cost;
  for (const j of greedyOrder(p)) {
    if (taken.has(j)) continue;
    const cost = p.projects[j]!.cost;
    if (cost <= left) {
      chosen.push(j);
      left -= cost;
    } else if (!skip) break;
  }
  return chosen;
}

function outcome(p: BudgetProblem, rule: string, chosen: number[]): BudgetOutcome {
  const spent = chosen.reduce((s, j) => s + p.projects[j]!.cost, 0);
  return { kind: 'budget', rule, selected: chosen.map((j) => p.projects[j]!.id), spent, notes: [] };
}

/** pabulib `greedy`: fund by votes, skipping projects that no longer fit. */
export function greedy(p: BudgetProblem): BudgetOutcome {
  return outcome(p, 'greedy', greedyIndices(p, true));
}

/** pabulib `greedy-no-skip`: fund by votes, stopping at the first project that does not fit. */
export function greedyNoSkip(p: BudgetProblem): BudgetOutcome {
  return outcome(p, 'greedy-no-skip', greedyIndices(p, false));
}
