import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lambdaStar, regionalCoefficients, simpleLq } from '../../../src/models/io/flq.ts';
import { interregionalSystem } from '../../../src/models/io/interregional.ts';
import { solveInterregional } from '../../../src/models/io/interregional-solve.ts';
import { areaTotals, interregionalShock } from '../../../src/models/io/interregional-shock.ts';
import { identityMinus } from '../../../src/models/io/leontief.ts';
import { luFactor, luSolve } from '../../../src/models/io/lu.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { nationalTotals } from '../../../src/models/io/regional.ts';
import { shock } from '../../../src/models/io/shock.ts';
import type { RegionalSizes } from '../../../src/models/io/sizes.ts';
import { maxRel, tableFromA } from './tables.ts';

const CODES = ['A01', 'C13', 'K64', 'Q86'];
const A = [0.1, 0.05, 0.02, 0.01, 0.08, 0.2, 0.03, 0.05, 0.05, 0.1, 0.15, 0.04, 0.02, 0.01, 0.05, 0.1];
const national = nationalModel(tableFromA(CODES, A, [100, 300, 400, 200]));
const sizes: RegionalSizes = {
  areas: ['TLC11', 'TLC12', 'TLD11'],
  codes: CODES,
  size: Float64Array.of(10, 40, 20, 30, 30, 10, 60, 20, 5, 50, 120, 25),
  flags: [],
};
const centroids = { x: Float64Array.of(400000, 430000, 350000), y: Float64Array.of(500000, 520000, 300000) };
const sys = interregionalSystem(national, sizes, centroids, { beta: 1.5 });
const f = Float64Array.from({ length: 12 }, (_, k) => (k % 5) + 1);

/** The stacked (N·m)² matrix written out from the definition, for a dense reference solve. */
function denseStacked(closed: boolean): Float64Array {
  const n = 4;
  const N = 3;
  const m = closed ? n + 1 : n;
  const nation = nationalTotals(sizes);
  const nationTotal = nation.reduce((a, b) => a + b, 0);
  const big = new Float64Array(N * m * N * m);
  const dist = (r: number, s: number) =>
    Math.hypot(centroids.x[r]! - centroids.x[s]!, centroids.y[r]! - centroids.y[s]!) / 1000;
  for (let s = 0; s < N; s++) {
    const region = sizes.size.subarray(s * n, s * n + n);
    const total = region.reduce((a, b) => a + b, 0);
    const slq = simpleLq(region, nation, total, nationTotal);
    const lam = lambdaStar(total / nationTotal, 0.3);
    const r = regionalCoefficients(national.a, n, slq, lam, 'flq');
    const cr = national.closure.c.map((c, i) => c * Math.min(lam * slq[i]!, 1));
    for (let i = 0; i < n; i++) {
      let norm = 0;
      for (let t = 0; t < N; t++) if (t !== s) norm += sizes.size[t * n + i]! * dist(t, s) ** -1.5;
      const cols = closed ? n + 1 : n;
      for (let j = 0; j < cols; j++) {
        const aij = j < n ? national.a[i * n + j]! : national.closure.c[i]!;
        const rij = j < n ? r[i * n + j]! : cr[i]!;
        big[(s * m + i) * N * m + s * m + j] = rij;
        for (let t = 0; t < N; t++)
          if (t !== s)
            big[(t * m + i) * N * m + s * m + j] =
              ((sizes.size[t * n + i]! * dist(t, s) ** -1.5) / norm) * (aij - rij);
      }
    }
    if (closed) for (let j = 0; j < n; j++) big[(s * m + n) * N * m + s * m + j] = national.closure.h[j]!;
  }
  return big;
}

function denseSolve(closed: boolean): Float64Array {
  const m = closed ? 5 : 4;
  const size = 3 * m;
  const rhs = new Float64Array(size);
  for (let r = 0; r < 3; r++) for (let i = 0; i < 4; i++) rhs[r * m + i] = f[r * 4 + i]!;
  const x = luSolve(luFactor(identityMinus(denseStacked(closed), size), size), rhs);
  return Float64Array.from({ length: 12 }, (_, k) => x[Math.floor(k / 4) * m + (k % 4)]!);
}

describe('interregional model', () => {
  it('block iteration matches a dense solve of the stacked system written out from the definition', () => {
    for (const closure of ['type1', 'type2'] as const) {
      const s = solveInterregional(sys, f, { closure, tol: 1e-13 });
      assert.ok(s.convergence.converged);
      const d = denseSolve(closure === 'type2');
      assert.ok(maxRel(s.x, d, 1e-12) < 1e-11, `${closure} ${[...s.x].join(',')} vs ${[...d].join(',')}`);
    }
  });
  it('outputs summed over areas equal the national response to the total demand', () => {
    const total = new Float64Array(4);
    f.forEach((v, k) => (total[k % 4]! += v));
    const nat = shock(national, total);
    const r = interregionalShock(sys, national.factors, [
      { area: 'TLC11', industry: 'A01', amount: 10 },
      { area: 'TLD11', industry: 'K64', amount: 5 },
    ]);
    const sumOver = (v: Float64Array) => {
      const out = new Float64Array(4);
      v.forEach((x, k) => (out[k % 4]! += x));
      return out;
    };
    const natOne = shock(national, Float64Array.of(10, 0, 5, 0));
    assert.ok(maxRel(sumOver(r.output.total), natOne.output.total) < 1e-6);
    assert.ok(
      maxRel(
        sumOver(r.output.indirect.map((v, k) => v + r.output.direct[k]!)),
        natOne.output.indirect.map((v, k) => v + natOne.output.direct[k]!),
      ) < 1e-6,
    );
    const s = solveInterregional(sys, f, { closure: 'type2' });
    assert.ok(maxRel(sumOver(s.x), nat.output.total) < 1e-6);
  });
  it('spills: demand in one area raises output in the others; Jacobi and Gauss–Seidel agree', () => {
    const one = new Float64Array(12);
    one[0] = 100;
    const gs = solveInterregional(sys, one, { tol: 1e-12 });
    const ja = solveInterregional(sys, one, { method: 'jacobi', tol: 1e-12 });
    const totals = areaTotals(gs.x, 3);
    assert.ok(totals[0]! > 100 && totals[1]! > 0 && totals[2]! > 0);
    assert.ok(maxRel(gs.x, ja.x, 1e-9) < 1e-8);
    assert.ok(gs.convergence.iterations <= ja.convergence.iterations);
    assert.ok(gs.convergence.residual <= 1e-12);
    assert.equal(gs.convergence.history.length, gs.convergence.iterations);
  });
  it('shares over layers sum to the total, and the split adds up', () => {
    const r = interregionalShock(sys, national.factors, [{ area: 'TLC12', industry: 'C13', amount: 7 }]);
    r.output.total.forEach((t, k) =>
      assert.ok(Math.abs(t - r.output.direct[k]! - r.output.indirect[k]! - r.output.induced[k]!) < 1e-12),
    );
  });
  it('refuses unknown areas and industries, missing areas, bad β and shared centroids', () => {
    assert.throws(
      () => interregionalShock(sys, national.factors, [{ area: 'TLZ99', industry: 'A01', amount: 1 }]),
      /unknown area: TLZ99/,
    );
    assert.throws(
      () => interregionalShock(sys, national.factors, [{ area: 'TLC11', industry: 'Z99', amount: 1 }]),
      /unknown industry: Z99/,
    );
    assert.throws(
      () => interregionalShock(sys, national.factors, [{ industry: 'A01', amount: 1 }]),
      /demand change for A01 has no area/,
    );
    assert.throws(
      () => interregionalSystem(national, sizes, centroids, { beta: -1 }),
      /invalid gravity beta: -1/,
    );
    assert.throws(
      () => interregionalSystem(national, sizes, centroids, { delta: 1.5 }),
      /delta outside \[0, 1\): 1.5/,
    );
    const same = { x: Float64Array.of(1, 1, 2), y: Float64Array.of(1, 1, 2) };
    assert.throws(
      () => interregionalSystem(national, sizes, same),
      /areas share a centroid: TLC11 and TLC12/,
    );
    assert.throws(() => solveInterregional(sys, f, { method: 'sor' as 'jacobi' }), /invalid method: sor/);
  });
});
