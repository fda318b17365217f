import { REGIONAL_DEFAULTS } from './defaults.ts';
import { flqVariant, type FlqVariant } from './flq.ts';
import { layerBasket, type LayerMap } from './layers.ts';
import { checkDelta } from './model.ts';
import type { NationalModel } from './national.ts';
import type { RegionalSizes } from './sizes.ts';

/**
 * What every area's regional models share, fixed once before any area is built: the national
 * coefficients, the rows each area's I − R is solved for, the layers' basket, the sizes and
 * their national totals. Plain typed arrays and numbers, so a worker thread receives it as is.
 */
export interface RegionalPlan {
  n: number;
  variant: FlqVariant;
  deltas: number[];
  /** Per δ: keep the whole model (R, its LU, the closure, Λ), or only its multipliers. */
  keep: boolean[];
  a: Float64Array;
  h: Float64Array;
  c: Float64Array;
  output: Float64Array;
  /**
   * The rows every multiplier and Λ is a solve with (I − R)ᵀ for, stacked n-vectors: 1 (output),
   * GVA, compensation, employment when the model has it, then P's K layer rows.
   */
  rows: Float64Array;
  /** How many of `rows` are factor rows (3 without employment, else 4). */
  factors: number;
  /** Layers for Λ (0: no Λ) and the basket D, n × k. */
  k: number;
  basket: Float64Array;
  areas: string[];
  /** Sizes N × n, and their sums over areas. */
  size: Float64Array;
  nation: Float64Array;
  nationTotal: number;
}

export interface PlanOptions {
  deltas: number[];
  keep: boolean[];
  variant?: FlqVariant;
  layers?: LayerMap;
  basket?: Float64Array;
}

/** Checks the options and lays out the shared work. */
export function regionalPlan(national: NationalModel, sizes: RegionalSizes, o: PlanOptions): RegionalPlan {
  checkCodes(national, sizes);
  if (o.deltas.length === 0) throw new Error('no delta to build regional models for');
  o.deltas.forEach((d) => checkDelta(d));
  const n = national.n;
  const f = national.factors;
  const factorRows = [
    new Float64Array(n).fill(1),
    f.gva,
    f.compensation,
    ...(f.employment ? [f.employment] : []),
  ];
  const k = o.layers ? o.layers.k : 0;
  const rows = new Float64Array((factorRows.length + k) * n);
  factorRows.forEach((row, t) => rows.set(row, t * n));
  for (let l = 0; l < k; l++)
    for (let i = 0; i < n; i++) rows[(factorRows.length + l) * n + i] = o.layers!.weights[i * k + l]!;
  const basket = o.layers ? (o.basket ?? layerBasket(o.layers, national.finalDemand)) : new Float64Array(0);
  if (basket.length !== n * k)
    throw new Error(`layer basket: expected ${n}×${k} values, got ${basket.length}`);
  const nation = nationalTotals(sizes);
  return {
    n,
    variant: flqVariant(o.variant ?? REGIONAL_DEFAULTS.variant),
    deltas: [...o.deltas],
    keep: [...o.keep],
    a: national.a,
    h: national.closure.h,
    c: national.closure.c,
    output: national.output,
    rows,
    factors: factorRows.length,
    k,
    basket,
    areas: [...sizes.areas],
    size: sizes.size,
    nation,
    nationTotal: nation.reduce((s, v) => s + v, 0),
  };
}

/** Σ over areas of each industry's size. */
export function nationalTotals(sizes: RegionalSizes): Float64Array {
  const n = sizes.codes.length;
  const out = new Float64Array(n);
  for (let r = 0; r < sizes.areas.length; r++) for (let i = 0; i < n; i++) out[i]! += sizes.size[r * n + i]!;
  return out;
}

/** Throws unless the sizes are by the table's industries, in its order. */
export function checkCodes(national: NationalModel, sizes: RegionalSizes): void {
  if (sizes.codes.length !== national.n || sizes.codes.some((c, i) => c !== national.codes[i]))
    throw new Error(
      `regional sizes industries do not match the table: ${sizes.codes.slice(0, 3).join(', ')}…`,
    );
}
