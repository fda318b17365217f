// The Method of Equal Shares for approval ballots (Peters, Pierczyński & Skowron, "Proportional
// participatory budgeting with additive utilities", NeurIPS 2021), in the variant equalshares.net
// and pabulib use: cost utilities. The budget is split equally among all voters; each round
// funds the project whose cost its approvers can cover with the smallest largest payment per
// unit of cost, ρ/cost (the largest "effective vote count" cost/ρ): approvers who have less
// than an equal share pay everything they have, the others pay ρ each. Ties go to the cheaper
// project, then to the one with more approvals (equalshares.net, "Tie breaking"), then to the
// one listed first in the published project list (the lot drawn in advance).
//
// Completion `add1` (equalshares.net, "Completion"; pabulib rule `equalshares/add1`): start
// from the whole-currency-unit share floor(B/n) per voter and raise it one currency unit at
// a time, keeping each outcome whose cost stays within the real budget B, until the next one
// would exceed B. This is pabulib's definition (its checker verifies the published `selected`
// columns this way); equalshares.net's tool can also stop early once the outcome is
// exhaustive (no further project fits) — option `exhaustive` — but that variant does not
// reproduce the published Wieliczka 2023 outcome, so it is off by default. (That tool also
// skips the completion when every project fits in B; pabulib does not, nor do we.) Once every
// approved project is funded, larger shares cannot change the outcome and the raises stop.
//
// Comparison step (pabulib `…-comparison`, equalshares.net "satisfaction" comparison): the
// outcome is compared with greedy by votes (skipping what does not fit); each voter prefers
// the outcome funding more of the projects they approve (with points: the outcome giving them
// more points), and greedy replaces the Equal Shares outcome only if strictly more voters
// prefer it.
//
// Cumulative and scoring ballots run Equal Shares with the points as cardinal utilities
// (mes-cardinal.ts); completion and comparison are the same.
import { currencyUnit, type BudgetProblem } from '../problem.ts';
import { greedyIndices } from './greedy.ts';
import { mesCardinal } from './mes-cardinal.ts';
import { cardinalOf } from './mes-cardinal-exact.ts';
import { mesFast } from './mes-fast.ts';
import { costOf, type BudgetOutcome } from './outcome.ts';

/** Options of the Equal Shares family. */
export interface EqualSharesOptions {
  /** Also stop the add1 completion once the outcome is exhaustive (default false, as pabulib). */
  exhaustive?: boolean;
}

/** A fixed-budget Equal Shares run: winner indices for `total` units shared equally. */
type Engine = (p: BudgetProblem, total: number) => number[];

/** The supporters of each project, and their utility (1 each for approval ballots). */
interface Support {
  voters: Int32Array[];
  weight?: Float64Array[];
}

/** Equal Shares for these ballots: cost utilities for approval, points for cumulative and scoring. */
function engineOf(p: BudgetProblem): { run: Engine; support: Support } {
  if (p.approval) return { run: mesFast, support: { voters: p.approvers } };
  if (p.cardinal) {
    const c = cardinalOf(p);
    return { run: mesCardinal, support: { voters: c.voters, weight: c.points } };
  }
  throw new Error(
    'equal shares needs approval, cumulative or scoring ballots (ordinal ballots have no utilities)',
  );
}

function exhaustive(p: BudgetProblem, winners: number[], spent: number): boolean {
  const chosen = new Set(winners);
  return p.projects.every((x, j) => chosen.has(j) || spent + x.cost > p.budget);
}

/** MES with add1 completion; returns winner indices and notes. */
export function add1(
  p: BudgetProblem,
  opts: EqualSharesOptions = {},
): { winners: number[]; notes: string[] } {
  const { run, support } = engineOf(p);
  const cost = p.projects.map((x) => x.cost);
  if (p.voters === 0) return { winners: [], notes: ['no ballots'] };
  const step = currencyUnit(p) * p.voters;
  const fundable = support.voters.filter((a, j) => a.length > 0 && cost[j]! > 0).length;
  let total = Math.floor(p.budget / step) * step;
  let winners = run(p, total);
  let steps = 0;
  for (;;) {
    if (opts.exhaustive && exhaustive(p, winners, costOf(winners, cost))) break;
    // Once every approved project is funded, larger shares cannot change the outcome.
    if (winners.length === fundable) break;
    const next = run(p, total + step);
    if (costOf(next, cost) > p.budget) break;
    total += step;
    winners = next;
    steps++;
  }
  return { winners, notes: [`add1: ${total / step} currency units per voter after ${steps} raises`] };
}

/** The comparison step: greedy replaces `winners` if strictly more voters prefer it. */
export function compareWithGreedy(p: BudgetProblem, winners: number[]): { winners: number[]; note: string } {
  const { voters, weight } = engineOf(p).support;
  const greedy = greedyIndices(p, true);
  const sat = new Float64Array(p.voters);
  const add = (j: number, sign: number): void =>
    voters[j]!.forEach((v, k) => (sat[v]! += sign * (weight ? weight[j]![k]! : 1)));
  for (const j of winners) add(j, 1);
  for (const j of greedy) add(j, -1);
  let prefersMes = 0;
  let prefersGreedy = 0;
  for (let v = 0; v < p.voters; v++) {
    if (sat[v]! > 0) prefersMes++;
    else if (sat[v]! < 0) prefersGreedy++;
  }
  const note = `comparison: ${prefersMes} voters prefer Equal Shares, ${prefersGreedy} prefer greedy`;
  return { winners: prefersGreedy > prefersMes ? greedy : winners, note };
}

function outcome(p: BudgetProblem, rule: string, winners: number[], notes: string[]): BudgetOutcome {
  const cost = p.projects.map((x) => x.cost);
  return {
    kind: 'budget',
    rule,
    selected: winners.map((j) => p.projects[j]!.id),
    spent: costOf(winners, cost),
    notes,
  };
}

/** Resolves one of pabulib's four Equal Shares rule names. */
export function equalShares(
  rule: string,
  opts: EqualSharesOptions = {},
): (p: BudgetProblem) => BudgetOutcome {
  const completion = rule.startsWith('equalshares/add1');
  const comparison = rule.endsWith('-comparison');
  return (p) => {
    let { winners, notes } = completion ? add1(p, opts) : plain(p);
    if (comparison) {
      const cmp = compareWithGreedy(p, winners);
      winners = cmp.winners;
      notes = [...notes, cmp.note];
    }
    return outcome(p, rule, winners, notes);
  };
}

function plain(p: BudgetProblem): { winners: number[]; notes: string[] } {
  const { run } = engineOf(p);
  if (p.voters === 0) return { winners: [], notes: ['no ballots'] };
  return { winners: run(p, p.budget), notes: [] };
}
