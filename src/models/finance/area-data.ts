// The areas a finance run reports on: local authority districts (where savers are counted),
// ITL3 areas as weighted sums of districts (a district straddling two ITL3 areas is split by
// the lookup's weights), and the UK as the sum of districts — so additive results sum to the
// UK by construction. Intensive results (a median saver's pot) need each area's own median
// pay: for an ITL3 area it is the median of the mixture of its districts' pay distributions.
import type { AreaSavers } from './savers.ts';
import { payCdf, type PayDistribution } from './pay-distribution.ts';

export type Nation = 'england' | 'wales' | 'scotland' | 'northern-ireland';

/** Everything per area the plan needs, districts first. */
export interface AreaData {
  lads: string[];
  itl3: string[];
  /** District → ITL3 links with the share of the district in the ITL3 area. */
  links: { lad: number; itl3: number; weight: number }[];
  savers: AreaSavers[];
  nation: Nation[];
  population: Float64Array;
  adults: Float64Array;
  age25: Float64Array;
  /** The UK's median annual pay as published (falls back to the districts' mixture). */
  ukMedianPay: number | null;
}

/** The nation of a district code. */
export function nationOf(code: string): Nation {
  switch (code[0]) {
    case 'E':
      return 'england';
    case 'W':
      return 'wales';
    case 'S':
      return 'scotland';
    case 'N':
      return 'northern-ireland';
  }
  throw new Error(`invalid district code: ${code}`);
}

/** Sums district values into ITL3 areas by the lookup's weights. */
export function toItl3(data: AreaData, lad: Float64Array): Float64Array {
  const out = new Float64Array(data.itl3.length);
  for (const l of data.links) out[l.itl3] += lad[l.lad]! * l.weight;
  return out;
}

/** The median of a mixture of split lognormals with weights, by bisection on log pay. */
export function mixtureMedian(parts: { pay: PayDistribution; weight: number }[]): number {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (!(total > 0)) throw new Error('median of an empty mixture');
  const cdf = (x: number) => parts.reduce((s, p) => s + p.weight * payCdf(p.pay, x), 0) / total;
  let lo = Math.log(Math.min(...parts.map((p) => p.pay.median)));
  let hi = Math.log(Math.max(...parts.map((p) => p.pay.median)));
  for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(Math.exp(mid)) < 0.5) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}
