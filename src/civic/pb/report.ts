// The answers of `strata pb tally` and `strata pb compare` on a parsed pabulib instance: plain
// records (JSON) and the rows the CLI prints as a table or CSV. Amounts are in the currency
// (the file's decimal amounts), never in the tallies' integer units.
import { fromUnits } from '../money.ts';
import type { PbInstance } from '../pabulib.ts';
import { pbProblem, type BudgetProblem } from '../problem.ts';
import { budgetRule, type RuleOptions } from '../tally/rules.ts';
import type { EjrResult } from './ejr.ts';
import { measures, preferences } from './measures.ts';

/** One project in a tally: its cost and support, and its place in the order of selection. */
export interface TalliedProject {
  project_id: string;
  name: string;
  cost: number;
  /** Voters supporting it (approving, listing, or giving it points). */
  votes: number;
  /** Points, for ordinal, cumulative and scoring ballots. */
  score?: number;
  selected: boolean;
  /** 1 for the first project selected, …; null when not selected. */
  order: number | null;
}

/** `strata pb tally --format json`. */
export interface PbTally {
  rule: string;
  vote_type: string;
  budget: number;
  spent: number;
  currency: string | null;
  /** Project ids in order of selection. */
  selected: string[];
  projects: TalliedProject[];
  notes: string[];
}

const money = (p: BudgetProblem, units: number): number => Number(fromUnits(units, p.scale));

/** Tallies the instance under `rule` (its META rule when not given). */
export function pbTally(pb: PbInstance, rule = pb.meta.rule, opts: RuleOptions = {}): PbTally {
  if (rule === undefined) throw new Error('the file has no META rule: name one with --rule');
  const p = pbProblem(pb);
  const out = budgetRule(rule, opts)(p);
  const order = new Map(out.selected.map((id, k) => [id, k + 1]));
  const points = pb.voteType !== 'approval' && pb.voteType !== 'choose-1';
  const projects = pb.projects.map((x, j): TalliedProject => {
    const row: TalliedProject = {
      project_id: x.id,
      name: x.fields.name ?? '',
      cost: money(p, p.projects[j]!.cost),
      votes: (p.cardinal?.voters ?? p.approvers)[j]!.length,
      selected: order.has(x.id),
      order: order.get(x.id) ?? null,
    };
    if (points) row.score = p.scores[j]!;
    return row;
  });
  projects.sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
  return {
    rule,
    vote_type: pb.voteType,
    budget: money(p, p.budget),
    spent: money(p, out.spent),
    currency: pb.meta.currency ?? null,
    selected: out.selected,
    projects,
    notes: out.notes,
  };
}

/** One rule's outcome and measures in `strata pb compare`. */
export interface RuleComparison {
  rule: string;
  selected: string[];
  projects: number;
  spent: number;
  /** Share of the budget spent (0–1). */
  budget_share: number;
  /** Share of voters with at least one funded project they support (0–1). */
  covered_share: number;
  /** Mean cost of the funded projects a voter supports. */
  avg_cost_satisfaction: number;
  ejr: { method: 'exact' | 'search'; depth: number; examined: number; violation: EjrViolationIds | null };
  /** Voters who get more from this outcome than from each other rule's, by rule. */
  prefer_over: Record<string, number>;
}

/** A violating group with project ids. */
export interface EjrViolationIds {
  projects: string[];
  levels: number[];
  voters: number;
}

function ejrRecord(p: BudgetProblem, r: EjrResult): RuleComparison['ejr'] {
  const v = r.violation;
  const violation = v && {
    projects: v.projects.map((j) => p.projects[j]!.id),
    levels: v.levels.map((x) => (p.cardinal ? x : money(p, x))),
    voters: v.group,
  };
  return { method: r.method, depth: r.depth, examined: r.examined, violation: violation ?? null };
}

/** Tallies the instance under each rule and measures the outcomes side by side. */
export function pbCompare(
  pb: PbInstance,
  rules: readonly string[],
  opts: RuleOptions = {},
): RuleComparison[] {
  if (rules.length === 0) throw new Error('name at least one rule');
  const p = pbProblem(pb);
  const index = new Map(p.projects.map((x, j) => [x.id, j]));
  const outcomes = rules.map((r) => budgetRule(r, opts)(p));
  const funded = outcomes.map((o) => o.selected.map((id) => index.get(id)!));
  const prefer = preferences(p, funded);
  return outcomes.map((o, a) => {
    const m = measures(p, funded[a]!);
    return {
      rule: rules[a]!,
      selected: o.selected,
      projects: o.selected.length,
      spent: money(p, o.spent),
      budget_share: p.budget ? o.spent / p.budget : 0,
      covered_share: m.covered,
      avg_cost_satisfaction: m.costSatisfaction / 10 ** p.scale,
      ejr: ejrRecord(p, m.ejr),
      prefer_over: Object.fromEntries(rules.flatMap((r, b) => (b === a ? [] : [[r, prefer[a]![b]!]]))),
    };
  });
}

/** EJR up to one in words: `satisfied (exact)`, `violated (exact): 53 voters, projects 7`, … */
export function ejrText(e: RuleComparison['ejr']): string {
  const how = e.method === 'exact' ? 'exact' : `search of sets up to ${e.depth} projects`;
  if (e.violation)
    return `violated (${how}): ${e.violation.voters} voters, projects ${e.violation.projects.join('+')}`;
  return e.method === 'exact' ? 'satisfied (exact)' : `no violation found (${how})`;
}

/** The rows of `strata pb compare` for a table or CSV: one per rule. */
export function compareRows(rows: readonly RuleComparison[]): Record<string, unknown>[] {
  return rows.map((r) => ({
    rule: r.rule,
    projects: r.projects,
    spent: r.spent,
    budget_share: r.budget_share,
    covered_share: r.covered_share,
    avg_cost_satisfaction: r.avg_cost_satisfaction,
    ejr_up_to_one: ejrText(r.ejr),
    ...Object.fromEntries(rows.map((o) => [`prefer over ${o.rule}`, r.prefer_over[o.rule] ?? null])),
    selected: r.selected.join(' '),
  }));
}

/** Reads `--exclusive 12+26,3+7`: groups of mutually exclusive project ids. */
export function parseGroups(text: string): string[][] {
  const groups = text.split(',').map((g) => g.split('+').map((s) => s.trim()));
  for (const g of groups)
    if (g.length < 2 || g.some((id) => id === ''))
      throw new Error(`invalid exclusive group: ${g.join('+')} (two or more project ids joined by +)`);
  return groups;
}
