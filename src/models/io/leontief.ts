import { luFactorInPlace, type Lu } from './lu.ts';

/** A = Z x̂⁻¹ (METHODS.md §3): column j is industry j's purchases per £ of its output; zero where output is zero. */
export function technicalCoefficients(z: Float64Array, x: Float64Array, n: number): Float64Array {
  const a = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    for (let i = 0; i < n; i++) a[i * n + j] = z[i * n + j] / xj;
  }
  return a;
}

/** Throws unless every coefficient is finite and non-negative and every column sums below 1 (Hawkins–Simon). */
export function checkProductive(a: Float64Array, n: number, codes: readonly string[]): void {
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = a[i * n + j];
      if (!(v >= 0)) throw new Error(`negative or missing coefficient: ${codes[i]} → ${codes[j]} = ${v}`);
      sum += v;
    }
    if (!(sum < 1)) throw new Error(`non-productive: column sum of A for ${codes[j]} is ${sum}`);
  }
}

/** I − A, into `out` (which may be `a` itself). */
export function identityMinus(
  a: Float64Array,
  n: number,
  out: Float64Array = new Float64Array(n * n),
): Float64Array {
  for (let i = 0; i < n * n; i++) out[i] = -a[i];
  for (let i = 0; i < n; i++) out[i * n + i] += 1;
  return out;
}

/** The one factorisation of I − A every Leontief quantity is solved from. */
export function leontiefLu(a: Float64Array, n: number): Lu {
  return luFactorInPlace(identityMinus(a, n), n, 'I − A');
}

/** y = M v for a dense n × n row-major matrix. */
export function matVec(
  m: Float64Array,
  v: Float64Array,
  n: number,
  out: Float64Array = new Float64Array(n),
): Float64Array {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0, ii = i * n; j < n; j++) s += m[ii + j] * v[j];
    out[i] = s;
  }
  return out;
}

/** Σ_i u_i v_i. */
export function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += u[i] * v[i];
  return s;
}
