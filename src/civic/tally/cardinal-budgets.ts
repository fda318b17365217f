// Voters' remaining budgets for the Method of Equal Shares with points (mes-cardinal.ts), held
// exactly and as doubles. Voters with the same remaining budget share a class; every class
// value is a BigInt numerator over one common denominator D (D starts at n, the number of
// voters). A payment ρ = (cost·D − paid)/(W·D), W the points of the supporters paying ρ·uᵢ,
// multiplies D by W, so no gcd is ever taken (as exact-budgets.ts does for approval ballots).
// Each class also carries the nearest double of its value, recomputed from the exact value
// when the class is made (relative error at most 3u, u = 2^-53), so float errors never
// accumulate: a decision in doubles needs only the error of one evaluation.
import { ratioToNumber } from './exact-budgets.ts';

/** The supporters of one project as groups of one budget class and one point value. */
export interface Groups {
  count: number;
  key: Int32Array;
  cls: Int32Array;
  points: Float64Array;
  size: Float64Array;
}

/** An exact ρ = num/den. */
export type Fraction = [bigint, bigint];

export class CardinalBudgets {
  private readonly classOf: Int32Array;
  private readonly num: bigint[];
  private readonly made: number[];
  /** Each class's value as the nearest double. */
  readonly approx: number[];
  private lift: bigint[] = [1n];
  private den: bigint;
  private seen = new Int32Array(16).fill(-1);
  private readonly groups: Groups = {
    count: 0,
    key: new Int32Array(64),
    cls: new Int32Array(64),
    points: new Float64Array(64),
    size: new Float64Array(64),
  };

  constructor(voters: number, total: number) {
    // Class 0 holds every voter with nothing left; class 1 the untouched starting budget.
    this.den = BigInt(voters);
    this.num = [0n, BigInt(total)];
    this.made = [0, 0];
    this.approx = [0, total / voters];
    this.classOf = new Int32Array(voters).fill(1);
  }

  /** Numerator of class k over the current denominator. */
  at(k: number): bigint {
    return this.num[k]! * this.lift[this.made[k]!]!;
  }

  /**
   * Groups the supporters of a project by (class, point level); `level[i]` indexes `levels`
   * for supporter i. The result is reused by the next call.
   */
  group(voters: Int32Array, level: Int32Array, levels: readonly number[]): Groups {
    const L = levels.length;
    const need = this.num.length * L;
    if (this.seen.length < need) this.seen = new Int32Array(need * 2).fill(-1);
    const g = this.groups;
    if (g.cls.length < voters.length) this.grow(voters.length);
    let count = 0;
    for (let i = 0; i < voters.length; i++) {
      const k = this.classOf[voters[i]!]!;
      const key = k * L + level[i]!;
      let slot = this.seen[key]!;
      if (slot < 0) {
        slot = this.seen[key] = count++;
        g.key[slot] = key;
        g.cls[slot] = k;
        g.points[slot] = levels[level[i]!]!;
        g.size[slot] = 0;
      }
      g.size[slot]!++;
    }
    for (let s = 0; s < count; s++) this.seen[g.key[s]!] = -1;
    g.count = count;
    return g;
  }

  private grow(n: number): void {
    const g = this.groups;
    g.key = new Int32Array(n * 2);
    g.cls = new Int32Array(n * 2);
    g.points = new Float64Array(n * 2);
    g.size = new Float64Array(n * 2);
  }

  /** The exact ρ for these groups and cost, or undefined when they cannot pay it. */
  rho(g: Groups, cost: number): Fraction | undefined {
    const order = Array.from({ length: g.count }, (_, s) => s);
    const value = order.map((s) => this.at(g.cls[s]!));
    const u = order.map((s) => BigInt(g.points[s]!));
    const n = order.map((s) => BigInt(g.size[s]!));
    const need = BigInt(cost) * this.den;
    let total = 0n;
    let weight = 0n;
    for (const s of order) {
      total += value[s]! * n[s]!;
      weight += u[s]! * n[s]!;
    }
    if (total < need) return undefined;
    // Increasing budget per point: value_a/u_a < value_b/u_b ⇔ value_a·u_b < value_b·u_a.
    order.sort((a, b) => {
      const l = value[a]! * u[b]!;
      const r = value[b]! * u[a]!;
      return l < r ? -1 : l > r ? 1 : 0;
    });
    let paid = 0n;
    for (const s of order) {
      // ρ·D = (need − paid)/weight fits within this group's budget: the rest pay ρ·uᵢ.
      if ((need - paid) * u[s]! <= value[s]! * weight) return [need - paid, weight * this.den];
      paid += value[s]! * n[s]!;
      weight -= u[s]! * n[s]!;
    }
    throw new Error(`equal shares: no supporter can pay the final share (cost ${cost})`);
  }

  /** Charges each supporter min(budget, ρ·uᵢ); D becomes D·W for ρ = num/(W·D). */
  pay(voters: Int32Array, level: Int32Array, levels: readonly number[], rho: Fraction): void {
    const [rhoNum, rhoDen] = rho;
    // Bring ρ to the form (x/W)/D with W = rhoDen/D when it was given over another denominator.
    const w = rhoDen % this.den === 0n ? rhoDen / this.den : rhoDen;
    const x = rhoDen % this.den === 0n ? rhoNum : rhoNum * this.den;
    this.lift = this.lift.map((l) => l * w);
    this.lift.push(1n);
    this.den *= w;
    const round = this.lift.length - 1;
    const moved = new Map<number, number>();
    for (let i = 0; i < voters.length; i++) {
      const v = voters[i]!;
      const key = this.classOf[v]! * levels.length + level[i]!;
      let to = moved.get(key);
      if (to === undefined) {
        const left = this.at(this.classOf[v]!) - x * BigInt(levels[level[i]!]!);
        to = left > 0n ? this.push(left, round) : 0;
        moved.set(key, to);
      }
      this.classOf[v] = to;
    }
  }

  private push(value: bigint, round: number): number {
    this.made.push(round);
    this.approx.push(ratioToNumber(value, this.den));
    return this.num.push(value) - 1;
  }
}
