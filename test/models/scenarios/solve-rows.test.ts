import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luFactor, luSolveTranspose } from '../../../src/models/io/lu.ts';
import { solveRows } from '../../../src/models/scenarios/solve-rows.ts';
import { makeRng } from '../io/rng.ts';

describe('many transposed solves at once', () => {
  it('give the rows of one transposed solve each (pivoting too)', () => {
    const random = makeRng(17);
    const n = 23;
    const m = 5;
    const a = Float64Array.from({ length: n * n }, () => random() - 0.5);
    for (let i = 0; i < n; i++) a[i * n + i]! += 0.2;
    const f = luFactor(a, n);
    const s = Float64Array.from({ length: m * n }, () => random());
    const all = solveRows(f, s, m);
    for (let r = 0; r < m; r++)
      assert.deepEqual(all.subarray(r * n, (r + 1) * n), luSolveTranspose(f, s.subarray(r * n, (r + 1) * n)));
  });
  it('refuses rows of the wrong length', () => {
    assert.throws(
      () => solveRows(luFactor(Float64Array.of(2, 0, 0, 2), 2), Float64Array.of(1, 2, 3), 2),
      /rows: expected 2×2 values, got 3/,
    );
  });
});
