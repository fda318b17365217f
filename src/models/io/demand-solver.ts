import { luSolveColumns } from './lu-many.ts';
import { scratchArena } from './simd.ts';
import type { IoModel } from './model.ts';

/**
 * Many demand shocks on one model at once (METHODS.md §3): the model's LU is reused and k shocks
 * are solved as one n × k block (lu-many.ts, with the WebAssembly kernel), then closed to
 * households by Sherman–Morrison as `type2Output` does, column by column. For one area's
 * regional model (or the national one) in a scenario run: thousands of shocks cost one block
 * solve each call, not one factorisation each.
 */
export interface DemandSolver {
  n: number;
  /**
   * Output for k shocks. `f` is n × k row-major (column c is shock c: £ million of final demand
   * by industry); returns the Type I output L f and the Type II output L̄ f̄ on industries, each
   * n × k in the same layout.
   */
  solve(f: Float64Array, k: number): { type1: Float64Array; type2: Float64Array };
}

/** A solver over a model's factorisation and household closure. */
export function demandSolver(model: Pick<IoModel, 'n' | 'lu' | 'closure'>): DemandSolver {
  const { n } = model;
  return {
    n,
    solve(f, k) {
      if (!(Number.isInteger(k) && k > 0)) throw new Error(`invalid shock count: ${k}`);
      if (f.length !== n * k) throw new Error(`demand shocks: expected ${n}×${k} values, got ${f.length}`);
      for (let i = 0; i < f.length; i++)
        if (!Number.isFinite(f[i]!))
          throw new Error(`demand shock ${i % k}, industry ${Math.floor(i / k)}: not a number (${f[i]})`);
      // the LU and the block in this thread's WebAssembly memory, for the SIMD kernel
      const arena = scratchArena(8 * n * (n + k) + 64);
      const lu = arena.take(n * n);
      lu.set(model.lu.lu);
      const b = arena.take(n * k);
      b.set(f);
      luSolveColumns({ n, lu, piv: model.lu.piv }, b, k, arena.rank4);
      const type1 = Float64Array.from(b);
      return { type1, type2: closeColumns(model.closure, type1, n, k) };
    },
  };
}
/** x̄ = x + v (h·x) / (1 − loop) for each column x of an n × k block. */
function closeColumns(cl: IoModel['closure'], x: Float64Array, n: number, k: number): Float64Array {
  const hx = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const hi = cl.h[i]!;
    for (let c = 0, o = i * k; c < k; c++) hx[c]! += hi * x[o + c]!;
  }
  const out = new Float64Array(n * k);
  for (let c = 0; c < k; c++) hx[c]! /= 1 - cl.loop;
  for (let i = 0; i < n; i++) {
    const vi = cl.v[i]!;
    for (let c = 0, o = i * k; c < k; c++) out[o + c] = x[o + c]! + vi * hx[c]!;
  }
  return out;
}
