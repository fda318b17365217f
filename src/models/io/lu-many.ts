/**
 * Solves with many right-hand sides at once from an LU of lu.ts (Golub & Van Loan 2013, §3.1,
 * block triangular solves). Pivots are taken four at a time and their effect on every
 * right-hand side is one rank-4 update, the same 4 × 4 register tile as the factorisation's
 * trailing update, so each element of the factors is loaded once per four right-hand sides
 * rather than once per vector. `kernel` is that update (rank4.ts; simd.ts's in WebAssembly
 * when the arrays live in its memory). The one-vector solves of lu.ts are the reference these agree
 * with (to rounding: the sums are taken in another order).
 */
import type { Lu } from './lu.ts';
import { rank4Update, type Rank4 } from './rank4.ts';

/**
 * Row right-hand sides: x := x A⁻¹ for the m rows of x (m × n row-major, overwritten), i.e. each
 * row solves Aᵀ y = row. With PA = LU, x A⁻¹ = ((x U⁻¹) L⁻¹) P: a forward sweep with U, a
 * backward sweep with L, then the columns unswapped.
 */
export function luSolveRows(f: Lu, x: Float64Array, m: number, kernel: Rank4 = rank4Update): Float64Array {
  const { n, lu } = f;
  if (x.length < m * n) throw new Error(`right-hand sides: expected ${m}×${n} values, got ${x.length}`);
  for (let p = 0; p < n; p += 4) {
    const e = Math.min(p + 4, n);
    for (let r = 0, ro = 0; r < m; r++, ro += n)
      for (let i = p; i < e; i++) {
        const y = (x[ro + i]! /= lu[i * n + i]!);
        for (let k = i + 1; k < e; k++) x[ro + k]! -= y * lu[i * n + k]!;
      }
    if (e < n) blockUpdate(kernel, x, n, lu, n, p, e, m, e, n);
  }
  for (let p = n - 1 - ((n - 1) % 4); p >= 0; p -= 4) {
    const e = Math.min(p + 4, n);
    for (let r = 0, ro = 0; r < m; r++, ro += n)
      for (let i = e - 1; i > p; i--) {
        const z = x[ro + i]!;
        for (let k = p; k < i; k++) x[ro + k]! -= z * lu[i * n + k]!;
      }
    if (p > 0) blockUpdate(kernel, x, n, lu, n, p, e, m, 0, p);
  }
  unpivotColumns(x, n, m, f.piv);
  return x;
}

/**
 * Column right-hand sides: solves A X = B for B n × k row-major (column c is one right-hand
 * side), in place. Rows are swapped as the factorisation swapped them, then forward with L
 * and backward with U, four pivots at a time.
 */
export function luSolveColumns(f: Lu, b: Float64Array, k: number, kernel: Rank4 = rank4Update): Float64Array {
  const { n, lu, piv } = f;
  if (b.length !== n * k) throw new Error(`right-hand sides: expected ${n}×${k} values, got ${b.length}`);
  for (let r = 0; r < n; r++) if (piv[r] !== r) swapRows(b, k, piv[r]!, r);
  for (let p = 0; p < n; p += 4) {
    const e = Math.min(p + 4, n);
    for (let i = p + 1; i < e; i++) for (let t = p; t < i; t++) axpyRow(b, i * k, -lu[i * n + t]!, t * k, k);
    if (e < n) columnUpdate(kernel, b, k, lu, n, e, n, p, e);
  }
  for (let p = n - 1 - ((n - 1) % 4); p >= 0; p -= 4) {
    const e = Math.min(p + 4, n);
    for (let i = e - 1; i >= p; i--) {
      for (let t = i + 1; t < e; t++) axpyRow(b, i * k, -lu[i * n + t]!, t * k, k);
      const d = 1 / lu[i * n + i]!;
      for (let c = i * k, end = c + k; c < end; c++) b[c]! *= d;
    }
    if (p > 0) columnUpdate(kernel, b, k, lu, n, 0, p, p, e);
  }
  return b;
}

/** x[r][from, to) −= Σ_{t in [p, e)} x[r][t] · m[t][from, to) for every row r < rows. */
function blockUpdate(
  kernel: Rank4,
  x: Float64Array,
  ldx: number,
  m: Float64Array,
  ldm: number,
  p: number,
  e: number,
  rows: number,
  from: number,
  to: number,
): void {
  if (e - p === 4) {
    kernel(x, 0, ldx, x, p, ldx, m, p * ldm, ldm, rows, from, to);
    return;
  }
  for (let r = 0, ro = 0; r < rows; r++, ro += ldx)
    for (let t = p; t < e; t++) {
      const y = x[ro + t]!;
      for (let j = from, tt = t * ldm; j < to; j++) x[ro + j]! -= y * m[tt + j]!;
    }
}

/** b rows [r0, r1) −= lu[rows, p..e) · b rows [p, e): the effect of four solved rows on others. */
function columnUpdate(
  kernel: Rank4,
  b: Float64Array,
  k: number,
  lu: Float64Array,
  n: number,
  r0: number,
  r1: number,
  p: number,
  e: number,
): void {
  if (e - p === 4) {
    kernel(b, r0 * k, k, lu, r0 * n + p, n, b, p * k, k, r1 - r0, 0, k);
    return;
  }
  for (let i = r0; i < r1; i++) for (let t = p; t < e; t++) axpyRow(b, i * k, -lu[i * n + t]!, t * k, k);
}

/** b[to, to + k) += a · b[from, from + k). */
function axpyRow(b: Float64Array, to: number, a: number, from: number, k: number): void {
  if (a === 0) return;
  for (let c = 0; c < k; c++) b[to + c]! += a * b[from + c]!;
}

function swapRows(b: Float64Array, k: number, p: number, r: number): void {
  for (let c = 0; c < k; c++) {
    const t = b[p * k + c]!;
    b[p * k + c] = b[r * k + c]!;
    b[r * k + c] = t;
  }
}

/** Undoes the factorisation's row swaps on the columns of each row (x P), last swap first. */
function unpivotColumns(x: Float64Array, n: number, m: number, piv: Int32Array): void {
  for (let s = n - 1; s >= 0; s--) {
    const p = piv[s]!;
    if (p === s) continue;
    for (let r = 0, ro = 0; r < m; r++, ro += n) {
      const t = x[ro + p]!;
      x[ro + p] = x[ro + s]!;
      x[ro + s] = t;
    }
  }
}
