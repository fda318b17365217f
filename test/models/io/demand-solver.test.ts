import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demandSolver } from '../../../src/models/io/demand-solver.ts';
import { luSolve } from '../../../src/models/io/lu.ts';
import { regionalModel } from '../../../src/models/io/regional.ts';
import { type2Output } from '../../../src/models/io/type2.ts';
import { randomCase } from './random-case.ts';
import { makeRng } from './rng.ts';
import { maxRel, twoSector } from './tables.ts';
import { nationalModel } from '../../../src/models/io/national.ts';

/** Column c of an n × k block. */
const column = (b: Float64Array, n: number, k: number, c: number) =>
  Float64Array.from({ length: n }, (_, i) => b[i * k + c]!);

describe('demandSolver', () => {
  it('solves the two-sector example by hand: £100 and £1 of food demand', () => {
    // Miller & Blair §2.3: A = [[0.15, 0.25], [0.20, 0.05]], det(I − A) = 0.7575, so the food
    // column of L is (0.25, 0.85) / 0.7575. Columns of f: shock 0 is £100 of food, shock 1 £1.
    const national = nationalModel(twoSector());
    const { type1 } = demandSolver(national).solve(Float64Array.of(0, 0, 100, 1), 2);
    const want = [25 / 0.7575, 0.25 / 0.7575, 85 / 0.7575, 0.85 / 0.7575];
    want.forEach((w, i) => assert.ok(Math.abs(type1[i]! - w) < 1e-12 * w, `${type1[i]} vs ${w}`));
  });
  it('gives each shock’s one-vector Type I and II output to 1e-12, and grows for more shocks', () => {
    const { national, sizes, layers } = randomCase(9, 4);
    const model = regionalModel(national, sizes, 'TLX02', { layers });
    const solver = demandSolver(model);
    const rng = makeRng(2);
    const n = model.n;
    for (const k of [3, 1, 17]) {
      const f = Float64Array.from({ length: n * k }, () => (rng() < 0.7 ? 0 : 100 * rng()));
      const { type1, type2 } = solver.solve(f, k);
      for (let c = 0; c < k; c++) {
        const u = luSolve(model.lu, column(f, n, k, c));
        assert.ok(maxRel(column(type1, n, k, c), u, 1e-9) < 1e-12, `Type I, shock ${c} of ${k}`);
        assert.ok(
          maxRel(column(type2, n, k, c), type2Output(model.closure, u), 1e-9) < 1e-12,
          `Type II, shock ${c}`,
        );
      }
    }
  });
  it('refuses a block of the wrong size, a bad count and a non-number', () => {
    const solver = demandSolver(nationalModel(twoSector()));
    assert.throws(() => solver.solve(new Float64Array(3), 2), /demand shocks: expected 2×2 values, got 3/);
    assert.throws(() => solver.solve(new Float64Array(0), 0), /invalid shock count: 0/);
    assert.throws(
      () => solver.solve(Float64Array.of(1, NaN), 1),
      /demand shock 0, industry 1: not a number \(NaN\)/,
    );
  });
});
