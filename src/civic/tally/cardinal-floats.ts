// Voters' remaining budgets in doubles for Equal Shares with points, each with a proven bound
// εᵢ on its absolute error (as float-budgets.ts does for approval ballots), and the evaluation
// of a project with a certified bracket of its ρ. u = 2^-53. With m supporters, F(x) =
// Σ min(bᵢ, x·uᵢ) computed in doubles is within Φ(x) = Σεᵢ + (m + 8)·u·Σ(b̂ᵢ + x·uᵢ) of exact,
// as |min(b̂, y) − min(b, y)| ≤ |b̂ − b|. ρ̂ comes from water-filling by fixed-point
// iteration; the bracket [ρ̂ − t, ρ̂ + t] is proved by F̂ + Φ < cost at its lower end and
// F̂ − Φ ≥ cost at its upper end. Where that fails, or the money behind a project is within
// its error of the cost, the caller decides exactly (cardinal-budgets.ts).
import type { Fraction } from './cardinal-budgets.ts';

const U = 2 ** -53;

/** A bracket [lo, hi] holding ρ, the estimate inside it, and ρ exactly when it is known. */
export interface Bracket {
  rho: number;
  lo: number;
  hi: number;
  exact?: Fraction;
}

export const UNSURE = 'unsure';

export class CardinalFloats {
  readonly b: Float64Array;
  readonly eps: Float64Array;

  constructor(voters: number, total: number) {
    const e = total / voters;
    this.b = new Float64Array(voters).fill(e);
    this.eps = new Float64Array(voters).fill(U * e);
  }

  /** F̂(x) and Φ(x) over the supporters. */
  private spend(voters: Int32Array, points: Float64Array, x: number, epsSum: number): [number, number] {
    let f = 0;
    let scale = 0;
    for (let k = 0; k < voters.length; k++) {
      const b = this.b[voters[k]!]!;
      const due = x * points[k]!;
      f += b < due ? b : due;
      scale += b + due;
    }
    return [f, epsSum * (1 + 4 * U) + (voters.length + 8) * U * scale];
  }

  /** undefined when the supporters certainly cannot pay `cost`; UNSURE when doubles cannot tell. */
  estimate(
    voters: Int32Array,
    points: Float64Array,
    cost: number,
    from: number,
  ): Bracket | undefined | typeof UNSURE {
    let sum = 0;
    let epsSum = 0;
    let weight = 0;
    let minRatio = Infinity;
    for (let k = 0; k < voters.length; k++) {
      const v = voters[k]!;
      sum += this.b[v]!;
      epsSum += this.eps[v]!;
      weight += points[k]!;
      minRatio = Math.min(minRatio, (this.b[v]! - this.eps[v]!) / points[k]!);
    }
    const errSum = epsSum * (1 + 4 * U) + (voters.length + 8) * U * sum;
    if (sum + errSum < cost) return undefined;
    if (sum - errSum < cost) return UNSURE;
    const equal = cost / weight;
    // Every supporter can certainly pay its share: ρ = cost/Σuᵢ exactly.
    if (minRatio * (1 - 4 * U) >= equal * (1 + 4 * U))
      return {
        rho: equal,
        lo: equal * (1 - 2 * U),
        hi: equal * (1 + 2 * U),
        exact: [BigInt(cost), BigInt(weight)],
      };
    return this.bracket(voters, points, cost, weight, Math.max(from, equal), epsSum);
  }

  /** Water-filling from a lower bound of ρ, then a proved bracket around the estimate. */
  private bracket(
    voters: Int32Array,
    points: Float64Array,
    cost: number,
    weight: number,
    from: number,
    epsSum: number,
  ): Bracket | typeof UNSURE {
    let rho = from;
    let rich = weight;
    for (let pass = 0, poor = -1; ; pass++) {
      if (pass === 64) return UNSURE;
      let paid = 0;
      let w = weight;
      let k = 0;
      for (let i = 0; i < voters.length; i++) {
        const b = this.b[voters[i]!]!;
        if (b < rho * points[i]!) {
          paid += b;
          w -= points[i]!;
          k++;
        }
      }
      if (k === poor || w <= 0) break;
      poor = k;
      rich = w;
      rho = (cost - paid) / w;
    }
    let t = (2 * this.spend(voters, points, rho, epsSum)[1]) / Math.max(rich, 1);
    for (let tries = 0; tries < 6; tries++, t *= 8) {
      const lo = rho - t;
      const hi = rho + t;
      const [fLo, eLo] = this.spend(voters, points, lo, epsSum);
      const [fHi, eHi] = this.spend(voters, points, hi, epsSum);
      if (fLo + eLo < cost && fHi - eHi >= cost) return { rho, lo, hi };
    }
    return UNSURE;
  }

  /** Charges each supporter min(bᵢ, ρ·uᵢ) for ρ in [lo, hi], widening each bound by the bracket. */
  pay(voters: Int32Array, points: Float64Array, r: Bracket): void {
    const { b, eps } = this;
    const width = Math.max(r.rho - r.lo, r.hi - r.rho);
    for (let k = 0; k < voters.length; k++) {
      const v = voters[k]!;
      const due = r.rho * points[k]!;
      if (b[v]! + eps[v]! <= r.lo * points[k]! * (1 - 2 * U)) {
        // Certainly pays all it has: nothing left, exactly.
        b[v] = 0;
        eps[v] = 0;
      } else {
        const before = b[v]!;
        b[v] = Math.max(0, before - due);
        eps[v] = (eps[v]! + points[k]! * width + 2 * U * (before + due)) * (1 + 4 * U);
      }
    }
  }
}
