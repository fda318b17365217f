import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inverse,
  luFactor,
  luFactorDominant,
  luSolve,
  luSolveMany,
  luSolveTranspose,
} from '../../../src/models/io/lu.ts';
import { makeRng } from './rng.ts';
import { maxRel } from './tables.ts';

function matmul(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[i * n + j]! += a[i * n + k]! * b[k * n + j]!;
  return c;
}

describe('lu', () => {
  it('solves a system that needs pivoting, by hand', () => {
    // [[0, 2], [3, 1]] x = [4, 5] → x = (1, 2); the zero pivot forces a row swap.
    const f = luFactor(Float64Array.of(0, 2, 3, 1), 2);
    assert.deepEqual([...luSolve(f, Float64Array.of(4, 5))], [1, 2]);
    // Transposed: [[0, 3], [2, 1]] y = [6, 4] → y = (1, 2).
    assert.deepEqual([...luSolveTranspose(f, Float64Array.of(6, 4))], [1, 2]);
  });
  it('inverts so that M · M⁻¹ = I on a random 60 × 60 matrix', () => {
    const n = 60;
    const rng = makeRng(7);
    const m = Float64Array.from({ length: n * n }, () => rng() - 0.5);
    const inv = inverse(luFactor(m, n));
    const prod = matmul(m, inv, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) assert.ok(Math.abs(prod[i * n + j]! - (i === j ? 1 : 0)) < 1e-12);
  });
  it('agrees across solve, transposed solve and many right-hand sides', () => {
    const n = 30;
    const rng = makeRng(3);
    const m = Float64Array.from({ length: n * n }, () => rng());
    const f = luFactor(m, n);
    const inv = inverse(f);
    const b = Float64Array.from({ length: n }, () => rng());
    const x = luSolve(f, b);
    const y = luSolveTranspose(f, b);
    const xRef = new Float64Array(n);
    const yRef = new Float64Array(n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        xRef[i]! += inv[i * n + j]! * b[j]!;
        yRef[j]! += b[i]! * inv[i * n + j]!;
      }
    assert.ok(maxRel(x, xRef, 1) < 1e-10);
    assert.ok(maxRel(y, yRef, 1) < 1e-10);
    const many = luSolveMany(f, b, 1);
    assert.ok(maxRel(many, x, 1) < 1e-14);
  });
  it('refuses singular and malformed matrices', () => {
    assert.throws(
      () => luFactor(Float64Array.of(1, 2, 2, 4), 2, 'I − A'),
      /singular I − A: no pivot in column 1/,
    );
    assert.throws(() => luFactor(Float64Array.of(1, 0, 0, 0), 2), /singular matrix/);
    assert.throws(() => luFactor(Float64Array.of(1, 2, 3), 2), /expected 2×2 values, got 3/);
    assert.throws(() => luFactor(Float64Array.of(1, NaN, 0, 1), 2), /non-finite value at 0,1/);
  });
});

describe('luFactorDominant', () => {
  it('gives the factors partial pivoting gives on a column diagonally dominant matrix', () => {
    const n = 40;
    const rng = makeRng(5);
    // I − R with R ≥ 0 and column sums below 1, like every regional model.
    const m = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0) - (rng() * 1.9) / n);
    const pivoted = luFactor(m, n);
    assert.ok(
      pivoted.piv.every((p, k) => p === k),
      'partial pivoting swaps nothing here',
    );
    const plain = luFactorDominant(Float64Array.from(m), n);
    assert.deepEqual([...plain.lu], [...pivoted.lu]);
  });
  it('refuses a zero or negative pivot', () => {
    assert.throws(
      () => luFactorDominant(Float64Array.of(0, 1, 1, 0), 2, 'I − R'),
      /I − R: not diagonally dominant at column 0 \(pivot 0\)/,
    );
  });
});
