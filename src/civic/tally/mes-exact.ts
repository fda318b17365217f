// The Method of Equal Shares for approval ballots with a fixed budget, in plain exact rational
// arithmetic: the independent reference the tests and bench/civic-tally.bench.ts check the
// tallies' fast path (mes-fast.ts, which falls back to exact-budgets.ts where floating point
// cannot certify a decision) against. Definitions in equal-shares.ts.
//
// Voters with the same remaining budget form a class, and every step works on classes: a
// project's approvers are counted per class, so the BigInt work grows with the number of
// distinct budgets, not with the number of voters.
import type { BudgetProblem } from '../problem.ts';
import { tieOrder } from './outcome.ts';
import { add, cmp, divInt, rat, scale, sub, ZERO, type Rational } from './rational.ts';

interface Evaluation {
  /** The largest payment asked of an approver: ρ in Peters, Pierczyński & Skowron. */
  rho: Rational;
}

class Classes {
  readonly of: Int32Array;
  readonly value: Rational[];
  private readonly count: number[] = [];
  constructor(voters: number, start: Rational) {
    this.of = new Int32Array(voters);
    this.value = [start];
  }
  /** Distinct classes among `voters` with how many voters each, by increasing budget. */
  histogram(voters: Int32Array): [number, number][] {
    const seen: number[] = [];
    for (let i = 0; i < voters.length; i++) {
      const k = this.of[voters[i]!]!;
      if (!this.count[k]) {
        seen.push(k);
        this.count[k] = 0;
      }
      this.count[k]!++;
    }
    const out = seen.map((k): [number, number] => [k, this.count[k]!]);
    for (const k of seen) this.count[k] = 0;
    return out.sort((a, b) => cmp(this.value[a[0]]!, this.value[b[0]]!));
  }
  /** Moves every voter in `voters` to the class holding max(0, budget − rho). */
  pay(voters: Int32Array, rho: Rational): void {
    const moved = new Map<number, number>();
    for (let i = 0; i < voters.length; i++) {
      const v = voters[i]!;
      const k = this.of[v]!;
      let to = moved.get(k);
      if (to === undefined) {
        const b = this.value[k]!;
        to = this.value.push(cmp(b, rho) > 0 ? sub(b, rho) : ZERO) - 1;
        moved.set(k, to);
      }
      this.of[v] = to;
    }
  }
}

function evaluate(cls: Classes, approvers: Int32Array, cost: number): Evaluation | undefined {
  const hist = cls.histogram(approvers);
  let total = ZERO;
  for (const [k, n] of hist) total = add(total, scale(cls.value[k]!, n));
  const c = rat(cost);
  if (cmp(total, c) < 0) return undefined;
  // Water-filling: the poorest approvers pay all they have while that is less than an equal
  // share of what remains; a whole class is poor or none of it is.
  let paid = ZERO;
  let left = approvers.length;
  for (const [k, n] of hist) {
    const share = divInt(sub(c, paid), left);
    const b = cls.value[k]!;
    if (cmp(share, b) <= 0) return { rho: share };
    paid = add(paid, scale(b, n));
    left -= n;
  }
  throw new Error(`equal shares: no approver can pay the final share (cost ${cost})`);
}

/** Fixed-budget Equal Shares with `total` units shared equally among voters; winner indices in order. */
export function mesExact(p: BudgetProblem, total: number): number[] {
  const cost = p.projects.map((x) => x.cost);
  const votes = p.approvers.map((a) => a.length);
  const cls = new Classes(p.voters, rat(total, p.voters));
  // Each project's ρ/cost from its last evaluation: it only grows, so it bounds later rounds.
  const last = new Map<number, Rational>();
  for (let j = 0; j < cost.length; j++) if (cost[j]! > 0 && votes[j]! > 0) last.set(j, rat(1, votes[j]!));
  const winners: number[] = [];
  for (;;) {
    let best: number[] = [];
    let bestRatio: Rational | undefined;
    const rho = new Map<number, Rational>();
    const order = [...last.keys()].sort((a, b) => cmp(last.get(a)!, last.get(b)!));
    for (const j of order) {
      if (bestRatio && cmp(last.get(j)!, bestRatio) > 0) break;
      const ev = evaluate(cls, p.approvers[j]!, cost[j]!);
      if (!ev) {
        last.delete(j);
        continue;
      }
      const ratio = divInt(ev.rho, cost[j]!);
      last.set(j, ratio);
      rho.set(j, ev.rho);
      const c = bestRatio ? cmp(ratio, bestRatio) : -1;
      if (c < 0) {
        best = [j];
        bestRatio = ratio;
      } else if (c === 0) best.push(j);
    }
    if (best.length === 0) return winners;
    const w = best.sort(tieOrder(cost, votes))[0]!;
    winners.push(w);
    last.delete(w);
    cls.pay(p.approvers[w]!, rho.get(w)!);
  }
}
