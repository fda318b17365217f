// Areas ranked by need — the cost per head of bringing them up to every floor — with the
// uncertainty of the unit costs carried through: each Monte Carlo run draws one unit cost per
// floor (triangular on its low / central / high), so areas whose need rests on different
// services can swap places. Rank 1 = greatest need. Never a rank without its interval.
import { histogramQuantile, ranksDescending } from '../composite/rank.ts';
import type { Random } from '../random.ts';
import { triangular } from './shortfall.ts';

/** An area's units to close each floor (NaN where unknown, counted as 0) and its population. */
export interface NeedInput {
  population: number;
  units: Float64Array;
}

export interface NeedRank {
  /** Cost per head at central unit costs. */
  perHead: number;
  rank: number;
  medianRank: number;
  rankP05: number;
  rankP95: number;
}

/** Ranks areas by cost per head to meet all floors, at central costs and over `runs` draws of the unit costs. */
export function rankByNeed(
  areas: readonly NeedInput[],
  costs: readonly { low: number; central: number; high: number }[],
  runs: number,
  rng: Random,
): NeedRank[] {
  const n = areas.length;
  const perHead = (unit: (f: number) => number) =>
    Float64Array.from(areas, (a) => {
      let s = 0;
      for (let f = 0; f < costs.length; f++) {
        const u = a.units[f]!;
        if (Number.isFinite(u)) s += u * unit(f);
      }
      return a.population > 0 ? s / a.population : 0;
    });
  const central = perHead((f) => costs[f]!.central);
  const ranks = ranksDescending(central);
  const counts = new Int32Array(n * n);
  for (let r = 0; r < runs; r++) {
    const draw = costs.map((c) => triangular(rng.uniform(), c.low, c.central, c.high));
    const run = ranksDescending(perHead((f) => draw[f]!));
    for (let i = 0; i < n; i++) counts[i * n + run[i]! - 1]!++;
  }
  return areas.map((_, i) => ({
    perHead: central[i]!,
    rank: ranks[i]!,
    medianRank: histogramQuantile(counts, i * n, n, runs, 0.5),
    rankP05: histogramQuantile(counts, i * n, n, runs, 0.05),
    rankP95: histogramQuantile(counts, i * n, n, runs, 0.95),
  }));
}
