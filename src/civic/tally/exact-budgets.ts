// Voters' remaining budgets during one run of the Method of Equal Shares, held exactly.
//
// Voters with the same remaining budget share a class. Every class value is an integer
// numerator over one common denominator D, so no gcd is ever needed: D starts as the number
// of voters n (each voter starts with total/n), and each payment ρ = (cost·D − paid)/(k·D),
// where k approvers pay ρ and the others pay all they have, multiplies D by k. Each voter
// also carries the nearest double of its budget (relative error at most 4u, u = 2^-53),
// recomputed from the exact value whenever it changes, so float errors never accumulate.

/** An exact ρ: rhoNum / (rich · D) at the moment it was computed. */
export interface ExactRho {
  rhoNum: bigint;
  rich: number;
}

/** The nearest double to num/den for non-negative BigInts of any size (relative error ≤ 3u). */
export function ratioToNumber(num: bigint, den: bigint): number {
  const a = Number(num);
  const b = Number(den);
  if (Number.isFinite(a) && Number.isFinite(b)) return a / b;
  const shift = BigInt(Math.max(0, den.toString(16).length * 4 - 960));
  return Number(num >> shift) / Number(den >> shift);
}

export class ExactBudgets {
  /** Each voter's budget as the nearest double, for the floating-point search. */
  readonly approx: Float64Array;
  private readonly classOf: Int32Array;
  private readonly num: bigint[];
  /** Round in which each class was made; its numerator is over D of that round. */
  private readonly made: number[];
  private readonly classApprox: number[];
  /** lift[q] = D(now) / D(q). */
  private lift: bigint[] = [1n];
  private den: bigint;
  private readonly scratch: number[] = [];

  constructor(voters: number, total: number) {
    // Class 0 holds every voter with nothing left; class 1 the untouched starting budget.
    this.den = BigInt(voters);
    this.num = [0n, BigInt(total)];
    this.made = [0, 0];
    this.classApprox = [0, total / voters];
    this.classOf = new Int32Array(voters).fill(1);
    this.approx = new Float64Array(voters).fill(total / voters);
  }

  /** Numerator of class k over the current denominator. */
  private at(k: number): bigint {
    return this.num[k]! * this.lift[this.made[k]!]!;
  }

  private order = (a: number, b: number): number => {
    const x = this.classApprox[a]!;
    const y = this.classApprox[b]!;
    if (Math.abs(x - y) > 1e-9 * Math.max(x, y)) return x - y;
    const l = this.at(a);
    const r = this.at(b);
    return l < r ? -1 : l > r ? 1 : 0;
  };

  /** The classes among `voters` with their sizes, by increasing budget. */
  histogram(voters: Int32Array): [number, number][] {
    const count = this.scratch;
    const seen: number[] = [];
    for (let i = 0; i < voters.length; i++) {
      const k = this.classOf[voters[i]!]!;
      if (!count[k]) {
        count[k] = 0;
        seen.push(k);
      }
      count[k]!++;
    }
    seen.sort(this.order);
    const out = seen.map((k): [number, number] => [k, count[k]!]);
    for (const k of seen) count[k] = 0;
    return out;
  }

  /** Exact ρ of a project for these approvers, or undefined when they cannot afford it. */
  rho(voters: Int32Array, cost: number): ExactRho | undefined {
    const hist = this.histogram(voters);
    const need = BigInt(cost) * this.den;
    let total = 0n;
    for (const [k, n] of hist) total += this.at(k) * BigInt(n);
    if (total < need) return undefined;
    let paid = 0n;
    let rich = voters.length;
    for (const [k, n] of hist) {
      const b = this.at(k);
      // An equal share of what is left, (need − paid)/rich, fits within b: the rest pay it.
      if (need - paid <= b * BigInt(rich)) return { rhoNum: need - paid, rich };
      paid += b * BigInt(n);
      rich -= n;
    }
    throw new Error(`equal shares: no approver can pay the final share (cost ${cost})`);
  }

  /** ρ/cost as an exact fraction [num, den]. */
  ratio(r: ExactRho, cost: number): [bigint, bigint] {
    return [r.rhoNum, BigInt(r.rich) * this.den * BigInt(cost)];
  }

  /** Charges each of `voters` min(budget, ρ); D becomes D·rich. */
  pay(voters: Int32Array, r: ExactRho): void {
    const k = BigInt(r.rich);
    this.lift = this.lift.map((x) => x * k);
    this.lift.push(1n);
    this.den *= k;
    const round = this.lift.length - 1;
    const moved = new Map<number, number>();
    for (let i = 0; i < voters.length; i++) {
      const v = voters[i]!;
      const from = this.classOf[v]!;
      let to = moved.get(from);
      if (to === undefined) {
        const left = this.num[from]! * this.lift[this.made[from]!]! - r.rhoNum;
        if (left > 0n) {
          to = this.num.push(left) - 1;
          this.made.push(round);
          this.classApprox.push(ratioToNumber(left, this.den));
        } else to = 0;
        moved.set(from, to);
      }
      this.classOf[v] = to;
      this.approx[v] = this.classApprox[to]!;
    }
  }
}
