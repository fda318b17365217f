import type { LayerMap } from './layers.ts';
import type { FactorRows } from './model.ts';
import { industryIndex } from './model.ts';
import type { InterregionalSystem } from './interregional.ts';
import { solveInterregional, type Convergence, type SolveOptions } from './interregional-solve.ts';
import { splitResult, type DemandChange, type ShockResult } from './shock.ts';

/** A shock's response in every area: each array N × n (area-major), layers N × K; with convergence. */
export interface InterregionalShockResult extends ShockResult {
  areas: string[];
  /** Household income by area under Type II. */
  households: Float64Array;
  convergence: { type1: Convergence; type2: Convergence };
}

/** Stacked Δf (N × n) from changes by area and industry; unknown areas and industries are errors. */
export function stackedDemand(sys: InterregionalSystem, changes: readonly DemandChange[]): Float64Array {
  const at = industryIndex(sys.codes);
  const areaAt = new Map(sys.areas.map((a, i) => [a, i]));
  const f = new Float64Array(sys.areas.length * sys.n);
  for (const c of changes) {
    if (c.area === undefined) throw new Error(`demand change for ${c.industry} has no area`);
    const r = areaAt.get(c.area);
    if (r === undefined) throw new Error(`unknown area: ${c.area}`);
    if (!Number.isFinite(c.amount))
      throw new Error(`demand change for ${c.industry} is not a number: ${c.amount}`);
    f[r * sys.n + at(c.industry)]! += c.amount;
  }
  return f;
}

/**
 * A change in final demand by area and industry → output, GVA, compensation and jobs in
 * every area and industry, direct / indirect (Type I) / induced (Type II − Type I), and by
 * layer when a layer map is given. Aggregate afterwards (`rollUp`), never before.
 */
export function interregionalShock(
  sys: InterregionalSystem,
  factors: FactorRows,
  changes: readonly DemandChange[],
  opts: Omit<SolveOptions, 'closure'> & { layers?: LayerMap } = {},
): InterregionalShockResult {
  const f = stackedDemand(sys, changes);
  const s1 = solveInterregional(sys, f, { ...opts, closure: 'type1' });
  const s2 = solveInterregional(sys, f, { ...opts, closure: 'type2' });
  for (const s of [s1, s2])
    if (!s.convergence.converged)
      throw new Error(
        `interregional ${s.convergence.closure} did not converge: residual ${s.convergence.residual} after ${s.convergence.iterations} sweeps`,
      );
  const result = splitResult(sys.codes, factors, f, s1.x, s2.x, opts.layers);
  return {
    ...result,
    areas: sys.areas,
    households: s2.households,
    convergence: { type1: s1.convergence, type2: s2.convergence },
  };
}

/** Sums an N × n array over industries: one total per area. */
export function areaTotals(v: Float64Array, areas: number): Float64Array {
  const n = v.length / areas;
  const out = new Float64Array(areas);
  for (let r = 0; r < areas; r++) for (let i = 0; i < n; i++) out[r]! += v[r * n + i]!;
  return out;
}
