// The Method of Equal Shares with cardinal utilities (points of cumulative or scoring
// ballots), in plain exact rational arithmetic, one budget per voter: the reference the tests
// check the fast path (mes-cardinal.ts) against. Peters, Pierczyński & Skowron, "Proportional
// participatory budgeting with additive utilities", NeurIPS 2021: each voter starts with
// total/n; a project c is ρ-affordable when Σ over its supporters min(bᵢ, ρ·uᵢ(c)) = cost(c);
// each round funds the project with the smallest ρ (the price of one point of utility), each
// supporter paying min(bᵢ, ρ·uᵢ(c)). Ties as every budget rule (outcome.ts `tieOrder`): the
// lower cost, then more supporters, then the project listed first.
import type { BudgetProblem, CardinalUtilities } from '../problem.ts';
import { tieOrder } from './outcome.ts';
import { add, cmp, divInt, rat, scale, sub, ZERO, type Rational } from './rational.ts';

/** The cardinal utilities of a problem; throws when Equal Shares cannot use its ballots. */
export function cardinalOf(p: BudgetProblem): CardinalUtilities {
  const c = p.cardinal;
  if (!c) throw new Error('equal shares with points needs cumulative or scoring ballots');
  if (c.negative) throw new Error(`equal shares needs points of at least 0: ${c.negative}`);
  return c;
}

/** The smallest ρ with Σ min(bᵢ, ρ·uᵢ) = cost over the supporters, or undefined if they cannot pay. */
export function cardinalRho(
  budgets: readonly Rational[],
  voters: Int32Array,
  points: Float64Array,
  cost: number,
): Rational | undefined {
  let total = ZERO;
  for (const v of voters) total = add(total, budgets[v]!);
  if (cmp(total, rat(cost)) < 0) return undefined;
  // Water-filling: supporters in increasing bᵢ/uᵢ pay all they have while that is below ρ·uᵢ.
  const order = [...voters.keys()].sort((a, b) =>
    cmp(divInt(budgets[voters[a]!]!, points[a]!), divInt(budgets[voters[b]!]!, points[b]!)),
  );
  let paid = ZERO;
  let weight = 0;
  for (const k of order) weight += points[k]!;
  for (const k of order) {
    const rho = divInt(sub(rat(cost), paid), weight);
    if (cmp(scale(rho, points[k]!), budgets[voters[k]!]!) <= 0) return rho;
    paid = add(paid, budgets[voters[k]!]!);
    weight -= points[k]!;
  }
  throw new Error(`equal shares: no supporter can pay the final share (cost ${cost})`);
}

/** Fixed-budget Equal Shares with points, `total` units shared equally; winner indices in order. */
export function mesCardinalExact(p: BudgetProblem, total: number): number[] {
  const { voters, points } = cardinalOf(p);
  const cost = p.projects.map((x) => x.cost);
  const tie = tieOrder(
    cost,
    voters.map((v) => v.length),
  );
  const budgets = Array.from({ length: p.voters }, () => rat(total, p.voters));
  let live = cost.map((_, j) => j).filter((j) => cost[j]! > 0 && voters[j]!.length > 0);
  const winners: number[] = [];
  for (;;) {
    let best: number[] = [];
    let bestRho: Rational | undefined;
    for (const j of live) {
      const rho = cardinalRho(budgets, voters[j]!, points[j]!, cost[j]!);
      if (!rho) continue;
      const c = bestRho ? cmp(rho, bestRho) : -1;
      if (c < 0) [best, bestRho] = [[j], rho];
      else if (c === 0) best.push(j);
    }
    if (!bestRho) return winners;
    const w = best.sort(tie)[0]!;
    winners.push(w);
    live = live.filter((j) => j !== w);
    voters[w]!.forEach((v, k) => {
      const due = scale(bestRho, points[w]![k]!);
      budgets[v] = cmp(budgets[v]!, due) > 0 ? sub(budgets[v]!, due) : ZERO;
    });
  }
}
