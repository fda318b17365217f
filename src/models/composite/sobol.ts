// Variance-based sensitivity: Sobol first-order and total indices from the Saltelli design
// (Saltelli et al. 2010, "Variance based sensitivity analysis of model output", Comput. Phys.
// Commun. 181: 259–270). Two independent N × k sample matrices A and B; for each input i,
// A_B^i is A with column i taken from B: N·(k + 2) model runs in all.
//   S_i  = (1/N) Σ_j f(B)_j (f(A_B^i)_j − f(A)_j) / V(Y)        (Saltelli 2010, Table 2 (b))
//   S_Ti = (1/2N) Σ_j (f(A)_j − f(A_B^i)_j)² / V(Y)             (Jansen 1999, Table 2 (f))
// with V(Y) the variance of f over the rows of A and B together, and f centred on its mean
// over those rows first (as SALib does), which leaves the estimators' expectations unchanged. Inputs are uniform on [0, 1);
// a model maps them to its own ranges. Pseudo-random (not quasi-random) rows: errors shrink
// as 1/√N.
import type { Random } from '../random.ts';

/** First-order and total indices of each input, and the output variance they divide. */
export interface SobolIndices {
  first: Float64Array;
  total: Float64Array;
  variance: number;
}

/** The Saltelli design, rows A (N), B (N), then A_B^1 … A_B^k (N each), k columns, row-major. */
export function saltelliDesign(k: number, n: number, rng: Random): Float64Array {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`invalid input count: ${k}`);
  if (!(Number.isInteger(n) && n >= 2)) throw new Error(`invalid base sample: ${n}`);
  const x = new Float64Array(n * (k + 2) * k);
  for (let r = 0; r < 2 * n * k; r++) x[r] = rng.uniform();
  for (let i = 0; i < k; i++) {
    const block = (2 + i) * n;
    for (let j = 0; j < n; j++) {
      for (let c = 0; c < k; c++) x[(block + j) * k + c] = x[j * k + c]!; // from A …
      x[(block + j) * k + i] = x[(n + j) * k + i]!; // … but column i from B
    }
  }
  return x;
}

/** Indices from the outputs of a Saltelli design, in its row order (A, B, A_B^1 … A_B^k). */
export function sobolIndices(y: Float64Array, k: number, n: number): SobolIndices {
  if (y.length !== n * (k + 2)) throw new Error(`outputs: ${y.length} ≠ ${n}×(${k}+2)`);
  let mean = 0;
  for (let j = 0; j < 2 * n; j++) mean += y[j]! / (2 * n);
  let variance = 0;
  for (let j = 0; j < 2 * n; j++) variance += (y[j]! - mean) ** 2 / (2 * n - 1);
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    let t = 0;
    for (let j = 0; j < n; j++) {
      // centred on the mean: same expectation, much smaller variance when the mean is large
      const a = y[j]! - mean;
      const b = y[n + j]! - mean;
      const ab = y[(2 + i) * n + j]! - mean;
      s += b * (ab - a);
      t += (a - ab) ** 2;
    }
    // a model whose output never varies has no variance to apportion
    first[i] = variance > 0 ? s / n / variance : 0;
    total[i] = variance > 0 ? t / (2 * n) / variance : 0;
  }
  return { first, total, variance };
}

/** Sobol indices of a scalar model of k inputs uniform on [0, 1), from N·(k + 2) runs. */
export function sobol(model: (x: Float64Array) => number, k: number, n: number, rng: Random): SobolIndices {
  const x = saltelliDesign(k, n, rng);
  const rows = n * (k + 2);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) y[r] = model(x.subarray(r * k, r * k + k));
  return sobolIndices(y, k, n);
}
