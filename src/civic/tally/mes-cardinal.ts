// The Method of Equal Shares with points as utilities (definitions in mes-cardinal-exact.ts),
// searched in doubles and decided exactly, in the manner of mes-fast.ts for approval ballots.
// A run starts with per-voter doubles carrying proven error bounds (cardinal-floats.ts): a
// decision is taken there only when the bounds separate — affordability, a proved bracket of
// each project's ρ, brackets that do not overlap, or ρ = cost/Σuᵢ exactly when every supporter
// can pay its share. At the first doubt the run switches to exact classes (cardinal-budgets.ts):
// it replays the winners so far exactly and redoes the round. There the doubles are fresh from
// the exact values, so one evaluation's error is bounded without history: with k groups of
// supporters (one class, one point value) F(x) = Σ min(bᵢ, x·uᵢ) in doubles is within
// (2k + 16)·u·Σ(bᵢ + x·uᵢ) of exact, ρ is bracketed by two evaluations of F, and overlapping
// brackets, doubtful affordability and every payment are done in exact arithmetic.
import type { BudgetProblem } from '../problem.ts';
import { compareBrackets } from './bracket.ts';
import { CardinalBudgets, type Fraction, type Groups } from './cardinal-budgets.ts';
import { CardinalFloats, UNSURE, type Bracket } from './cardinal-floats.ts';
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

/** Levels per points array, made once per problem (add1 runs Equal Shares hundreds of times). */
const levelCache = new WeakMap<Float64Array, Levels>();

function levelsOf(points: Float64Array): Levels {
  const hit = levelCache.get(points);
  if (hit) return hit;
  const levels = [...new Set(points)];
  const index = new Map(levels.map((x, i) => [x, i]));
  const out = { levels, level: Int32Array.from(points, (x) => index.get(x)!) };
  levelCache.set(points, out);
  return out;
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

/** One run: budgets in doubles with error bounds until a decision needs exact classes. */
class Run {
  floats: CardinalFloats | undefined;
  exact: CardinalBudgets | undefined;
  readonly winners: number[] = [];
  lv: Levels[] = [];
  constructor(
    readonly p: BudgetProblem,
    readonly voters: Int32Array[],
    readonly points: Float64Array[],
    readonly total: number,
  ) {
    this.floats = new CardinalFloats(p.voters, total);
  }

  private groups(j: number): Groups {
    return this.exact!.group(this.voters[j]!, this.lv[j]!.level, this.lv[j]!.levels);
  }

  /** Switches to exact classes: replays the winners so far (each certified) exactly. */
  materialize(): void {
    this.lv = this.points.map(levelsOf);
    const ex = new CardinalBudgets(this.p.voters, this.total);
    this.exact = ex;
    this.floats = undefined;
    for (const w of this.winners) this.payExactly(w, ex.rho(this.groups(w), this.p.projects[w]!.cost)!);
  }

  /** The exact evaluation of project j (exact mode), or undefined when its supporters cannot pay. */
  exactly(j: number): Evaluation | undefined {
    const fr = this.exact!.rho(this.groups(j), this.p.projects[j]!.cost);
    return fr && exactly(fr);
  }

  /** Evaluates project j from a lower bound of its ρ; DOUBT when doubles cannot decide. */
  evaluate(j: number, from: number): Evaluation | undefined | typeof DOUBT {
    const cost = this.p.projects[j]!.cost;
    if (this.floats) {
      const b = this.floats.estimate(this.voters[j]!, this.points[j]!, cost, from);
      return b === UNSURE ? DOUBT : b;
    }
    const ev = estimate(this.exact!, this.groups(j), cost);
    return ev === 'unsure' ? this.exactly(j) : ev;
  }

  /** An exact evaluation where the bracket is not enough; DOUBT in float mode. */
  sharpen(j: number, ev: Evaluation): Evaluation | typeof DOUBT {
    if (ev.exact) return ev;
    return this.floats ? DOUBT : this.exactly(j)!;
  }

  pay(w: number, ev: Evaluation): void {
    this.winners.push(w);
    if (this.floats) return this.floats.pay(this.voters[w]!, this.points[w]!, ev as Bracket);
    this.payExactly(w, ev.exact ?? this.exactly(w)!.exact!);
  }

  private payExactly(w: number, rho: Fraction): void {
    this.exact!.pay(this.voters[w]!, this.lv[w]!.level, this.lv[w]!.levels, rho);
  }
}

const DOUBT = 'doubt';

/** One round: the winner and its evaluation, null when nothing is affordable, DOUBT to redo it exactly. */
function round(
  run: Run,
  live: number[],
  lastLo: number[],
  tie: (a: number, b: number) => number,
): { w: number; ev: Evaluation; dead: Set<number> } | null | typeof DOUBT {
  let best: number[] = [];
  let top: Evaluation | undefined;
  const seen = new Map<number, Evaluation>();
  const dead = new Set<number>();
  for (const j of live) {
    if (top && lastLo[j]! > top.hi) break;
    let ev = run.evaluate(j, lastLo[j]!);
    if (ev === DOUBT) return DOUBT;
    if (!ev) {
      dead.add(j);
      continue;
    }
    let c = top ? compareBrackets(ev, top) : -1;
    if (Number.isNaN(c)) {
      const a = run.sharpen(j, ev);
      const b = run.sharpen(best[0]!, top!);
      if (a === DOUBT || b === DOUBT) return DOUBT;
      for (const k of best) seen.set(k, b);
      [ev, top] = [a, b];
      c = compareBrackets(a, b);
    }
    lastLo[j] = ev.lo;
    seen.set(j, ev);
    if (c < 0) [best, top] = [[j], ev];
    else if (c === 0) best.push(j);
  }
  if (best.length === 0) return null;
  const w = best.sort(tie)[0]!;
  return { w, ev: seen.get(w)!, dead };
}

/** Fixed-budget Equal Shares with points, `total` units split equally among voters; winner indices in order. */
export function mesCardinal(p: BudgetProblem, total: number): number[] {
  const { voters, points } = cardinalOf(p);
  const cost = p.projects.map((x) => x.cost);
  const tie = tieOrder(
    cost,
    voters.map((v) => v.length),
  );
  const run = new Run(p, voters, points, total);
  // ρ ≥ cost/Σuᵢ always, and ρ only grows as budgets shrink: a lower bound for later rounds.
  const lastLo = points.map((u, j) => (cost[j]! / u.reduce((s, x) => s + x, 0)) * (1 - 4 * U));
  let live = cost.map((_, j) => j).filter((j) => cost[j]! > 0 && voters[j]!.length > 0);
  for (;;) {
    live.sort((a, b) => lastLo[a]! - lastLo[b]!);
    const r = round(run, live, lastLo, tie);
    if (r === DOUBT) {
      run.materialize();
      continue;
    }
    if (r === null) return run.winners;
    run.pay(r.w, r.ev);
    live = live.filter((j) => j !== r.w && !r.dead.has(j));
  }
}
