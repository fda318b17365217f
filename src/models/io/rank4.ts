/**
 * The one inner kernel of the blocked LU and of the many-right-hand-side solves: a rank-4
 * update. `rank4Update` is it in plain JavaScript; simd.ts has the same arithmetic in
 * WebAssembly SIMD, in the same order, so the two give the same bits.
 */

/** x[xo + r·ldx + j] −= Σ_{t<4} c[co + r·ldc + t] · s[so + t·lds + j] for r < rows, j in [from, to). */
export type Rank4 = (
  x: Float64Array,
  xo: number,
  ldx: number,
  c: Float64Array,
  co: number,
  ldc: number,
  s: Float64Array,
  so: number,
  lds: number,
  rows: number,
  from: number,
  to: number,
) => void;

/**
 * A rows × 4 block of c times a 4 × (to − from) block of s, taken from x (see `Rank4`). Rows go
 * four at a time so each four elements of s are loaded once for sixteen multiply–adds; each
 * element gets x − (((c₀s₀ + c₁s₁) + c₂s₂) + c₃s₃), no fused multiply–add.
 */
export const rank4Update: Rank4 = function rank4Update(
  x: Float64Array,
  xo: number,
  ldx: number,
  c: Float64Array,
  co: number,
  ldc: number,
  s: Float64Array,
  so: number,
  lds: number,
  rows: number,
  from: number,
  to: number,
): void {
  const s0 = so;
  const s1 = s0 + lds;
  const s2 = s1 + lds;
  const s3 = s2 + lds;
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const i0 = xo + r * ldx;
    const i1 = i0 + ldx;
    const i2 = i1 + ldx;
    const i3 = i2 + ldx;
    const k0 = co + r * ldc;
    const k1 = k0 + ldc;
    const k2 = k1 + ldc;
    const k3 = k2 + ldc;
    const a0 = c[k0]!;
    const a1 = c[k0 + 1]!;
    const a2 = c[k0 + 2]!;
    const a3 = c[k0 + 3]!;
    const b0 = c[k1]!;
    const b1 = c[k1 + 1]!;
    const b2 = c[k1 + 2]!;
    const b3 = c[k1 + 3]!;
    const c0 = c[k2]!;
    const c1 = c[k2 + 1]!;
    const c2 = c[k2 + 2]!;
    const c3 = c[k2 + 3]!;
    const d0 = c[k3]!;
    const d1 = c[k3 + 1]!;
    const d2 = c[k3 + 2]!;
    const d3 = c[k3 + 3]!;
    for (let j = from; j < to; j++) {
      const u0 = s[s0 + j]!;
      const u1 = s[s1 + j]!;
      const u2 = s[s2 + j]!;
      const u3 = s[s3 + j]!;
      x[i0 + j]! -= a0 * u0 + a1 * u1 + a2 * u2 + a3 * u3;
      x[i1 + j]! -= b0 * u0 + b1 * u1 + b2 * u2 + b3 * u3;
      x[i2 + j]! -= c0 * u0 + c1 * u1 + c2 * u2 + c3 * u3;
      x[i3 + j]! -= d0 * u0 + d1 * u1 + d2 * u2 + d3 * u3;
    }
  }
  for (; r < rows; r++) {
    const i0 = xo + r * ldx;
    const k0 = co + r * ldc;
    const a0 = c[k0]!;
    const a1 = c[k0 + 1]!;
    const a2 = c[k0 + 2]!;
    const a3 = c[k0 + 3]!;
    for (let j = from; j < to; j++)
      x[i0 + j]! -= a0 * s[s0 + j]! + a1 * s[s1 + j]! + a2 * s[s2 + j]! + a3 * s[s3 + j]!;
  }
};
