import { luFactor, luSolve, luSolveTranspose, type Lu } from './lu.ts';
import { identityMinus } from './leontief.ts';

/**
 * The supply-side (Ghosh) model (METHODS.md §3; Miller & Blair 2009 §12.1): B = x̂⁻¹Z, row i
 * the shares of industry i's output sold to each industry; G = (I − B)⁻¹; outputs follow
 * primary inputs as xᵀ = vᵀG. Read it as an allocation identity, not as a causal model of
 * supply shocks (Oosterhaven 1988; Dietzenbacher 1997).
 */
export interface GhoshModel {
  n: number;
  b: Float64Array;
  lu: Lu;
}

/** B = x̂⁻¹ Z; a zero row where output is zero. */
export function allocationCoefficients(z: Float64Array, x: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    if (x[i] === 0) continue;
    for (let j = 0; j < n; j++) b[i * n + j] = z[i * n + j]! / x[i]!;
  }
  return b;
}

/** The Ghosh model of a flow table; the one LU is of I − B. */
export function ghoshModel(z: Float64Array, x: Float64Array, n: number): GhoshModel {
  const b = allocationCoefficients(z, x, n);
  return { n, b, lu: luFactor(identityMinus(b, n), n, 'I − B') };
}

/** Outputs supported by primary inputs v: xᵀ = vᵀ(I − B)⁻¹. */
export function ghoshOutputs(g: GhoshModel, v: Float64Array): Float64Array {
  return luSolveTranspose(g.lu, v);
}

/** Row sums of G: output across the economy enabled by £1 of primary input in industry i. */
export function ghoshRowSums(g: GhoshModel): Float64Array {
  return luSolve(g.lu, new Float64Array(g.n).fill(1));
}
