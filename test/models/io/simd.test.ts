import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { luFactorDominant } from '../../../src/models/io/lu.ts';
import { luSolveColumns, luSolveRows } from '../../../src/models/io/lu-many.ts';
import { createArena } from '../../../src/models/io/simd.ts';
import { rank4Update } from '../../../src/models/io/rank4.ts';
import { flqRows, regionalCoefficients, regionalLeontief } from '../../../src/models/io/flq.ts';
import { identityMinus } from '../../../src/models/io/leontief.ts';
import { makeRng } from './rng.ts';

const sameBits = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

describe('WebAssembly SIMD rank-4 kernel', () => {
  const rng = makeRng(11);
  const arena = createArena(1 << 20);
  const fill = (v: Float64Array) => v.forEach((_, i) => (v[i] = rng() - 0.5));
  const [x, c, s] = [arena.take(40 * 40), arena.take(40 * 40), arena.take(40 * 40)];
  [x, c, s].forEach(fill);
  // rows: whole tiles, a tail of 1–3 rows; columns: even and odd counts, offsets not 16-byte aligned.
  for (const [rows, from, to] of [
    [8, 0, 40],
    [7, 3, 38],
    [5, 1, 2],
    [1, 0, 1],
    [3, 5, 12],
    [0, 0, 9],
    [4, 9, 9],
  ] as const)
    it(`gives the same bits as the JavaScript kernel (${rows} rows, columns ${from}–${to})`, () => {
      const js = Float64Array.from(x);
      const simd = arena.take(x.length);
      simd.set(x);
      rank4Update(js, 41, 40, c, 3, 40, s, 80, 40, rows, from, to);
      arena.rank4(simd, 41, 40, c, 3, 40, s, 80, 40, rows, from, to);
      assert.ok(sameBits(js, simd));
      if (rows > 0 && to > from) assert.ok(!sameBits(js, x), 'the update changed something');
    });
  it('factors and solves with the same bits as the JavaScript path', () => {
    const n = 45;
    const m = Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0) - (rng() * 1.9) / n);
    const js = luFactorDominant(Float64Array.from(m), n);
    const w = arena.take(n * n);
    w.set(m);
    const simd = luFactorDominant(w, n, 'I − R', arena.rank4);
    assert.ok(sameBits(js.lu, simd.lu));
    const b = Float64Array.from({ length: 6 * n }, () => rng());
    const rows = arena.take(6 * n);
    rows.set(b);
    assert.ok(sameBits(luSolveRows(js, Float64Array.from(b), 6), luSolveRows(simd, rows, 6, arena.rank4)));
    const cols = arena.take(6 * n);
    cols.set(b);
    assert.ok(
      sameBits(luSolveColumns(js, Float64Array.from(b), 6), luSolveColumns(simd, cols, 6, arena.rank4)),
    );
  });
  it('works on arrays from elsewhere too (the JavaScript kernel, same bits)', () => {
    const plain = Float64Array.from(x);
    const ref = Float64Array.from(x);
    arena.rank4(plain, 0, 40, c, 0, 40, s, 0, 40, 6, 0, 40);
    rank4Update(ref, 0, 40, c, 0, 40, s, 0, 40, 6, 0, 40);
    assert.ok(sameBits(plain, ref));
  });
});

describe('WebAssembly SIMD FLQ kernel', () => {
  const rng = makeRng(12);
  const arena = createArena(1 << 20);
  for (const n of [1, 2, 37]) {
    it(`gives regionalLeontief the same bits as the JavaScript kernel and the reference (n = ${n})`, () => {
      const a = arena.take(n * n);
      a.forEach((_, k) => (a[k] = rng() * 0.1));
      // an industry the area lacks (SLQ 0: its row is zero, its column keeps A), and strong specialisations
      const slq = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 0 : rng() * 4));
      const work = { colScale: arena.take(n), rowFactor: arena.take(n) };
      for (const variant of ['flq', 'aflq'] as const) {
        const simd = regionalLeontief(a, n, slq, 0.4, variant, arena.take(n * n), arena.flqRows, work);
        const js = regionalLeontief(a, n, slq, 0.4, variant, new Float64Array(n * n), flqRows);
        const ref = identityMinus(regionalCoefficients(a, n, slq, 0.4, variant), n);
        assert.ok(sameBits(simd, js) && sameBits(js, ref), variant);
      }
    });
  }
});
