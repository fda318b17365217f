import { luSolve, luSolveTranspose, type Lu } from './lu.ts';
import { dot } from './leontief.ts';

/**
 * The model closed to households (METHODS.md §3, Miller & Blair 2009 §6.1): households are
 * an (n+1)th sector selling labour (row h, compensation per £ of output) and buying goods
 * (column c, consumption per £ of household income). Rather than factor the bordered
 * (n+1) matrix, Type II quantities come from the LU of I − A by Sherman–Morrison:
 * with q = (I − A)⁻ᵀ h and v = (I − A)⁻¹ c, hᵀv = cᵀq is the income that £1 of household
 * income regenerates through the economy, which must stay below 1.
 */
export interface Closure {
  h: Float64Array;
  c: Float64Array;
  q: Float64Array;
  v: Float64Array;
  /** hᵀ(I − A)⁻¹c. */
  loop: number;
}

/** Prepares the Type II closure; throws when the closed model is not productive. */
export function closeToHouseholds(lu: Lu, h: Float64Array, c: Float64Array): Closure {
  const q = luSolveTranspose(lu, h);
  const v = luSolve(lu, c);
  const loop = dot(h, v);
  if (!(loop < 1)) throw new Error(`non-productive household closure: h(I − A)⁻¹c = ${loop}`);
  return { h, c, q, v, loop };
}

/** What Type II row effects (multipliers.ts) need of a closure: no (I − A)⁻¹c. */
export type Type2Closure = Pick<Closure, 'c' | 'q' | 'loop'>;

/** Type II output L̄f̄ restricted to industries, from u = (I − A)⁻¹f (the Type I output). */
export function type2Output(cl: Closure, u: Float64Array): Float64Array {
  const k = dot(cl.h, u) / (1 - cl.loop);
  const x = new Float64Array(u.length);
  for (let i = 0; i < u.length; i++) x[i] = u[i] + cl.v[i] * k;
  return x;
}

/** The bordered (n+1) × (n+1) matrix Ā = [[A, c], [h, 0]], to check the Sherman–Morrison results against. */
export function closedMatrix(a: Float64Array, n: number, h: Float64Array, c: Float64Array): Float64Array {
  const m = n + 1;
  const out = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    out.set(a.subarray(i * n, i * n + n), i * m);
    out[i * m + n] = c[i];
  }
  out.set(h, n * m);
  return out;
}
