// Greedy by votes (pabulib rules `greedy`, `greedy-no-skip`, `greedy-threshold`,
// `greedy-exclusive`): projects in decreasing order of votes (score, for ballots with points);
// ties go to the cheaper project, then to the one listed first. `greedy` funds each project
// that still fits and skips those that do not; `greedy-no-skip` stops at the first project
// that does not fit (pabulib's definition, as its checker applies it to Wrocław 2018);
// `greedy-threshold` is `greedy` over the projects scoring at least META
// `min_project_score_threshold`; `greedy-exclusive` is `greedy` that also passes over a
// project mutually exclusive with one already funded (pabulib's files name the exclusive
// projects only in prose, so the groups are given by the caller).
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
export function greedyIndices(
  p: BudgetProblem,
  skip: boolean,
  already: readonly number[] = [],
  eligible: (j: number, chosen: readonly number[]) => boolean = () => true,
): number[] {
  const chosen = [...already];
  const taken = new Set(already);
  let left = p.budget;
  for (const j of already) left -= p.projects[j]!.cost;
  for (const j of greedyOrder(p)) {
    if (taken.has(j) || !eligible(j, chosen)) continue;
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

/** pabulib `greedy-threshold`: `greedy` over the projects whose score reaches META `min_project_score_threshold`. */
export function greedyThreshold(p: BudgetProblem): BudgetOutcome {
  const t = p.threshold;
  if (t === undefined) throw new Error('greedy-threshold needs META min_project_score_threshold');
  const out = outcome(
    p,
    'greedy-threshold',
    greedyIndices(p, true, [], (j) => p.scores[j]! >= t),
  );
  const below = p.scores.filter((s) => s < t).length;
  return { ...out, notes: [`threshold ${t}: ${below} projects score below it`] };
}

/**
 * pabulib `greedy-exclusive`: `greedy` that passes over a project in a group (of project ids)
 * with one already funded.
 */
export function greedyExclusive(groups: readonly (readonly string[])[]): (p: BudgetProblem) => BudgetOutcome {
  if (groups.length === 0)
    throw new Error(
      'greedy-exclusive needs the groups of mutually exclusive projects (a .pb file states them only in its comment)',
    );
  return (p) => {
    const index = new Map(p.projects.map((x, j) => [x.id, j]));
    const rivals: number[][] = p.projects.map(() => []);
    for (const g of groups) {
      const js = g.map((id) => index.get(id) ?? fail(id));
      for (const j of js) rivals[j]!.push(...js.filter((k) => k !== j));
    }
    const free = (j: number, chosen: readonly number[]): boolean =>
      !rivals[j]!.some((k) => chosen.includes(k));
    const out = outcome(p, 'greedy-exclusive', greedyIndices(p, true, [], free));
    return { ...out, notes: [`exclusive groups: ${groups.map((g) => g.join('+')).join(', ')}`] };
  };
}

function fail(id: string): never {
  throw new Error(`exclusive group names an unknown project: ${id}`);
}
