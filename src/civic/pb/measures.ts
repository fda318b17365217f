// Proportionality measures of an outcome (`strata pb compare`): the share of voters with at
// least one funded project they support, the mean cost-satisfaction (the cost of the funded
// projects a voter supports; Peters, Pierczyński & Skowron 2021's cost utilities), EJR up to
// one project (ejr.ts, with cost utilities, or points for points ballots), and how many
// voters prefer one outcome to another: more funded projects they approve (pabulib's
// comparison step), or more points.
import type { BudgetProblem } from '../problem.ts';
import { ejrUpToOne, EJR_WORK, type EjrResult } from './ejr.ts';
import { costSatisfaction, satisfaction, utilitiesOf } from './utilities.ts';

/** The measures of one outcome (funded project indices). */
export interface OutcomeMeasures {
  /** Share of voters with at least one funded project they support (0–1). */
  covered: number;
  /** Mean over voters of the cost of funded projects they support, in integer units. */
  costSatisfaction: number;
  ejr: EjrResult;
}

export function measures(p: BudgetProblem, funded: readonly number[], work = EJR_WORK): OutcomeMeasures {
  const cs = costSatisfaction(p, funded);
  let covered = 0;
  let total = 0;
  for (const x of cs) {
    if (x > 0) covered++;
    total += x;
  }
  const n = Math.max(p.voters, 1);
  const ejr = ejrUpToOne(
    {
      budget: p.budget,
      cost: p.projects.map((x) => x.cost),
      voters: p.voters,
      utilities: utilitiesOf(p, 'cost'),
      funded,
    },
    work,
  );
  return { covered: covered / n, costSatisfaction: total / n, ejr };
}

/** prefer[a][b]: voters who get strictly more from outcome a than from outcome b. */
export function preferences(p: BudgetProblem, outcomes: readonly (readonly number[])[]): number[][] {
  const u = utilitiesOf(p, 'count');
  const sat = outcomes.map((w) => satisfaction(u, p.voters, w));
  return sat.map((a) =>
    sat.map((b) => {
      let n = 0;
      for (let v = 0; v < p.voters; v++) if (a[v]! > b[v]!) n++;
      return n;
    }),
  );
}
