// The Method of Equal Shares with points as utilities (definitions in mes-cardinal-exact.ts),
// searched in doubles and decided exactly. Budgets are exact classes with fresh doubles
// (cardinal-budgets.ts), so one evaluation's error is bounded without history: with k groups
// of supporters, every double within 3u of its exact value, F(x) = Σ min(bᵢ, x·uᵢ) computed in
// doubles is within (2k + 16)·u·Σ(bᵢ + x·uᵢ) of exact. A project's ρ is bracketed by checking
// F̂ − err ≥ cost at ρ̂(1 + τ) and F̂ + err < cost at ρ̂(1 − τ); when every supporter can pay its
// share, ρ = cost/Σuᵢ exactly. Comparisons whose brackets overlap, affordability the doubles
// cannot tell, and every payment are done in exact arithmetic.
import type { BudgetProblem } from '../problem.ts';
import { CardinalBudgets, type Fraction, type Groups } from './cardinal-budgets.ts';
import { ratioToNumber } from './exact-budgets.ts';
import { cardinalOf } from './mes-cardinal-exact.ts';
import { tieOrder } from './outcome.ts';

const U = 2 ** -53;
const TAU = 1e-9;

/** A bracket [lo, hi] holding ρ, and ρ exactly once it is known. */
interface Evaluation {
  lo: number;
  hi: number;
  exact?: Fraction;
}

/** Each project's distinct point values and, per supporter, the index of its value. */
interface Levels {
  levels: number[];
  level: Int32Array;
}

function levelsOf(points: Float64Array): Levels {
  const levels = [...new Set(points)];
  const index = new Map(levels.map((x, i) => [x, i]));
  return { levels, level: Int32Array.from(points, (x) => index.get(x)!) };
}

function compare(a: Evaluation, b: Evaluation): number {
  if (a.exact && b.exact) {
    const l = a.exact[0] * b.exact[1];
    const r = b.exact[0] * a.exact[1];
    return l < r ? -1 : l > r ? 1 : 0;
  }
  if (a.hi < b.lo) return -1;
  if (a.lo > b.hi) return 1;
  return NaN;
}

function exactly(fr: Fraction): Evaluation {
  const r = ratioToNumber(fr[0], fr[1]);
  return { lo: r * (1 - 4 * U), hi: r * (1 + 4 * U), exact: fr };
}

/** F̂(x) and its error bound for the groups. */
function spend(g: Groups, approx: readonly number[], x: number): [number, number] {
  let f = 0;
  let scale = 0;
  for (let s = 0; s < g.count; s++) {
    const b = approx[g.cls[s]!]!;
    const due = x * g.points[s]!;
    f += g.size[s]! * (b < due ? b : due);
    scale += g.size[s]! * (b + due);
  }
  return [f, (2 * g.count + 16) * U * scale];
}

/** ρ̂ by water-filling in doubles: supporters in increasing budget per point. */
function waterFill(g: Groups, approx: readonly number[], cost: number, weight: number): number {
  const order = Array.from({ length: g.count }, (_, s) => s);
  const r = order.map((s) => approx[g.cls[s]!]! / g.points[s]!);
  order.sort((a, b) => r[a]! - r[b]!);
  let paid = 0;
  for (const s of order) {
    const rho = (cost - paid) / weight;
    if (r[s]! >= rho) return rho;
    paid += g.size[s]! * approx[g.cls[s]!]!;
    weight -= g.size[s]! * g.points[s]!;
  }
  return cost / Math.max(weight, 1);
}

/** Evaluates one project in doubles; undefined when its supporters certainly cannot pay it. */
function estimate(budgets: CardinalBudgets, g: Groups, cost: number): Evaluation | undefined | 'unsure' {
  const approx = budgets.approx;
  let sum = 0;
  let weight = 0;
  let minRatio = Infinity;
  for (let s = 0; s < g.count; s++) {
    const b = approx[g.cls[s]!]!;
    sum += g.size[s]! * b;
    weight += g.size[s]! * g.points[s]!;
    minRatio = Math.min(minRatio, b / g.points[s]!);
  }
  const errSum = (2 * g.count + 16) * U * sum;
  if (sum + errSum < cost) return undefined;
  if (sum - errSum < cost) return 'unsure';
  const equal = cost / weight;
  if (minRatio * (1 - 8 * U) >= equal * (1 + 8 * U)) return exactly([BigInt(cost), BigInt(weight)]);
  const rho = waterFill(g, approx, cost, weight);
  const lo = rho * (1 - TAU);
  const hi = rho * (1 + TAU);
  const [fLo, eLo] = spend(g, approx, lo);
  const [fHi, eHi] = spend(g, approx, hi);
  return fLo + eLo < cost && fHi - eHi >= cost ? { lo, hi } : 'unsure';
}

/** Fixed-budget Equal Shares with points, `total` units split equally among voters; winner indices in order. */
export function mesCardinal(p: BudgetProblem, total: number): number[] {
  const { voters, points } = cardinalOf(p);
  const cost = p.projects.map((x) => x.cost);
  const tie = tieOrder(
    cost,
    voters.map((v) => v.length),
  );
  const lv = points.map(levelsOf);
  const budgets = new CardinalBudgets(p.voters, total);
  const groups = (j: number): Groups => budgets.group(voters[j]!, lv[j]!.level, lv[j]!.levels);
  const exact = (j: number): Evaluation | undefined => {
    const fr = budgets.rho(groups(j), cost[j]!);
    return fr && exactly(fr);
  };
  const evaluate = (j: number): Evaluation | undefined => {
    const ev = estimate(budgets, groups(j), cost[j]!);
    return ev === 'unsure' ? exact(j) : ev;
  };
  // ρ ≥ cost/Σuᵢ always, and ρ only grows as budgets shrink: a lower bound for later rounds.
  const lastLo = points.map((u, j) => (cost[j]! / u.reduce((s, x) => s + x, 0)) * (1 - 4 * U));
  let live = cost.map((_, j) => j).filter((j) => cost[j]! > 0 && voters[j]!.length > 0);
  const winners: number[] = [];
  for (;;) {
    live.sort((a, b) => lastLo[a]! - lastLo[b]!);
    let best: number[] = [];
    let top: Evaluation | undefined;
    const seen = new Map<number, Evaluation>();
    const dead = new Set<number>();
    for (const j of live) {
      if (top && lastLo[j]! > top.hi) break;
      let ev = evaluate(j);
      if (!ev) {
        dead.add(j);
        continue;
      }
      let c = top ? compare(ev, top) : -1;
      if (Number.isNaN(c)) {
        ev = ev.exact ? ev : exact(j)!;
        const sharp = top!.exact ? top! : exact(best[0]!)!;
        for (const k of best) seen.set(k, sharp);
        top = sharp;
        c = compare(ev, sharp);
      }
      lastLo[j] = ev.lo;
      seen.set(j, ev);
      if (c < 0) [best, top] = [[j], ev];
      else if (c === 0) best.push(j);
    }
    if (best.length === 0) return winners;
    const w = best.sort(tie)[0]!;
    const rho = seen.get(w)!.exact ?? exact(w)!.exact!;
    budgets.pay(voters[w]!, lv[w]!.level, lv[w]!.levels, rho);
    winners.push(w);
    live = live.filter((j) => j !== w && !dead.has(j));
  }
}
