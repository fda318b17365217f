// "Statistically nearest" comparator areas on a chosen profile: Euclidean distance over the
// profile variables, each z-scored across all areas first so that no variable dominates by
// its unit (the approach of CIPFA's nearest neighbours model, without its variable weights).
import { findGaps, inverseSds } from '../composite/data.ts';

/** A profile: one row per area, one column per variable, row-major; NaN marks a missing value. */
export interface Profile {
  areas: readonly string[];
  variables: readonly string[];
  values: Float64Array;
}

/** A neighbour and its distance in (standardised) profile space. */
export interface Neighbour {
  area: string;
  distance: number;
}

/**
 * The k areas nearest to `area` by Euclidean distance on the profile variables, z-scored across
 * all areas when `standardise` (sample standard deviation; a constant variable is dropped).
 * Ties are broken by area code so the answer is reproducible.
 */
export function nearestNeighbours(
  profile: Profile,
  area: string,
  k: number,
  standardise = true,
): Neighbour[] {
  const n = profile.areas.length;
  const d = profile.variables.length;
  if (profile.values.length !== n * d) throw new Error(`profile size: ${profile.values.length} ≠ ${n}×${d}`);
  const target = profile.areas.indexOf(area);
  if (target < 0) throw new Error(`unknown area: ${area}`);
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid neighbour count: ${k}`);
  // the same areas × variables table the composite reads, so gaps and scales are found alike
  const table = { areas: profile.areas, indicators: profile.variables, values: profile.values };
  const gaps = findGaps(table);
  if (gaps.length) throw new Error(`missing: ${gaps.join(', ')}`);
  const scale = standardise ? inverseSds(table) : new Float64Array(d).fill(1);
  const out: Neighbour[] = [];
  for (let i = 0; i < n; i++) {
    if (i === target) continue;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const diff = (profile.values[i * d + j]! - profile.values[target * d + j]!) * scale[j]!;
      s += diff * diff;
    }
    out.push({ area: profile.areas[i]!, distance: Math.sqrt(s) });
  }
  out.sort((a, b) => a.distance - b.distance || (a.area < b.area ? -1 : 1));
  return out.slice(0, k);
}
