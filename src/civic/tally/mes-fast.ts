// The Method of Equal Shares with a fixed budget (definitions in equal-shares.ts), computed
// in doubles with proven error bounds and exact rationals wherever the bounds cannot decide.
//
// Every decision of a round — is a project affordable, which project has the smallest ρ/cost,
// are two projects tied — is taken in floating point only when the error intervals
// (float-budgets.ts) separate. Two projects every approver of which can pay an equal share
// have ρ/cost = 1/m exactly, so their ties are certified without rationals. Otherwise the
// run switches to exact budgets (exact-budgets.ts): it replays the winners chosen so far in
// exact arithmetic (they were all certified), decides the doubtful comparison exactly, and
// from then on pays every winner exactly, refreshing the doubles from the exact values.
import type { BudgetProblem } from '../problem.ts';
import { compareBrackets } from './bracket.ts';
import { ExactBudgets, ratioToNumber } from './exact-budgets.ts';
import { FloatBudgets, UNSURE, type Estimate } from './float-budgets.ts';
import { tieOrder } from './outcome.ts';

const U = 2 ** -53;

/** An estimate, with the exact ρ/cost as a fraction once it has been computed. */
interface Evaluation extends Estimate {
  exact?: [bigint, bigint];
}

/** −1 if a ranks first, 1 if b does, 0 for an exact tie, NaN if the intervals overlap. */
function compare(a: Evaluation, b: Evaluation): number {
  if (a.equalVotes && b.equalVotes) return Math.sign(b.equalVotes - a.equalVotes);
  return compareBrackets(a, b);
}

/** One run: the budgets in doubles, and exact budgets once a decision has needed them. */
class Run {
  readonly floats: FloatBudgets;
  exact: ExactBudgets | undefined;
  readonly winners: number[] = [];
  constructor(
    readonly p: BudgetProblem,
    readonly total: number,
  ) {
    this.floats = new FloatBudgets(p.voters, total);
  }

  private materialize(): ExactBudgets {
    if (this.exact) return this.exact;
    const ex = new ExactBudgets(this.p.voters, this.total);
    for (const w of this.winners)
      ex.pay(this.p.approvers[w]!, ex.rho(this.p.approvers[w]!, this.p.projects[w]!.cost)!);
    this.floats.copy(
      Int32Array.from({ length: this.p.voters }, (_, i) => i),
      ex.approx,
    );
    return (this.exact = ex);
  }

  /** The exact evaluation of project j, or undefined when its approvers cannot afford it. */
  exactly(j: number, equalVotes = 0): Evaluation | undefined {
    const ex = this.materialize();
    const cost = this.p.projects[j]!.cost;
    const rho = ex.rho(this.p.approvers[j]!, cost);
    if (!rho) return undefined;
    const exact = ex.ratio(rho, cost);
    const r = ratioToNumber(exact[0], exact[1]);
    return { rho: r * cost, err: 0, lo: r * (1 - 4 * U), hi: r * (1 + 4 * U), equalVotes, exact };
  }

  /** Evaluates project j; `from` is a lower bound of its ρ. */
  evaluate(j: number, from: number): Evaluation | undefined {
    const guess = this.floats.estimate(this.p.approvers[j]!, this.p.projects[j]!.cost, from);
    return guess === UNSURE ? this.exactly(j) : guess;
  }

  pay(w: number, ev: Evaluation): void {
    const voters = this.p.approvers[w]!;
    this.winners.push(w);
    if (!this.exact) return this.floats.pay(voters, ev.rho, ev.err);
    this.exact.pay(voters, this.exact.rho(voters, this.p.projects[w]!.cost)!);
    this.floats.copy(voters, this.exact.approx);
  }
}

/** Fixed-budget Equal Shares with `total` units split equally among voters; winner indices in order. */
export function mesFast(p: BudgetProblem, total: number): number[] {
  const cost = p.projects.map((x) => x.cost);
  const votes = p.approvers.map((a) => a.length);
  const run = new Run(p, total);
  const sharpen = (j: number, ev: Evaluation): Evaluation => (ev.exact ? ev : run.exactly(j, ev.equalVotes)!);
  // Lower bound of each live project's ρ/cost: it only grows as budgets shrink.
  const lastLo = votes.map((m) => (1 / m) * (1 - 4 * U));
  let live = cost.map((_, j) => j).filter((j) => cost[j]! > 0 && votes[j]! > 0);
  for (;;) {
    live.sort((x, y) => lastLo[x]! - lastLo[y]!);
    let best: number[] = [];
    let top: Evaluation | undefined;
    const seen = new Map<number, Evaluation>();
    const dead = new Set<number>();
    for (const j of live) {
      if (top && lastLo[j]! > top.hi) break;
      let ev = run.evaluate(j, lastLo[j]! * cost[j]!);
      if (!ev) {
        dead.add(j);
        continue;
      }
      let c = top ? compare(ev, top) : -1;
      if (Number.isNaN(c)) {
        ev = sharpen(j, ev);
        top = sharpen(best[0]!, top!);
        c = compare(ev, top);
      }
      lastLo[j] = ev.lo;
      seen.set(j, ev);
      if (c < 0) {
        best = [j];
        top = ev;
      } else if (c === 0) best.push(j);
    }
    if (best.length === 0) return run.winners;
    const w = best.sort(tieOrder(cost, votes))[0]!;
    run.pay(w, seen.get(w)!);
    live = live.filter((j) => j !== w && !dead.has(j));
  }
}
