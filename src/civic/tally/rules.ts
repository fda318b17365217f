// Tally rules by name. Participatory-budget rules use pabulib's names so a `.pb` file's META
// `rule` resolves directly; the others: `approval` (approval count), `borda` (modified Borda
// count), and the goal-weighting aggregations `mean`, `median`, `trimmed-mean`.
import type { Ballot, Consultation } from '../consultation.ts';
import { checkConsultation, isBudgetRule } from '../consultation.ts';
import type { PbInstance } from '../pabulib.ts';
import { approvalProblem, pbProblem, type BudgetProblem } from '../problem.ts';
import { approvalCount } from './approval.ts';
import { borda } from './borda.ts';
import { equalShares, type EqualSharesOptions } from './equal-shares.ts';
import { goalWeighting } from './goal-weighting.ts';
import { greedy, greedyNoSkip } from './greedy.ts';
import type { BudgetOutcome, Outcome } from './outcome.ts';

/** Resolves a participatory-budget rule name to its tally. */
export function budgetRule(rule: string, opts: EqualSharesOptions = {}): (p: BudgetProblem) => BudgetOutcome {
  switch (rule) {
    case 'greedy':
      return greedy;
    case 'greedy-no-skip':
      return greedyNoSkip;
    case 'equalshares':
    case 'equalshares/add1':
    case 'equalshares-comparison':
    case 'equalshares/add1-comparison':
      return equalShares(rule, opts);
    default:
      throw new Error(`invalid tally rule: ${rule}`);
  }
}

/** Tallies a pabulib instance under its own META `rule`. */
export function tallyPb(pb: PbInstance, opts: EqualSharesOptions = {}): BudgetOutcome {
  const rule = pb.meta.rule;
  if (rule === undefined) throw new Error('pabulib instance has no META rule');
  return budgetRule(rule, opts)(pbProblem(pb));
}

/** Tallies a consultation's ballots (canonical, one per voter) by its published rule. */
export function tally(c: Consultation, ballots: readonly Ballot[]): Outcome {
  checkConsultation(c);
  const ids = c.options.map((o) => o.id);
  const lists = (): string[][] => ballots as string[][];
  if (isBudgetRule(c.rule)) {
    const projects = c.options.map((o) => ({ id: o.id, cost: o.cost! }));
    return budgetRule(c.rule)(approvalProblem(c.budget!, projects, lists()));
  }
  switch (c.rule) {
    case 'approval':
      return approvalCount(ids, lists(), c.seats ?? 1);
    case 'borda':
      return borda(ids, lists(), c.seats ?? 1);
    case 'mean':
    case 'median':
    case 'trimmed-mean':
      return goalWeighting(c.rule, ids, ballots as Record<string, number>[], c.trim ?? 0);
    default:
      throw new Error(`invalid tally rule: ${c.rule}`);
  }
}
