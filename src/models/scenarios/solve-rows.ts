// The rows P = S (I − A)⁻¹ for a block of coefficient rows S (m × n): one transposed solve per row
// with the one factorisation (src/models/io/lu.ts). Measured against solving the m rows together
// (interleaved, or four at a time), row by row was the fastest in V8: its unrolled axpy streams
// each row of the factors once per right-hand side from cache.
import { luSolveTranspose, type Lu } from '../io/lu.ts';

/** P = S (I − A)⁻¹ for the factors of I − A; S and the result are m × n row-major. */
export function solveRows(f: Lu, s: Float64Array, m: number, out = new Float64Array(m * f.n)): Float64Array {
  const n = f.n;
  if (s.length !== m * n) throw new Error(`rows: expected ${m}×${n} values, got ${s.length}`);
  for (let r = 0; r < m; r++)
    luSolveTranspose(f, s.subarray(r * n, (r + 1) * n), out.subarray(r * n, (r + 1) * n));
  return out;
}
