// The reference regional models (METHODS.md §3): each area and δ built as the formulas read —
// R, then I − R, its LU, one transposed solve per multiplier row and per layer, the closure with
// its own solves. regional.ts builds the same models batched (regional-area.ts); a test holds
// the two to 1e-12 relative on the real pack and on random tables.
import {
  flqVariant,
  lambdaStar,
  localConsumption,
  regionalCoefficients,
  simpleLq,
  type FlqVariant,
} from './flq.ts';
import { REGIONAL_DEFAULTS } from './defaults.ts';
import { layerBasket, layerInteraction } from './layers.ts';
import { identityMinus } from './leontief.ts';
import { luFactorDominant } from './lu.ts';
import { checkDelta, type IoModel } from './model.ts';
import type { RegionalModel, RegionalOptions } from './regional.ts';
import { checkCodes, nationalTotals } from './regional-plan.ts';
import { multipliers, type Multipliers } from './multipliers.ts';
import type { NationalModel } from './national.ts';
import type { RegionalSizes } from './sizes.ts';
import { closeToHouseholds } from './type2.ts';

/** Sizes of one area and the national totals (sums over all areas) the LQs compare them with. */
export interface AreaSizes {
  region: Float64Array;
  nation: Float64Array;
  regionTotal: number;
  nationTotal: number;
}

/** The sizes of `area` within a set of areas; throws on an unknown area. */
export function areaSizes(sizes: RegionalSizes, area: string): AreaSizes {
  const r = sizes.areas.indexOf(area);
  if (r < 0) throw new Error(`unknown area: ${area}`);
  const n = sizes.codes.length;
  const nation = nationalTotals(sizes);
  const region = sizes.size.subarray(r * n, (r + 1) * n);
  return { region, nation, regionTotal: sumOf(region), nationTotal: sumOf(nation) };
}

/** The FLQ-regionalised model of one area (METHODS.md §3), the straightforward way. */
export function regionalModelReference(
  national: NationalModel,
  sizes: RegionalSizes,
  area: string,
  opts: RegionalOptions = {},
): RegionalModel {
  checkCodes(national, sizes);
  return buildRegional(national, area, areaSizes(sizes, area), opts);
}

/**
 * Every area's model, the straightforward way. National totals are computed once, and the
 * areas' coefficient matrices and LUs live in two shared arrays (views per area); the δ-band
 * factorisations reuse one scratch array.
 */
export function regionalModelsReference(
  national: NationalModel,
  sizes: RegionalSizes,
  opts: RegionalOptions = {},
): RegionalModel[] {
  checkCodes(national, sizes);
  const nation = nationalTotals(sizes);
  const nationTotal = sumOf(nation);
  const n = national.n;
  const nn = n * n;
  const basket = opts.basket ?? (opts.layers ? layerBasket(opts.layers, national.finalDemand) : undefined);
  const all = { a: new Float64Array(sizes.areas.length * nn), lu: new Float64Array(sizes.areas.length * nn) };
  const scratch = new Float64Array(nn);
  return sizes.areas.map((area, r) => {
    const region = sizes.size.subarray(r * n, (r + 1) * n);
    const buffers = {
      a: all.a.subarray(r * nn, (r + 1) * nn),
      lu: all.lu.subarray(r * nn, (r + 1) * nn),
      scratch,
    };
    const s = { region, nation, regionTotal: sumOf(region), nationTotal };
    return buildRegional(national, area, s, { ...opts, basket }, buffers);
  });
}

/** Where an area's matrices go: its coefficients, its LU, and a scratch array for the band. */
interface Buffers {
  a: Float64Array;
  lu: Float64Array;
  scratch: Float64Array;
}

function freshBuffers(n: number): Buffers {
  return { a: new Float64Array(n * n), lu: new Float64Array(n * n), scratch: new Float64Array(n * n) };
}

function buildRegional(
  national: NationalModel,
  area: string,
  s: AreaSizes,
  opts: RegionalOptions,
  buffers: Buffers = freshBuffers(national.n),
): RegionalModel {
  const delta = opts.delta ?? REGIONAL_DEFAULTS.delta;
  const deltas: readonly [number, number] = opts.band ?? REGIONAL_DEFAULTS.band;
  checkDelta(delta);
  deltas.forEach((d) => checkDelta(d, 'band delta'));
  const variant = flqVariant(opts.variant ?? REGIONAL_DEFAULTS.variant);
  if (!(s.regionTotal > 0)) throw new Error(`area has no size: ${area}`);
  const slq = simpleLq(s.region, s.nation, s.regionTotal, s.nationTotal);
  const share = s.regionTotal / s.nationTotal;
  const lambda = lambdaStar(share, delta);
  const main = areaModel(national, slq, lambda, variant, s, buffers);
  const band = (d: number) => bandMultipliers(national, slq, lambdaStar(share, d), variant, buffers.scratch);
  const basket = opts.basket ?? (opts.layers ? layerBasket(opts.layers, national.finalDemand) : undefined);
  return {
    ...main,
    area,
    delta,
    variant,
    lambda,
    slq,
    multipliers: multipliers(main),
    band: { deltas: [deltas[0], deltas[1]], low: band(deltas[0]), high: band(deltas[1]) },
    interaction: opts.layers && basket ? layerInteraction(main.lu, opts.layers, basket) : null,
  };
}

/**
 * One regionalised IoModel. Households: their purchases are regionalised like any buyer's
 * (`localConsumption`); all compensation earned in the area is assumed spent
 * by its residents (commuting ignored, which overstates the induced effect). Regional output
 * is the national output shared by the area's share of each industry's size.
 */
function areaModel(
  national: NationalModel,
  slq: Float64Array,
  lambda: number,
  variant: FlqVariant,
  s: AreaSizes,
  buffers: Buffers,
): IoModel {
  const n = national.n;
  const a = regionalCoefficients(national.a, n, slq, lambda, variant, buffers.a);
  const lu = luFactorDominant(identityMinus(a, n, buffers.lu), n, 'I − R');
  const h = national.closure.h;
  const c = localConsumption(national.closure.c, slq, lambda);
  const output = national.output.map((x, i) => (s.nation[i]! > 0 ? (x * s.region[i]!) / s.nation[i]! : 0));
  return {
    codes: national.codes,
    names: national.names,
    n,
    a,
    lu,
    factors: national.factors,
    closure: closeToHouseholds(lu, h, c),
    output,
  };
}

/** Multipliers at another δ, factored in a scratch array that is reused area after area. */
function bandMultipliers(
  national: NationalModel,
  slq: Float64Array,
  lambda: number,
  variant: FlqVariant,
  scratch: Float64Array,
): Multipliers {
  const n = national.n;
  const r = regionalCoefficients(national.a, n, slq, lambda, variant, scratch);
  const lu = luFactorDominant(identityMinus(r, n, r), n, 'I − R');
  const c = localConsumption(national.closure.c, slq, lambda);
  const { codes, names, factors } = national;
  return multipliers({ codes, names, n, lu, factors, closure: closeToHouseholds(lu, national.closure.h, c) });
}

function sumOf(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s;
}
