import { REGIONAL_DEFAULTS } from './defaults.ts';
import type { FlqVariant } from './flq.ts';
import type { LayerMap } from './layers.ts';
import { checkDelta, type IoModel } from './model.ts';
import type { Multipliers } from './multipliers.ts';
import type { NationalModel } from './national.ts';
import { buildArea, newScratch } from './regional-area.ts';
import { regionalPlan, type RegionalPlan } from './regional-plan.ts';
import { allocateSlab, type RegionalSlab } from './regional-slab.ts';
import { areaModelAt, multipliersAt } from './regional-views.ts';
import type { RegionalSizes } from './sizes.ts';

export { checkCodes, nationalTotals } from './regional-plan.ts';
export { REGIONAL_DEFAULTS } from './defaults.ts';

export interface RegionalOptions {
  /** FLQ δ in [0, 1); default REGIONAL_DEFAULTS.delta. */
  delta?: number;
  variant?: FlqVariant;
  /** δ values bounding the sensitivity band; default REGIONAL_DEFAULTS.band. */
  band?: [number, number];
  /** Layers for Λ; without them Λ is not computed. */
  layers?: LayerMap;
  /** Final-demand basket D (n × K); default from national final demand. */
  basket?: Float64Array;
}

/** One area's model at one δ: regional coefficients, their LU and closure, multipliers and Λ. */
export interface AreaModel extends IoModel {
  area: string;
  delta: number;
  variant: FlqVariant;
  lambda: number;
  slq: Float64Array;
  multipliers: Multipliers;
  /** Λ = P L^r D, K × K row-major (null without layers). */
  interaction: Float64Array | null;
}

/** One area's model with the δ band of its multipliers. */
export interface RegionalModel extends AreaModel {
  band: { deltas: [number, number]; low: Multipliers; high: Multipliers };
}

/** Every area's model at every δ of a list: `models[d][r]` is area r at `deltas[d]`. */
export interface RegionalGrid {
  areas: string[];
  deltas: number[];
  models: AreaModel[][];
}

export interface GridOptions {
  deltas: number[];
  variant?: FlqVariant;
  layers?: LayerMap;
  basket?: Float64Array;
}

/** The FLQ-regionalised model of one area (METHODS.md §3). */
export function regionalModel(
  national: NationalModel,
  sizes: RegionalSizes,
  area: string,
  opts: RegionalOptions = {},
): RegionalModel {
  const r = sizes.areas.indexOf(area);
  if (r < 0) throw new Error(`unknown area: ${area}`);
  return regionalModels(national, sizes, opts, [r])[0]!;
}

/**
 * Every area's model (or those at indices `only`), each at δ with its band. Batched: see
 * regional-area.ts; regional-reference.ts builds the same models the straightforward way.
 */
export function regionalModels(
  national: NationalModel,
  sizes: RegionalSizes,
  opts: RegionalOptions = {},
  only?: number[],
): RegionalModel[] {
  const plan = regionalPlan(national, sizes, bandPlan(opts));
  const slab = allocateSlab(plan, false, only?.length);
  const areas = only ?? plan.areas.map((_, r) => r);
  const scratch = newScratch(plan);
  areas.forEach((r, s) => buildArea(plan, slab, r, s, scratch));
  return areas.map((r, s) => bandModel(national, plan, slab, r, s));
}

/** Every area's model at each δ of a list, each with its LU for shocks (`demandSolver`). */
export function regionalGrid(national: NationalModel, sizes: RegionalSizes, opts: GridOptions): RegionalGrid {
  const plan = regionalPlan(national, sizes, { ...opts, keep: opts.deltas.map(() => true) });
  const slab = allocateSlab(plan, false);
  const scratch = newScratch(plan);
  for (let r = 0; r < plan.areas.length; r++) buildArea(plan, slab, r, r, scratch);
  return gridOf(national, plan, slab);
}

/** The plan options of δ with its band: the whole model at δ, multipliers only at the band's ends. */
export function bandPlan(opts: RegionalOptions) {
  const delta = opts.delta ?? REGIONAL_DEFAULTS.delta;
  const band = opts.band ?? REGIONAL_DEFAULTS.band;
  checkDelta(delta);
  band.forEach((d) => checkDelta(d, 'band delta'));
  return {
    deltas: [delta, band[0], band[1]],
    keep: [true, false, false],
    variant: opts.variant,
    layers: opts.layers,
    basket: opts.basket,
  };
}

/** Area r (in slab slot s) as a RegionalModel from a slab filled by a band plan. */
export function bandModel(
  national: NationalModel,
  plan: RegionalPlan,
  slab: RegionalSlab,
  r: number,
  s: number,
): RegionalModel {
  // Object.assign, not a spread: a spread would read (and so work out) the model's lazy R.
  return Object.assign(areaModelAt(national, plan, slab, r, s, 0), {
    band: {
      deltas: [plan.deltas[1]!, plan.deltas[2]!] as [number, number],
      low: multipliersAt(national, plan, slab, s, 1),
      high: multipliersAt(national, plan, slab, s, 2),
    },
  });
}

/** The grid of models from a slab filled for every area. */
export function gridOf(national: NationalModel, plan: RegionalPlan, slab: RegionalSlab): RegionalGrid {
  return {
    areas: plan.areas,
    deltas: plan.deltas,
    models: plan.deltas.map((_, d) => plan.areas.map((_a, r) => areaModelAt(national, plan, slab, r, r, d))),
  };
}
