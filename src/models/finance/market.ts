// Market paths, a block of paths at a time: correlated annual real log-returns x = μ + F z for
// the seven core assets and any asset a policy adds, CPI inflation, and the gross real return
// of each portfolio the policies hold (rebalanced annually: G = Σ w_i e^{x_i}). Policies read
// blocks laid out year by year with the paths of the block contiguous, and never a path per
// area: areas scale the same paths. Draws come from the counter-based generator, so a path's
// numbers depend only on (seed, path, year, stream).
import { drawBits, pathKeyA, pathKeyB, yearKey } from './counter-rng.ts';
import { expTable, fastExp } from './fast-exp.ts';
import { normalFromBits, quantileTable } from './normal.ts';

/** Paths simulated together: the block's arrays stay in cache. */
export const BLOCK = 512;
/** The stream of inflation's draws; core assets use 0–6, added assets 8, 9, … */
export const INFLATION_STREAM = 7;

/** Everything the market simulation needs, as plain numbers (it crosses to worker threads). */
export interface MarketPlan {
  seed: number;
  years: number;
  assets: string[];
  /** μ of each asset's annual real log-return. */
  mu: Float64Array;
  /** Lower-triangular F (n × n, row-major): log-return deviations are F z. */
  factor: Float64Array;
  /** The generator stream of each asset's own draw. */
  streams: Int32Array;
  /** Portfolio weights, P × n row-major; each portfolio's gross return is Σ w_i e^{x_i}. */
  portfolios: Float64Array;
  /** Assets whose log-return deviation F z (a standardised factor when σ = 1) policies read directly. */
  read: Int32Array;
  inflation: { mean: number; speed: number; sigma: number; start: number } | null;
}

/** One block of market paths: [index][year][path in block]. */
export interface MarketBlock {
  from: number;
  n: number;
  years: number;
  /** Gross real returns, P × years × BLOCK. */
  gross: Float64Array;
  /** F z of the `read` assets, R × years × BLOCK. */
  deviations: Float64Array;
  /** CPI inflation, years × BLOCK (zeros when the plan has none). */
  inflation: Float64Array;
}

/** Empty block buffers for a plan (reused block after block). */
export function marketBuffers(plan: MarketPlan): MarketBlock {
  const P = plan.portfolios.length / plan.assets.length;
  return {
    from: 0,
    n: 0,
    years: plan.years,
    gross: new Float64Array(P * plan.years * BLOCK),
    deviations: new Float64Array(plan.read.length * plan.years * BLOCK),
    inflation: new Float64Array(plan.years * BLOCK),
  };
}

/** Fills `out` with paths [from, from + n), n ≤ BLOCK. */
export function simulateMarket(plan: MarketPlan, from: number, n: number, out: MarketBlock): void {
  if (n > BLOCK) throw new Error(`block too large: ${n}`);
  const A = plan.assets.length;
  const P = plan.portfolios.length / A;
  const Y = plan.years;
  const keyA = new Int32Array(n);
  const keyB = new Int32Array(n);
  const yk = new Int32Array(n);
  const z = new Float64Array(A * BLOCK);
  const x = new Float64Array(BLOCK);
  const qt = quantileTable();
  const et = expTable();
  const held = heldAssets(plan.portfolios, A);
  const readAt = new Int32Array(A).fill(-1);
  plan.read.forEach((a, r) => (readAt[a] = r));
  out.from = from;
  out.n = n;
  out.gross.fill(0);
  for (let k = 0; k < n; k++) {
    keyA[k] = pathKeyA(plan.seed, from + k);
    keyB[k] = pathKeyB(plan.seed, from + k);
  }
  for (let y = 0; y < Y; y++) {
    for (let k = 0; k < n; k++) yk[k] = yearKey(keyB[k]!, y);
    for (let j = 0; j < A; j++) draws(keyA, yk, plan.streams[j]!, n, z, j * BLOCK, qt);
    if (plan.inflation) inflationYear(plan, keyA, yk, y, n, out.inflation, qt);
    for (let i = 0; i < A; i++) {
      const r = readAt[i]!;
      if (!held[i] && r < 0) continue;
      deviation(plan.factor, A, i, z, n, x);
      if (r >= 0) out.deviations.set(x.subarray(0, n), (r * Y + y) * BLOCK);
      if (held[i]) grossReturns(plan, i, P, A, x, n, out.gross, y, et);
    }
  }
}

function heldAssets(weights: Float64Array, A: number): boolean[] {
  const held = new Array<boolean>(A).fill(false);
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) held[i % A] = true;
  return held;
}

function draws(
  keyA: Int32Array,
  yk: Int32Array,
  stream: number,
  n: number,
  z: Float64Array,
  at: number,
  qt: Float64Array,
): void {
  for (let k = 0; k < n; k++) z[at + k] = normalFromBits(drawBits(keyA[k]!, yk[k]!, stream), qt);
}

// x = Σ_{j ≤ i} F_ij z_j, skipping zero loadings (an added asset loads on the core only).
function deviation(f: Float64Array, A: number, i: number, z: Float64Array, n: number, x: Float64Array): void {
  x.fill(0, 0, n);
  for (let j = 0; j <= i; j++) {
    const l = f[i * A + j]!;
    if (l === 0) continue;
    const at = j * BLOCK;
    for (let k = 0; k < n; k++) x[k] += l * z[at + k]!;
  }
}

function grossReturns(
  plan: MarketPlan,
  i: number,
  P: number,
  A: number,
  x: Float64Array,
  n: number,
  gross: Float64Array,
  y: number,
  et: Float64Array,
): void {
  const mu = plan.mu[i]!;
  for (let k = 0; k < n; k++) x[k] = fastExp(mu + x[k]!, et);
  for (let p = 0; p < P; p++) {
    const w = plan.portfolios[p * A + i]!;
    if (w === 0) continue;
    const at = (p * plan.years + y) * BLOCK;
    for (let k = 0; k < n; k++) gross[at + k] += w * x[k]!;
  }
}

// π_t = π̄ + e^{−κ}(π_{t−1} − π̄) + σ √((1 − e^{−2κ}) / 2κ) ε_t: the exact annual sampling of
// the Ornstein–Uhlenbeck process dπ = κ(π̄ − π)dt + σ dW.
function inflationYear(
  plan: MarketPlan,
  keyA: Int32Array,
  yk: Int32Array,
  y: number,
  n: number,
  out: Float64Array,
  qt: Float64Array,
): void {
  const { mean, speed, sigma, start } = plan.inflation!;
  const phi = Math.exp(-speed);
  const sd = sigma * Math.sqrt(-Math.expm1(-2 * speed) / (2 * speed));
  for (let k = 0; k < n; k++) {
    const prev = y === 0 ? start : out[(y - 1) * BLOCK + k]!;
    const e = normalFromBits(drawBits(keyA[k]!, yk[k]!, INFLATION_STREAM), qt);
    out[y * BLOCK + k] = mean + phi * (prev - mean) + sd * e;
  }
}
