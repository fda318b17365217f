import { checkDelta } from './model.ts';

/**
 * Regionalisation by location quotients (METHODS.md §3): Flegg, Webber & Elliott (1995),
 * Flegg & Webber (1997) FLQ; Flegg & Webber (2000) AFLQ. A national coefficient a_ij is
 * scaled by min(FLQ_ij, 1): the share of the input the area is assumed to supply itself.
 */
export type FlqVariant = 'flq' | 'aflq';

/** Resolves a variant name once; unknown names are rejected. */
export function flqVariant(name: string): FlqVariant {
  switch (name) {
    case 'flq':
    case 'aflq':
      return name;
    default:
      throw new Error(`invalid FLQ variant: ${name}`);
  }
}

/** λ* = [log₂(1 + E^r/E)]^δ, the regional-size scalar. */
export function lambdaStar(regionShare: number, delta: number): number {
  checkDelta(delta);
  if (!(regionShare > 0 && regionShare <= 1))
    throw new Error(`regional share outside (0, 1]: ${regionShare}`);
  return Math.log2(1 + regionShare) ** delta;
}

/** Simple location quotients SLQ_i = (e_i/e)/(E_i/E); 0 where the nation has none of industry i. */
export function simpleLq(
  regional: Float64Array,
  national: Float64Array,
  regionTotal: number,
  nationTotal: number,
): Float64Array {
  return regional.map((e, i) => (national[i]! > 0 ? e / regionTotal / (national[i]! / nationTotal) : 0));
}

/** min(FLQ_ij, 1) (or AFLQ): FLQ_ij = λ*·SLQ_i/SLQ_j off the diagonal, λ*·SLQ_i on it. */
export function retention(
  slq: Float64Array,
  i: number,
  j: number,
  lambda: number,
  variant: FlqVariant,
): number {
  const si = slq[i]!;
  const sj = slq[j]!;
  // A supplier the area lacks supplies nothing; a buyer it lacks leaves the ratio unbounded.
  const q = i === j ? si : sj > 0 ? si / sj : si > 0 ? Infinity : 0;
  let f = lambda * q;
  if (variant === 'aflq' && sj > 1) f *= Math.log2(1 + sj);
  return f < 1 ? f : 1;
}

/** Regional coefficients r_ij = a_ij · min(FLQ_ij, 1), n × n row-major. */
export function regionalCoefficients(
  a: Float64Array,
  n: number,
  slq: Float64Array,
  lambda: number,
  variant: FlqVariant,
  out: Float64Array = new Float64Array(n * n),
): Float64Array {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const aij = a[i * n + j]!;
      out[i * n + j] = aij === 0 ? 0 : aij * retention(slq, i, j, lambda, variant);
    }
  return out;
}
