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
import { greedy, greedyExclusive, greedyNoSkip, greedyThreshold } from './greedy.ts';
import type { BudgetOutcome, Outcome } from './outcome.ts';

/** Options of the participatory-budget rules. */
export interface RuleOptions extends EqualSharesOptions {
  /** `greedy-exclusive`: groups of mutually exclusive project ids. */
  exclusive?: string[][];
}

/** Every participatory-budget rule `budgetRule` resolves, in pabulib's names. */
export const PB_RULES = [
  'greedy',
  'greedy-no-skip',
  'greedy-threshold',
  'greedy-exclusive',
  'equalshares',
  'equalshares/add1',
  'equalshares-comparison',
  'equalshares/add1-comparison',
] as const;

/** Resolves a participatory-budget rule name to its tally. */
export function budgetRule(rule: string, opts: RuleOptions = {}): (p: BudgetProblem) => BudgetOutcome {
  switch (rule) {
    case 'greedy':
      return greedy;
    case 'greedy-no-skip':
      return greedyNoSkip;
    case 'greedy-threshold':
      return greedyThreshold;
    case 'greedy-exclusive':
      return greedyExclusive(opts.exclusive ?? []);
    case 'greedy-custom':
    case 'unknown':
      throw new Error(
        `invalid tally rule: ${rule} (pabulib's name for a rule described only in the file's comment)`,
      );
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
export function tallyPb(pb: PbInstance, opts: RuleOptions = {}): BudgetOutcome {
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
