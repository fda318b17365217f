// Voters' remaining budgets in doubles, each with a proven bound ε_i on its absolute error,
// and the floating-point evaluation of a project with error bounds for the decisions the
// Method of Equal Shares takes (u = 2^-53 is the unit roundoff; a sum of k doubles is within
// γ_k = ku/(1−ku) of its exact value relative to the sum). Where the bounds cannot decide, the
// caller switches to exact budgets (exact-budgets.ts).

const U = 2 ** -53;
const gamma = (k: number): number => (k * U) / (1 - k * U);

/** A project's ρ (largest payment per approver) ± err and the interval [lo, hi] holding ρ/cost. */
export interface Estimate {
  rho: number;
  err: number;
  lo: number;
  hi: number;
  /** m when every approver pays cost/m, so ρ/cost is exactly 1/m. */
  equalVotes: number;
}

export const UNSURE = 'unsure';

/** An estimate from ρ ± err. */
export function estimateOf(rho: number, err: number, cost: number, equalVotes = 0): Estimate {
  const lo = ((rho - err) / cost) * (1 - 4 * U);
  const hi = ((rho + err) / cost) * (1 + 4 * U);
  return { rho, err, lo, hi, equalVotes };
}

export class FloatBudgets {
  readonly b: Float64Array;
  /** |b̂_i − b_i| ≤ eps[i]. */
  readonly eps: Float64Array;
  /** The budgets of the project being evaluated, gathered for sequential passes. */
  private gathered = new Float64Array(0);
  private gatheredEps = new Float64Array(0);

  constructor(voters: number, total: number) {
    const e = total / voters;
    this.b = new Float64Array(voters).fill(e);
    this.eps = new Float64Array(voters).fill(U * e);
  }

  /**
   * undefined if the approvers certainly cannot afford the project, UNSURE if doubles cannot
   * tell. `from` is a lower bound of ρ (the last round's, as ρ only grows), where the
   * water-filling starts.
   */
  estimate(voters: Int32Array, cost: number, from = 0): Estimate | undefined | typeof UNSURE {
    const { b, eps } = this;
    const m = voters.length;
    if (this.gathered.length < m) {
      this.gathered = new Float64Array(m * 2);
      this.gatheredEps = new Float64Array(m * 2);
    }
    const g = this.gathered;
    let sum = 0;
    let err = 0;
    let min = Infinity;
    let maxEps = 0;
    for (let i = 0; i < m; i++) {
      const v = voters[i]!;
      const x = b[v]!;
      const e = eps[v]!;
      g[i] = x;
      this.gatheredEps[i] = e;
      sum += x;
      err += e;
      if (x - e < min) min = x - e;
      if (e > maxEps) maxEps = e;
    }
    err = err * (1 + gamma(m + 2)) + gamma(m + 4) * sum;
    if (sum + err < cost) return undefined;
    if (sum - err < cost) return UNSURE;
    const share = cost / m;
    // Every approver can certainly pay an equal share: ρ = cost/m exactly.
    if (min * (1 - 2 * U) >= share * (1 + 2 * U)) return estimateOf(share, U * share, cost, m);
    return this.waterFill(voters, cost, maxEps, Math.max(share, from));
  }

  /**
   * Water-filling by fixed-point iteration from a lower bound of ρ: approvers below the
   * current share pay all they have, the rest split what is left; the set of full payers only
   * grows. With F(x) = Σ min(b_i, x) over exact budgets, |F(ρ̂) − cost| ≤ Φ = rounding of the
   * sums + the error bounds of the full payers and of the payers within ε_i of ρ̂; F has slope
   * ≥ (approvers certainly above ρ̂ + t) on the interval holding the exact ρ, so |ρ̂ − ρ| ≤ t
   * = 2Φ/payers when half the payers clear ρ̂ + t. The last pass counts those at ρ̂(1 + τ) or
   * more, which suffices when t + max ε ≤ τρ̂/2; otherwise one more pass counts them exactly.
   */
  private waterFill(
    voters: Int32Array,
    cost: number,
    maxEps: number,
    from: number,
  ): Estimate | typeof UNSURE {
    const g = this.gathered;
    const ge = this.gatheredEps;
    const m = voters.length;
    const tau = 1e-3;
    let rho = from;
    let poor = -1;
    let paid = 0;
    let clear: number;
    let loose: number;
    for (let pass = 0; ; pass++) {
      // Each pass adds full payers; rounding at a boundary must not make it cycle.
      if (pass === 64) return UNSURE;
      let p = 0;
      let k = 0;
      let c = 0;
      let l = 0;
      const bar = rho * (1 + tau);
      for (let i = 0; i < m; i++) {
        const x = g[i]!;
        if (x < rho) {
          p += x;
          k++;
          l += ge[i]!;
        } else if (x >= bar) c++;
        else if (x - ge[i]! < rho) l += ge[i]!;
      }
      if (k === poor) {
        clear = c;
        loose = l;
        break;
      }
      if (k >= m) return UNSURE;
      poor = k;
      paid = p;
      rho = (cost - p) / (m - k);
    }
    const rich = m - poor;
    const phi = (gamma(m + 8) * (paid + cost) + loose * (1 + gamma(m))) * (1 + 8 * U);
    const t = ((2 * phi) / rich) * (1 + 4 * U);
    if (t + maxEps > tau * rho * 0.5 || clear * 2 < rich) clear = this.clearing(voters, rho + t);
    return clear * 2 >= rich ? estimateOf(rho, t, cost) : UNSURE;
  }

  /** Approvers whose budget is certainly at least `bar`. */
  private clearing(voters: Int32Array, bar: number): number {
    const { b, eps } = this;
    let n = 0;
    for (let i = 0; i < voters.length; i++) {
      const v = voters[i]!;
      if ((b[v]! - eps[v]!) * (1 - 2 * U) >= bar) n++;
    }
    return n;
  }

  /** Charges each of `voters` min(budget, ρ̂), widening each bound by the error of ρ̂. */
  pay(voters: Int32Array, rho: number, err: number): void {
    const { b, eps } = this;
    for (let i = 0; i < voters.length; i++) {
      const v = voters[i]!;
      if (b[v]! + eps[v]! <= rho - err) {
        // Certainly a full payer: nothing left, exactly.
        b[v] = 0;
        eps[v] = 0;
      } else {
        // |max(0, x) − max(0, y)| ≤ |x − y|, so the bounds add, plus the subtraction's rounding.
        b[v] = Math.max(0, b[v]! - rho);
        eps[v] = (eps[v]! + err + U * (b[v]! + rho)) * (1 + 4 * U);
      }
    }
  }

  /** Takes the budgets of `voters` from exact values' nearest doubles (relative error ≤ 3u). */
  copy(voters: Int32Array, approx: Float64Array): void {
    for (let i = 0; i < voters.length; i++) {
      const v = voters[i]!;
      this.b[v] = approx[v]!;
      this.eps[v] = 4 * U * approx[v]!;
    }
  }
}
