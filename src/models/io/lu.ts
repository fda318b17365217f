/**
 * Dense LU factorisation with partial pivoting on row-major Float64Arrays: factor once,
 * solve many times (Miller & Blair 2009, app. A; Golub & Van Loan, §3.4). Nothing here
 * forms an inverse unless asked to (`inverse`), which only checks a whole L against the
 * publisher's.
 */
import { rank4Update, type Rank4 } from './rank4.ts';

/** PA = LU packed in one array: L below the diagonal (unit diagonal implied), U on and above. */
export interface Lu {
  n: number;
  lu: Float64Array;
  /** Row swapped with row k at step k. */
  piv: Int32Array;
}

/** Factors an n × n matrix (not modified); throws when it is singular to working precision. */
export function luFactor(m: Float64Array, n: number, what = 'matrix'): Lu {
  if (m.length !== n * n) throw new Error(`${what}: expected ${n}×${n} values, got ${m.length}`);
  return luFactorInPlace(Float64Array.from(m), n, what);
}

/**
 * Factors `a` in place (it becomes the packed LU). Right-looking and blocked by four columns:
 * a panel of four pivots is factored, then the trailing matrix gets one rank-4 update, which
 * reads each trailing element once per four pivots instead of once per pivot.
 */
export function luFactorInPlace(a: Float64Array, n: number, what = 'matrix'): Lu {
  const piv = new Int32Array(n);
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (!Number.isFinite(v)) throw new Error(`${what}: non-finite value at ${Math.floor(i / n)},${i % n}`);
    if (v > scale) scale = v;
  }
  const tiny = n * Number.EPSILON * scale;
  for (let k = 0; k < n; k += 4) {
    const end = Math.min(k + 4, n);
    for (let t = k; t < end; t++) {
      const p = pivotRow(a, n, t);
      if (!(Math.abs(a[p * n + t]) > tiny)) throw new Error(`singular ${what}: no pivot in column ${t}`);
      piv[t] = p;
      if (p !== t) swapRows(a, n, p, t);
      eliminatePanel(a, n, t, end);
    }
    if (end < n) {
      solveBlockRow(a, n, k, end);
      updateTrailing(a, n, k, end, rank4Update);
    }
  }
  return { n, lu: a, piv };
}

/**
 * The same factorisation without the pivot search, for matrices diagonally dominant by
 * columns such as every regional I − R (R ≥ 0 with column sums below 1): partial pivoting
 * would never swap a row there (Golub & Van Loan 2013, Thm 3.4.3), so skipping the search
 * gives the same factors. Throws if a pivot is not a positive finite number. `kernel` does the
 * trailing updates (rank4.ts; the WebAssembly one of simd.ts gives the same bits).
 */
export function luFactorDominant(
  a: Float64Array,
  n: number,
  what = 'matrix',
  kernel: Rank4 = rank4Update,
): Lu {
  const piv = new Int32Array(n);
  for (let k = 0; k < n; k += 4) {
    const end = Math.min(k + 4, n);
    for (let t = k; t < end; t++) {
      const d = a[t * n + t];
      if (!(d > 0 && d < Infinity))
        throw new Error(`${what}: not diagonally dominant at column ${t} (pivot ${d})`);
      piv[t] = t;
      eliminatePanel(a, n, t, end);
    }
    if (end < n) {
      solveBlockRow(a, n, k, end);
      updateTrailing(a, n, k, end, kernel);
    }
  }
  return { n, lu: a, piv };
}

function pivotRow(a: Float64Array, n: number, k: number): number {
  let p = k;
  let best = Math.abs(a[k * n + k]);
  for (let i = k + 1; i < n; i++) {
    const v = Math.abs(a[i * n + k]);
    if (v > best) {
      best = v;
      p = i;
    }
  }
  return p;
}

function swapRows(a: Float64Array, n: number, p: number, k: number): void {
  for (let j = 0, pi = p * n, ki = k * n; j < n; j++) {
    const t = a[pi + j];
    a[pi + j] = a[ki + j];
    a[ki + j] = t;
  }
}

/** Multipliers of pivot t, applied to the rest of its panel (columns t+1 … end−1). */
function eliminatePanel(a: Float64Array, n: number, t: number, end: number): void {
  const tt = t * n;
  const inv = 1 / a[tt + t];
  for (let i = t + 1; i < n; i++) {
    const ii = i * n;
    const l = a[ii + t] * inv;
    a[ii + t] = l;
    if (l !== 0) for (let j = t + 1; j < end; j++) a[ii + j] -= l * a[tt + j];
  }
}

/** The panel's rows right of it: U12 = L11⁻¹ A12 (L11 unit lower triangular). */
function solveBlockRow(a: Float64Array, n: number, k: number, end: number): void {
  for (let t = k + 1; t < end; t++) {
    const tt = t * n;
    for (let s = k; s < t; s++) {
      const l = a[tt + s];
      if (l === 0) continue;
      for (let j = end, ss = s * n; j < n; j++) a[tt + j] -= l * a[ss + j];
    }
  }
}

/** A22 −= L21 U12, rank 4 (or less for the last panel), by `kernel`. */
function updateTrailing(a: Float64Array, n: number, k: number, end: number, kernel: Rank4): void {
  if (end - k === 4) {
    kernel(a, end * n, n, a, end * n + k, n, a, k * n, n, n - end, end, n);
    return;
  }
  for (let i = end; i < n; i++) {
    const ii = i * n;
    for (let s = k; s < end; s++) {
      const l = a[ii + s];
      if (l !== 0) for (let j = end, ss = s * n; j < n; j++) a[ii + j] -= l * a[ss + j];
    }
  }
}

/** Solves A x = b (b untouched); `out` may be passed to avoid an allocation. */
export function luSolve(f: Lu, b: Float64Array, out: Float64Array = new Float64Array(f.n)): Float64Array {
  const { n, lu, piv } = f;
  if (out !== b) out.set(b);
  permute(out, piv, true);
  for (let i = 1; i < n; i++) out[i] -= dot(lu, i * n, out, 0, i);
  for (let i = n - 1; i >= 0; i--) {
    const ii = i * n;
    out[i] = (out[i] - dot(lu, ii, out, i + 1, n)) / lu[ii + i];
  }
  return out;
}

/** Solves Aᵀ x = b, i.e. the row vector x with x A = bᵀ (multipliers are such rows). */
export function luSolveTranspose(
  f: Lu,
  b: Float64Array,
  out: Float64Array = new Float64Array(f.n),
): Float64Array {
  const { n, lu } = f;
  if (out !== b) out.set(b);
  // Uᵀ y = b, column-oriented so the inner loop runs along a row of U.
  for (let j = 0; j < n; j++) {
    const jj = j * n;
    const y = (out[j] = out[j] / lu[jj + j]);
    if (y !== 0) axpy(out, -y, lu, jj, j + 1, n);
  }
  // Lᵀ z = y, again along rows of L.
  for (let j = n - 1; j > 0; j--) {
    const z = out[j];
    if (z !== 0) axpy(out, -z, lu, j * n, 0, j);
  }
  permute(out, f.piv, false);
  return out;
}

/** Σ_{j in [from, to)} m[off + j]·x[j], unrolled by four. */
function dot(m: Float64Array, off: number, x: Float64Array, from: number, to: number): number {
  let s = 0;
  let j = from;
  for (const end4 = from + ((to - from) & ~3); j < end4; j += 4)
    s +=
      m[off + j] * x[j] + m[off + j + 1] * x[j + 1] + m[off + j + 2] * x[j + 2] + m[off + j + 3] * x[j + 3];
  for (; j < to; j++) s += m[off + j] * x[j];
  return s;
}

/** y[j] += c·m[off + j] for j in [from, to). */
function axpy(y: Float64Array, c: number, m: Float64Array, off: number, from: number, to: number): void {
  let j = from;
  for (const end4 = from + ((to - from) & ~3); j < end4; j += 4) {
    y[j] += c * m[off + j];
    y[j + 1] += c * m[off + j + 1];
    y[j + 2] += c * m[off + j + 2];
    y[j + 3] += c * m[off + j + 3];
  }
  for (; j < to; j++) y[j] += c * m[off + j];
}

/** Applies the row swaps (forward: P b) or undoes them (Pᵀ b). */
function permute(v: Float64Array, piv: Int32Array, forward: boolean): void {
  const n = piv.length;
  for (let s = 0; s < n; s++) {
    const k = forward ? s : n - 1 - s;
    const p = piv[k];
    if (p !== k) {
      const t = v[p];
      v[p] = v[k];
      v[k] = t;
    }
  }
}

/** Solves A X = B for k right-hand sides at once; B is n × k row-major and is not modified. */
export function luSolveMany(f: Lu, b: Float64Array, k: number): Float64Array {
  const { n, lu, piv } = f;
  if (b.length !== n * k) throw new Error(`right-hand sides: expected ${n}×${k} values, got ${b.length}`);
  const x = Float64Array.from(b);
  for (let r = 0; r < n; r++) {
    const p = piv[r];
    if (p !== r) swapRowsK(x, k, p, r);
  }
  for (let i = 1; i < n; i++) {
    const ik = i * k;
    for (let j = 0; j < i; j++) {
      const l = lu[i * n + j];
      if (l === 0) continue;
      for (let c = 0, jk = j * k; c < k; c++) x[ik + c] -= l * x[jk + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ik = i * k;
    for (let j = i + 1; j < n; j++) {
      const u = lu[i * n + j];
      if (u === 0) continue;
      for (let c = 0, jk = j * k; c < k; c++) x[ik + c] -= u * x[jk + c];
    }
    const d = lu[i * n + i];
    for (let c = 0; c < k; c++) x[ik + c] /= d;
  }
  return x;
}

function swapRowsK(x: Float64Array, k: number, p: number, r: number): void {
  for (let c = 0; c < k; c++) {
    const t = x[p * k + c];
    x[p * k + c] = x[r * k + c];
    x[r * k + c] = t;
  }
}

/** The whole inverse, by n solves with the one factorisation (only when every entry is wanted). */
export function inverse(f: Lu): Float64Array {
  const n = f.n;
  const eye = new Float64Array(n * n);
  for (let i = 0; i < n; i++) eye[i * n + i] = 1;
  return luSolveMany(f, eye, n);
}

/** A x computed from the factors (A = Pᵀ L U), for residuals without keeping A. */
export function luMultiply(f: Lu, x: Float64Array, out: Float64Array = new Float64Array(f.n)): Float64Array {
  const { n, lu } = f;
  for (let i = 0; i < n; i++) out[i] = dot(lu, i * n, x, i, n);
  for (let i = n - 1; i > 0; i--) out[i] += dot(lu, i * n, out, 0, i);
  permute(out, f.piv, false);
  return out;
}
