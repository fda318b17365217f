import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luFactor, luFactorDominant, luSolve, luSolveTranspose } from '../../../src/models/io/lu.ts';
import { luSolveColumns, luSolveRows } from '../../../src/models/io/lu-many.ts';
import { makeRng } from './rng.ts';
import { maxRel } from './tables.ts';

const random = (rng: () => number, length: number) => Float64Array.from({ length }, () => rng() - 0.5);

/** A random matrix that needs pivoting (and gets it), its LU, and m random vectors. */
function setup(n: number, m: number, seed: number) {
  const rng = makeRng(seed);
  const a = random(rng, n * n);
  const f = luFactor(a, n);
  return { a, f, b: random(rng, m * n) };
}

describe('luSolveRows', () => {
  // n not a multiple of 4 and m not either: the partial blocks and the single-row tail both run.
  for (const [n, m] of [
    [1, 1],
    [7, 3],
    [33, 10],
    [105, 11],
  ] as const)
    it(`gives the one-vector transposed solves (n = ${n}, ${m} rows), pivots and all`, () => {
      const { f, b } = setup(n, m, n + m);
      if (n > 1)
        assert.ok(
          f.piv.some((p, k) => p !== k),
          'the test matrix needs row swaps',
        );
      const x = luSolveRows(f, Float64Array.from(b), m);
      for (let r = 0; r < m; r++) {
        const ref = luSolveTranspose(f, b.subarray(r * n, (r + 1) * n));
        assert.ok(maxRel(x.subarray(r * n, (r + 1) * n), ref, 1) < 1e-12, `row ${r}`);
      }
    });
  it('solves x A = b exactly on a hand example: A = [[2, 1], [1, 3]], b = (5, 10) → x = (1, 3)', () => {
    const f = luFactorDominant(Float64Array.of(2, 1, 1, 3), 2);
    assert.deepEqual([...luSolveRows(f, Float64Array.of(5, 10), 1)], [1, 3]);
  });
});

describe('luSolveColumns', () => {
  for (const [n, k] of [
    [6, 1],
    [33, 5],
    [105, 9],
  ] as const)
    it(`gives the one-vector solves (n = ${n}, ${k} columns)`, () => {
      const { a, f, b } = setup(n, k, 2 * n + k);
      const x = luSolveColumns(f, Float64Array.from(b), k);
      const col = new Float64Array(n);
      for (let c = 0; c < k; c++) {
        for (let i = 0; i < n; i++) col[i] = b[i * k + c]!;
        const ref = luSolve(f, col);
        for (let i = 0; i < n; i++)
          assert.ok(Math.abs(x[i * k + c]! - ref[i]!) <= 1e-12 * Math.max(1, Math.abs(ref[i]!)));
        // and the residual A x − b is at rounding level
        for (let i = 0; i < n; i++) {
          let s = -b[i * k + c]!;
          for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j * k + c]!;
          assert.ok(Math.abs(s) < 1e-10, `residual ${s}`);
        }
      }
    });
  it('refuses a right-hand side of the wrong size', () => {
    const f = luFactorDominant(Float64Array.of(2, 1, 1, 3), 2);
    assert.throws(() => luSolveColumns(f, new Float64Array(3), 2), /expected 2×2 values, got 3/);
    assert.throws(() => luSolveRows(f, new Float64Array(3), 2), /expected 2×2 values, got 3/);
  });
});
