import { effectViews, type Multipliers } from './multipliers.ts';
import { regionalCoefficients } from './flq.ts';
import type { NationalModel } from './national.ts';
import type { AreaModel } from './regional.ts';
import type { RegionalPlan } from './regional-plan.ts';
import { keptIndex, slot, type RegionalSlab } from './regional-slab.ts';

/**
 * The models as records over a filled slab: every array is a view, nothing is copied, so
 * results written by worker threads into shared memory are read in place. A model's R (`a`)
 * is worked out when first read.
 */

/** The multipliers in slot s at δ number d. */
export function multipliersAt(
  national: NationalModel,
  plan: RegionalPlan,
  slab: RegionalSlab,
  s: number,
  d: number,
): Multipliers {
  const { n, factors } = plan;
  const size = 7 * n;
  const base = (s * plan.deltas.length + d) * factors * size;
  const effect = (t: number) => effectViews(slab.effects.subarray(base + t * size, base + (t + 1) * size), n);
  return {
    codes: national.codes,
    names: national.names,
    output: effect(0),
    gva: effect(1),
    compensation: effect(2),
    employment: factors > 3 ? effect(3) : null,
  };
}

/** Area r's whole model (in slot s) at δ number d, which the plan keeps. */
export function areaModelAt(
  national: NationalModel,
  plan: RegionalPlan,
  slab: RegionalSlab,
  r: number,
  s: number,
  d: number,
): AreaModel {
  if (!plan.keep[d]) throw new Error(`delta ${plan.deltas[d]} was built for its multipliers only`);
  const { n, k } = plan;
  const f = keptIndex(plan, d);
  const at = (a: Float64Array, len: number) => slot(a, s, slab.kept, f, len);
  const lu = { n, lu: at(slab.lu, n * n), piv: Int32Array.from({ length: n }, (_, i) => i) };
  const loop = slab.loop[s * plan.deltas.length + d]!;
  const lambda = slab.lambda[s * plan.deltas.length + d]!;
  const slq = slot(slab.slq, s, 1, 0, n);
  const model = {
    codes: national.codes,
    names: national.names,
    n,
    lu,
    factors: national.factors,
    closure: { h: plan.h, c: at(slab.c, n), q: at(slab.q, n), v: at(slab.v, n), loop },
    output: slot(slab.output, s, 1, 0, n),
    area: plan.areas[r]!,
    delta: plan.deltas[d]!,
    variant: plan.variant,
    lambda,
    slq,
    multipliers: multipliersAt(national, plan, slab, s, d),
    interaction: k > 0 ? at(slab.interaction, k * k) : null,
  };
  // R is n² values per model that only some callers read: made from the LQs when first asked for.
  let a: Float64Array | undefined;
  const coefficients = () => (a ??= regionalCoefficients(plan.a, n, slq, lambda, plan.variant));
  return Object.defineProperty(model, 'a', { get: coefficients, enumerable: true }) as AreaModel;
}
