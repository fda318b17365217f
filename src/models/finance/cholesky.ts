// Cholesky factor of a correlation matrix, the way correlated returns are drawn (x = L z).
// A matrix that is not positive definite has no factor: the error names the first variable
// at which the factorisation fails, so a reader can say which row of a file to look at.

/** A correlation matrix refused: not symmetric, not unit-diagonal, out of [−1, 1], or not positive definite. */
export class CorrelationError extends Error {
  /** Index of the variable (row) where the problem shows. */
  readonly row: number;
  constructor(message: string, row: number) {
    super(message);
    this.name = 'CorrelationError';
    this.row = row;
  }
}

/** Checks that `c` (n × n, row-major) is a correlation matrix; names variables by `names`. */
export function checkCorrelation(c: Float64Array, n: number, names: readonly string[]): void {
  for (let i = 0; i < n; i++) {
    if (c[i * n + i] !== 1)
      throw new CorrelationError(`correlation of ${names[i]} with itself must be 1, not ${c[i * n + i]}`, i);
    for (let j = 0; j < i; j++) {
      const v = c[i * n + j]!;
      if (!(v >= -1 && v <= 1))
        throw new CorrelationError(`correlation of ${names[i]} and ${names[j]} must lie in [-1, 1]: ${v}`, i);
      if (v !== c[j * n + i])
        throw new CorrelationError(`correlation matrix is not symmetric at ${names[i]}, ${names[j]}`, i);
    }
  }
}

/**
 * The lower-triangular L with L Lᵀ = C (row-major n × n), or a CorrelationError naming the
 * variable whose pivot is not positive (tolerance 1e-12: a singular matrix is refused too).
 */
export function cholesky(c: Float64Array, n: number, names: readonly string[]): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = c[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(s > 1e-12))
          throw new CorrelationError(
            `correlation matrix is not positive definite (Cholesky pivot ${s.toPrecision(3)} at ${names[i]}): ` +
              `the correlations of ${names[i]} with ${names.slice(0, i).join(', ') || 'nothing'} cannot hold together`,
            i,
          );
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j]!;
    }
  }
  return l;
}
