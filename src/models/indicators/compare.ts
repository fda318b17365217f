// Area vs comparator by confidence intervals, the way Public Health England's Fingertips
// profiles judge them (Technical Guide: Confidence Intervals; METHODS.md §4): against a
// comparator value, the area's interval either excludes it (higher / lower) or contains it
// (similar); against a comparator with its own interval, the two intervals overlap or not.
// Polarity turns higher / lower into better / worse.

/** Whether a higher value is good news, bad news, or neither. */
export type Polarity = 'higher-is-better' | 'lower-is-better' | 'none';

/** The outcome of one comparison; `higher`/`lower` are used when the indicator has no polarity. */
export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not-compared';

/** A lower and upper confidence limit. */
export interface Limits {
  lower: number;
  upper: number;
}

/** A value with its limits at the two PHE levels, where published or computed. */
export interface Estimate {
  value: number;
  ci95?: Limits;
  ci998?: Limits;
}

/** The two levels PHE profiles report: 95% and 99.8%. */
export type Level = '95' | '99.8';

/** One comparison at one level: area limits vs a comparator value or a comparator interval. */
export function compareAt(
  area: Limits | undefined,
  comparator: number | Limits,
  polarity: Polarity,
): Comparison {
  if (!area || !(area.lower <= area.upper)) return 'not-compared';
  const [lo, hi] =
    typeof comparator === 'number' ? [comparator, comparator] : [comparator.lower, comparator.upper];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'not-compared';
  const side = area.lower > hi ? 'higher' : area.upper < lo ? 'lower' : 'similar';
  return withPolarity(side, polarity);
}

/** Compares an area with a comparator at 95% and 99.8%; a comparator without limits is taken as a value. */
export function compareLevels(
  area: Estimate,
  comparator: Estimate,
  polarity: Polarity,
): Record<Level, Comparison> {
  return {
    '95': compareAt(area.ci95, comparator.ci95 ?? comparator.value, polarity),
    '99.8': compareAt(area.ci998, comparator.ci998 ?? comparator.value, polarity),
  };
}

function withPolarity(side: 'higher' | 'lower' | 'similar', polarity: Polarity): Comparison {
  if (side === 'similar') return side;
  switch (polarity) {
    case 'higher-is-better':
      return side === 'higher' ? 'better' : 'worse';
    case 'lower-is-better':
      return side === 'higher' ? 'worse' : 'better';
    case 'none':
      return side;
  }
  throw new Error(`invalid polarity: ${polarity}`);
}

/** A comparator from a set of areas: their mean, or their weighted mean (e.g. by population). */
export function meanComparator(values: ArrayLike<number>, weights?: ArrayLike<number>): Estimate {
  if (values.length === 0) throw new Error('empty comparator set');
  if (weights && weights.length !== values.length)
    throw new Error(`comparator weights: ${weights.length} for ${values.length} values`);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new Error(`comparator value ${i} is missing`);
    const w = weights ? weights[i]! : 1;
    sum += w * v;
    total += w;
  }
  return { value: sum / total };
}

export { nearestNeighbours } from './neighbours.ts';
export type { Neighbour, Profile } from './neighbours.ts';
