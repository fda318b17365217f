import {
  flqVariant,
  lambdaStar,
  localConsumption,
  regionalDiagonal,
  regionalLeontief,
  simpleLq,
  type FlqVariant,
} from './flq.ts';
import { gravity, supplyNorms } from './gravity.ts';
import { dot } from './leontief.ts';
import { luFactorDominant, luSolve, type Lu } from './lu.ts';
import { scratchArena } from './simd.ts';
import { checkDelta } from './model.ts';
import type { NationalModel } from './national.ts';
import { REGIONAL_DEFAULTS } from './defaults.ts';
import { checkCodes, nationalTotals } from './regional-plan.ts';
import type { RegionalSizes } from './sizes.ts';

/** The regional defaults, and a distance decay β = 1 for the gravity term. */
export const INTERREGIONAL_DEFAULTS = {
  delta: REGIONAL_DEFAULTS.delta,
  variant: REGIONAL_DEFAULTS.variant,
  beta: 1,
} as const;

export interface InterregionalOptions {
  delta?: number;
  variant?: FlqVariant;
  /** Distance decay of the gravity term; default INTERREGIONAL_DEFAULTS.beta. */
  beta?: number;
}

/**
 * The interregional model (METHODS.md §3): area r keeps r_ij = a_ij·min(FLQ,1) of each input
 * and the leakage a_ij − r_ij is bought from the other areas in proportion to
 * size_i^s / d_rs^β. Households (Type II) buy c_i·min(λ*SLQ_i, 1) locally and the rest
 * likewise elsewhere; they earn and spend in their own area. Stored per area: the LU of
 * I − R^r, the leakage matrix, and v^r = (I − R^r)⁻¹c^r for the household closure. The
 * stacked matrix is never formed.
 */
export interface InterregionalSystem {
  areas: string[];
  codes: string[];
  n: number;
  lu: Lu[];
  /** a − r per area (n × n). */
  leak: Float64Array[];
  /** c − c^r per area. */
  leakC: Float64Array[];
  /** (I − R^r)⁻¹ c^r and h·that, per area. */
  v: Float64Array[];
  loop: Float64Array;
  /** National household row and column. */
  h: Float64Array;
  c: Float64Array;
  /** Gravity terms N × N, sizes N × n, supply normalisers N × n. */
  g: Float64Array;
  size: Float64Array;
  norm: Float64Array;
  flags: string[];
}

/**
 * Builds the interregional system: one LU per area. Each area's I − R is written by the FLQ
 * kernel and factored in place in this thread's WebAssembly scratch memory (simd.ts: the same
 * bits as JavaScript, faster), then copied out; every area's LU and leakage live in two arrays
 * of N·n² values rather than 2N small ones. interregional-reference.ts builds the same system
 * the straightforward way (tests: bit for bit).
 */
export function interregionalSystem(
  national: NationalModel,
  sizes: RegionalSizes,
  centroids: { x: Float64Array; y: Float64Array },
  opts: InterregionalOptions = {},
): InterregionalSystem {
  const { n, delta, variant, nation, nationTotal, g, norm } = systemSetup(national, sizes, centroids, opts);
  const N = sizes.areas.length;
  const sys = emptySystem(national, sizes, g, norm);
  const lus = new Float64Array(N * n * n);
  const leaks = new Float64Array(N * n * n);
  const arena = scratchArena(8 * (2 * n * n + 2 * n) + 64);
  const a = arena.take(n * n);
  a.set(national.a);
  const m = arena.take(n * n);
  const work = { colScale: arena.take(n), rowFactor: arena.take(n) };
  const diag = new Float64Array(n);
  for (let r = 0; r < N; r++) {
    const region = sizes.size.subarray(r * n, (r + 1) * n);
    const total = region.reduce((s, v) => s + v, 0);
    if (!(total > 0)) throw new Error(`area has no size: ${sizes.areas[r]}`);
    const slq = simpleLq(region, nation, total, nationTotal);
    const lambda = lambdaStar(total / nationTotal, delta);
    regionalLeontief(a, n, slq, lambda, variant, m, arena.flqRows, work);
    regionalDiagonal(national.a, n, slq, lambda, variant, diag);
    const c = localConsumption(national.closure.c, slq, lambda);
    keepUnsuppliedLocal(sys, r, national, { m, diag }, c);
    const leak = leaks.subarray(r * n * n, (r + 1) * n * n);
    // a − r with r = −(I − R) off the diagonal (negation is exact) and R's own diagonal on it.
    for (let k = 0; k < n * n; k++) leak[k] = national.a[k]! + m[k]!;
    for (let i = 0; i < n; i++) leak[i * n + i] = national.a[i * n + i]! - diag[i]!;
    // R ≤ A, whose columns sum below 1: I − R is diagonally dominant, no pivot search needed.
    const { piv } = luFactorDominant(m, n, 'I − R', arena.rank4);
    const lu: Lu = { n, lu: lus.subarray(r * n * n, (r + 1) * n * n), piv };
    lu.lu.set(m);
    const v = luSolve(lu, c);
    sys.lu.push(lu);
    sys.leak.push(leak);
    sys.leakC.push(national.closure.c.map((ci, i) => ci - c[i]!));
    sys.v.push(v);
    sys.loop[r] = dot(sys.h, v);
  }
  return sys;
}

/** What every area's build shares: δ, the variant, the national sizes, the gravity terms and supply normalisers. */
export function systemSetup(
  national: NationalModel,
  sizes: RegionalSizes,
  centroids: { x: Float64Array; y: Float64Array },
  opts: InterregionalOptions,
) {
  const delta = opts.delta ?? INTERREGIONAL_DEFAULTS.delta;
  checkDelta(delta);
  const variant = flqVariant(opts.variant ?? INTERREGIONAL_DEFAULTS.variant);
  const n = national.n;
  checkCodes(national, sizes);
  const g = gravity(centroids.x, centroids.y, opts.beta ?? INTERREGIONAL_DEFAULTS.beta, sizes.areas);
  const norm = supplyNorms(g, sizes.size, sizes.areas.length, n);
  const nation = nationalTotals(sizes);
  return { n, delta, variant, nation, nationTotal: nation.reduce((s, v) => s + v, 0), g, norm };
}

/** A system with its shared parts and no area yet. */
export function emptySystem(
  national: NationalModel,
  sizes: RegionalSizes,
  g: Float64Array,
  norm: Float64Array,
): InterregionalSystem {
  return {
    areas: [...sizes.areas],
    codes: [...national.codes],
    n: national.n,
    lu: [],
    leak: [],
    leakC: [],
    v: [],
    loop: new Float64Array(sizes.areas.length),
    h: national.closure.h,
    c: national.closure.c,
    g,
    size: sizes.size,
    norm,
    flags: [],
  };
}

/**
 * Where no other area has industry i, area r's leakage of it has no supplier: it stays local
 * (flagged). `m` is I − R (so r_ij = −m_ij off the diagonal) and `diag` R's diagonal.
 */
function keepUnsuppliedLocal(
  sys: InterregionalSystem,
  r: number,
  national: NationalModel,
  local: { m: Float64Array; diag: Float64Array },
  c: Float64Array,
): void {
  const { n } = sys;
  const { m, diag } = local;
  const a = national.a;
  for (let i = 0; i < n; i++) {
    if (sys.norm[r * n + i]! > 0) continue;
    let leaks = national.closure.c[i]! > c[i]! || a[i * n + i]! > diag[i]!;
    for (let j = 0; j < n; j++) leaks ||= j !== i && a[i * n + j]! > -m[i * n + j]!;
    if (!leaks) continue;
    for (let j = 0; j < n; j++) m[i * n + j] = -a[i * n + j]!;
    m[i * n + i] = 1 - a[i * n + i]!;
    diag[i] = a[i * n + i]!;
    c[i] = national.closure.c[i]!;
    sys.flags.push(
      `${sys.areas[r]}: ${sys.codes[i]} has no supplier in any other area; its inputs stay local`,
    );
  }
}
