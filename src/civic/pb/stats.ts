// Descriptive statistics of a pabulib instance (`strata pb stats`): what was on offer, how
// people voted, and the published outcome, as rows of measure and value.
import { fromUnits } from '../money.ts';
import type { PbInstance } from '../pabulib.ts';
import type { BudgetProblem } from '../problem.ts';

/** One statistic. */
export interface Stat {
  measure: string;
  value: string | number;
}

function quantiles(xs: number[]): [number, number, number] {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return [0, 0, 0];
  const h = s.length >> 1;
  const median = s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
  return [s[0]!, median, s.at(-1)!];
}

function money(p: BudgetProblem, units: number): number {
  return Number(fromUnits(units, p.scale));
}

function metaRows(pb: PbInstance): Stat[] {
  const keys = ['description', 'country', 'unit', 'subunit', 'instance', 'vote_type', 'rule', 'currency'];
  return keys.filter((k) => pb.meta[k] !== undefined).map((k) => ({ measure: k, value: pb.meta[k]! }));
}

function projectRows(pb: PbInstance, p: BudgetProblem): Stat[] {
  const costs = p.projects.map((x) => x.cost);
  const total = costs.reduce((s, c) => s + c, 0);
  const [cmin, cmed, cmax] = quantiles(costs);
  const [vmin, vmed, vmax] = quantiles(p.approvers.map((a) => a.length));
  return [
    { measure: 'budget', value: money(p, p.budget) },
    { measure: 'projects', value: pb.projects.length },
    { measure: 'cost of all projects', value: money(p, total) },
    { measure: 'cost of all projects ÷ budget', value: p.budget ? total / p.budget : 0 },
    { measure: 'project cost: min', value: money(p, cmin) },
    { measure: 'project cost: median', value: money(p, cmed) },
    { measure: 'project cost: max', value: money(p, cmax) },
    { measure: 'supporters per project: min', value: vmin },
    { measure: 'supporters per project: median', value: vmed },
    { measure: 'supporters per project: max', value: vmax },
  ];
}

function voteRows(pb: PbInstance): Stat[] {
  const lengths = pb.votes.map((v) => v.vote.length);
  const [lmin, lmed, lmax] = quantiles(lengths);
  const mean = lengths.reduce((s, x) => s + x, 0) / Math.max(lengths.length, 1);
  return [
    { measure: 'voters', value: pb.votes.length },
    { measure: 'ballot length: mean', value: mean },
    { measure: 'ballot length: min', value: lmin },
    { measure: 'ballot length: median', value: lmed },
    { measure: 'ballot length: max', value: lmax },
    { measure: 'empty ballots', value: lengths.filter((x) => x === 0).length },
  ];
}

function publishedRows(pb: PbInstance, p: BudgetProblem): Stat[] {
  if (!pb.projectColumns.includes('selected'))
    return [{ measure: 'published outcome', value: 'none (no selected column)' }];
  const funded = pb.projects.flatMap((x, j) => (x.fields.selected === '1' ? [j] : []));
  const spent = funded.reduce((s, j) => s + p.projects[j]!.cost, 0);
  const covered = new Uint8Array(p.voters);
  for (const j of funded) for (const v of p.approvers[j]!) covered[v] = 1;
  const votes = pb.projectColumns.includes('votes');
  const agree = pb.projects.every((x, j) => Number(x.fields.votes) === p.approvers[j]!.length);
  return [
    { measure: 'published: projects funded', value: funded.length },
    { measure: 'published: cost', value: money(p, spent) },
    { measure: 'published: share of budget', value: p.budget ? spent / p.budget : 0 },
    { measure: 'published: voters with a funded project', value: covered.reduce((s, x) => s + x, 0) },
    ...(votes ? [{ measure: 'votes column matches the ballots', value: agree ? 'yes' : 'no' }] : []),
  ];
}

/** The statistics of a parsed instance and its problem. */
export function pbStats(pb: PbInstance, p: BudgetProblem): Stat[] {
  return [...metaRows(pb), ...projectRows(pb, p), ...voteRows(pb), ...publishedRows(pb, p)];
}
