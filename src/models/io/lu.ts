/**
 * Dense LU factorisation with partial pivoting on row-major Float64Arrays: factor once,
 * solve many times (Miller & Blair 2009, app. A; Golub & Van Loan, §3.4). Nothing here
 * forms an inverse unless asked to (`inverse`), which is only for publishing a whole L.
 */

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
  const a = Float64Array.from(m);
  const piv = new Int32Array(n);
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (!Number.isFinite(v)) throw new Error(`${what}: non-finite value at ${Math.floor(i / n)},${i % n}`);
    if (v > scale) scale = v;
  }
  const tiny = n * Number.EPSILON * scale;
  for (let k = 0; k < n; k++) {
    const p = pivotRow(a, n, k);
    if (!(Math.abs(a[p * n + k]) > tiny)) throw new Error(`singular ${what}: no pivot in column ${k}`);
    piv[k] = p;
    if (p !== k) swapRows(a, n, p, k);
    eliminate(a, n, k);
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

function eliminate(a: Float64Array, n: number, k: number): void {
  const kk = k * n;
  const pivot = a[kk + k];
  for (let i = k + 1; i < n; i++) {
    const ii = i * n;
    const l = a[ii + k] / pivot;
    a[ii + k] = l;
    if (l === 0) continue;
    for (let j = k + 1; j < n; j++) a[ii + j] -= l * a[kk + j];
  }
}

/** Solves A x = b (b untouched); `out` may be passed to avoid an allocation. */
export function luSolve(f: Lu, b: Float64Array, out: Float64Array = new Float64Array(f.n)): Float64Array {
  const { n, lu, piv } = f;
  if (out !== b) out.set(b);
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const t = out[p];
      out[p] = out[k];
      out[k] = t;
    }
  }
  for (let i = 1; i < n; i++) {
    let s = out[i];
    for (let j = 0, ii = i * n; j < i; j++) s -= lu[ii + j] * out[j];
    out[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = out[i];
    const ii = i * n;
    for (let j = i + 1; j < n; j++) s -= lu[ii + j] * out[j];
    out[i] = s / lu[ii + i];
  }
  return out;
}

/** Solves Aᵀ x = b, i.e. the row vector x with x A = bᵀ (multipliers are such rows). */
export function luSolveTranspose(f: Lu, b: Float64Array, out: Float64Array = new Float64Array(f.n)): Float64Array {
  const { n, lu, piv } = f;
  if (out !== b) out.set(b);
  // Uᵀ y = b, column-oriented so the inner loop runs along a row of U.
  for (let j = 0; j < n; j++) {
    const jj = j * n;
    const y = (out[j] = out[j] / lu[jj + j]);
    if (y !== 0) for (let i = j + 1; i < n; i++) out[i] -= lu[jj + i] * y;
  }
  // Lᵀ z = y, again along rows of L.
  for (let j = n - 1; j > 0; j--) {
    const z = out[j];
    if (z === 0) continue;
    for (let i = 0, jj = j * n; i < j; i++) out[i] -= lu[jj + i] * z;
  }
  for (let k = n - 1; k >= 0; k--) {
    const p = piv[k];
    if (p !== k) {
      const t = out[p];
      out[p] = out[k];
      out[k] = t;
    }
  }
  return out;
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
  const { n, lu, piv } = f;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = i, ii = i * n; j < n; j++) s += lu[ii + j] * x[j];
    out[i] = s;
  }
  for (let i = n - 1; i > 0; i--) {
    let s = out[i];
    for (let j = 0, ii = i * n; j < i; j++) s += lu[ii + j] * out[j];
    out[i] = s;
  }
  for (let k = n - 1; k >= 0; k--) {
    const p = piv[k];
    if (p !== k) {
      const t = out[p];
      out[p] = out[k];
      out[k] = t;
    }
  }
  return out;
}
