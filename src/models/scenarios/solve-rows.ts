// Many transposed solves with one LU at once: the rows P = S (I − A)⁻¹ for a block of
// coefficient rows S (m × n). The same arithmetic as `luSolveTranspose` in src/models/io/lu.ts,
// in the same order for each row (so the results agree to the last bit), but with the m
// right-hand sides interleaved, so each pass over a row of the factors updates all of them.
import type { Lu } from '../io/lu.ts';

/** P = S (I − A)⁻¹ for the factors of I − A; S and the result are m × n row-major. */
export function solveRows(f: Lu, s: Float64Array, m: number, out = new Float64Array(m * f.n)): Float64Array {
  const { n, lu, piv } = f;
  if (s.length !== m * n) throw new Error(`rows: expected ${m}×${n} values, got ${s.length}`);
  const w = new Float64Array(n * m);
  for (let r = 0; r < m; r++) for (let i = 0; i < n; i++) w[i * m + r] = s[r * n + i]!;
  // Uᵀ y = b, going down the rows of U.
  for (let j = 0; j < n; j++) {
    const jj = j * n;
    const jm = j * m;
    const d = lu[jj + j]!;
    for (let r = 0; r < m; r++) w[jm + r] = w[jm + r]! / d;
    for (let k = j + 1; k < n; k++) {
      const u = lu[jj + k]!;
      if (u === 0) continue;
      const km = k * m;
      for (let r = 0; r < m; r++) w[km + r] = w[km + r]! + -w[jm + r]! * u;
    }
  }
  // Lᵀ z = y, going up the rows of L.
  for (let j = n - 1; j > 0; j--) {
    const jj = j * n;
    const jm = j * m;
    for (let k = 0; k < j; k++) {
      const l = lu[jj + k]!;
      if (l === 0) continue;
      const km = k * m;
      for (let r = 0; r < m; r++) w[km + r] = w[km + r]! + -w[jm + r]! * l;
    }
  }
  for (let t = n - 1; t >= 0; t--) {
    const p = piv[t]!;
    if (p === t) continue;
    for (let r = 0; r < m; r++) {
      const x = w[p * m + r]!;
      w[p * m + r] = w[t * m + r]!;
      w[t * m + r] = x;
    }
  }
  for (let r = 0; r < m; r++) for (let i = 0; i < n; i++) out[r * n + i] = w[i * m + r]!;
  return out;
}
