import {
  flqVariant,
  lambdaStar,
  localConsumption,
  regionalCoefficients,
  simpleLq,
  type FlqVariant,
} from './flq.ts';
import { gravity, supplyNorms } from './gravity.ts';
import { dot, identityMinus } from './leontief.ts';
import { luFactorDominant, luSolve, type Lu } from './lu.ts';
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

/** Builds the interregional system: one LU per area. */
export function interregionalSystem(
  national: NationalModel,
  sizes: RegionalSizes,
  centroids: { x: Float64Array; y: Float64Array },
  opts: InterregionalOptions = {},
): InterregionalSystem {
  const delta = opts.delta ?? INTERREGIONAL_DEFAULTS.delta;
  checkDelta(delta);
  const variant = flqVariant(opts.variant ?? INTERREGIONAL_DEFAULTS.variant);
  const n = national.n;
  const N = sizes.areas.length;
  checkCodes(national, sizes);
  const g = gravity(centroids.x, centroids.y, opts.beta ?? INTERREGIONAL_DEFAULTS.beta, sizes.areas);
  const norm = supplyNorms(g, sizes.size, N, n);
  const nation = nationalTotals(sizes);
  const nationTotal = nation.reduce((s, v) => s + v, 0);
  const sys: InterregionalSystem = {
    areas: [...sizes.areas],
    codes: [...national.codes],
    n,
    lu: [],
    leak: [],
    leakC: [],
    v: [],
    loop: new Float64Array(N),
    h: national.closure.h,
    c: national.closure.c,
    g,
    size: sizes.size,
    norm,
    flags: [],
  };
  for (let r = 0; r < N; r++) {
    const region = sizes.size.subarray(r * n, (r + 1) * n);
    const total = region.reduce((s, v) => s + v, 0);
    if (!(total > 0)) throw new Error(`area has no size: ${sizes.areas[r]}`);
    const slq = simpleLq(region, nation, total, nationTotal);
    const lambda = lambdaStar(total / nationTotal, delta);
    const rc = regionalCoefficients(national.a, n, slq, lambda, variant);
    const c = localConsumption(national.closure.c, slq, lambda);
    keepUnsuppliedLocal(sys, r, national, rc, c);
    const leak = national.a.map((a, k) => a - rc[k]!);
    // R ≤ A, whose columns sum below 1: I − R is diagonally dominant, no pivot search needed.
    // R is not needed once the leakage is known, so I − R and its LU take its array.
    const lu = luFactorDominant(identityMinus(rc, n, rc), n, 'I − R');
    const v = luSolve(lu, c);
    sys.lu.push(lu);
    sys.leak.push(leak);
    sys.leakC.push(national.closure.c.map((ci, i) => ci - c[i]!));
    sys.v.push(v);
    sys.loop[r] = dot(sys.h, v);
  }
  return sys;
}

/** Where no other area has industry i, area r's leakage of it has no supplier: it stays local (flagged). */
function keepUnsuppliedLocal(
  sys: InterregionalSystem,
  r: number,
  national: NationalModel,
  rc: Float64Array,
  c: Float64Array,
): void {
  const n = sys.n;
  for (let i = 0; i < n; i++) {
    if (sys.norm[r * n + i]! > 0) continue;
    let leaks = national.closure.c[i]! > c[i]!;
    for (let j = 0; j < n; j++) leaks ||= national.a[i * n + j]! > rc[i * n + j]!;
    if (!leaks) continue;
    for (let j = 0; j < n; j++) rc[i * n + j] = national.a[i * n + j]!;
    c[i] = national.closure.c[i]!;
    sys.flags.push(
      `${sys.areas[r]}: ${sys.codes[i]} has no supplier in any other area; its inputs stay local`,
    );
  }
}
