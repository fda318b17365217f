import type { RegionalPlan } from './regional-plan.ts';

/**
 * Where every area's results go: one array per quantity for all areas (area-major, then δ),
 * so N areas make a dozen allocations, not thousands, and worker threads can write their areas
 * straight into shared memory. An area goes in a slot (its index, or its place in a list of
 * the areas asked for). `kept` counts the δ whose whole model is kept.
 */
export interface RegionalSlab {
  slots: number;
  kept: number;
  slq: Float64Array;
  output: Float64Array;
  /** λ* per area and δ. */
  lambda: Float64Array;
  /** h(I − R)⁻¹c per area and δ. */
  loop: Float64Array;
  /** 7n values per effect, `factors` effects per area and δ (multipliers.ts's layout). */
  effects: Float64Array;
  /** Per area and kept δ: the LU of I − R (n × n), c^r, q = h(I − R)⁻¹, v = (I − R)⁻¹c^r, Λ (K × K). */
  lu: Float64Array;
  c: Float64Array;
  q: Float64Array;
  v: Float64Array;
  interaction: Float64Array;
}

/** A slab for `slots` areas (default all the plan's); in shared memory when worker threads will fill it. */
export function allocateSlab(plan: RegionalPlan, shared: boolean, slots = plan.areas.length): RegionalSlab {
  const N = slots;
  const D = plan.deltas.length;
  const F = plan.keep.filter(Boolean).length;
  const { n, k } = plan;
  const make = (length: number) =>
    shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
  return {
    slots: N,
    kept: F,
    slq: make(N * n),
    output: make(N * n),
    lambda: make(N * D),
    loop: make(N * D),
    effects: make(N * D * plan.factors * 7 * n),
    lu: make(N * F * n * n),
    c: make(N * F * n),
    q: make(N * F * n),
    v: make(N * F * n),
    interaction: make(N * F * k * k),
  };
}

/** Index of δ number d among the kept ones. */
export function keptIndex(plan: RegionalPlan, d: number): number {
  let f = 0;
  for (let t = 0; t < d; t++) if (plan.keep[t]) f++;
  return f;
}

/** View of `len` values of a quantity stored per area slot s and, within it, `per` parts (part t). */
export function slot(a: Float64Array, s: number, per: number, t: number, len: number): Float64Array {
  const o = (s * per + t) * len;
  return a.subarray(o, o + len);
}
