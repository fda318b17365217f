import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interregionalShock, areaTotals } from '../../../src/models/io/interregional-shock.ts';
import { interregionalSystem } from '../../../src/models/io/interregional.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { banded, placeSplit } from '../../../src/models/io/place-split.ts';
import type { IoTable } from '../../../src/core/io-table.ts';

const AREAS = ['A', 'B', 'C', 'D'];

describe('placeSplit', () => {
  it('puts each area in one part: local, elsewhere in the group, the rest', () => {
    const s = placeSplit(Float64Array.of(3, 5, 7, 11), AREAS, new Set(['B']), new Set(['A', 'B']));
    assert.deepEqual(s, { local: 5, group: 3, rest: 18, total: 26 });
  });

  it('refuses an area it does not know, so no effect is moved to the rest by a typo', () => {
    assert.throws(
      () => placeSplit(Float64Array.of(1, 2, 3, 4), AREAS, new Set(['A']), new Set(['E'])),
      /unknown area: E/,
    );
    assert.throws(
      () => placeSplit(Float64Array.of(1, 2), AREAS, new Set(['A']), new Set()),
      /2 values for 4 areas/,
    );
  });

  it('bands a value by the values at the band ends', () => {
    assert.deepEqual(banded(5, [4, 7]), { value: 5, low: 4, high: 7 });
    assert.deepEqual(banded(5, [6, 7]), { value: 5, low: 5, high: 7 });
  });
});

/**
 * One industry with a = 0.5, no household spending (so Type II = Type I), three areas of GVA
 * 10, 10 and 20, gravity without distance decay (β = 0): area s keeps r_s = 0.5·λ*_s with
 * λ*_s = log₂(1 + share_s)^δ (one industry: SLQ = 1) and buys the leakage 0.5·(1 − λ*_s) from
 * the other two in proportion to their size. £10m of demand in A.
 */
function oneIndustry(delta: number) {
  const table: IoTable = {
    year: 2000,
    codes: ['A01'],
    names: ['Industry A01'],
    z: Float64Array.of(50),
    finalDemand: { 'P3 S14': Float64Array.of(0) },
    primaryInputs: { D1: Float64Array.of(30), GVA: Float64Array.of(50) },
    output: Float64Array.of(100),
  };
  const sizes = { areas: ['A', 'B', 'C'], codes: ['A01'], size: Float64Array.of(10, 10, 20), flags: [] };
  const centroids = { x: Float64Array.of(0, 30000, 0), y: Float64Array.of(0, 40000, 90000) };
  const national = nationalModel(table);
  const sys = interregionalSystem(national, sizes, centroids, { delta, beta: 0 });
  return interregionalShock(sys, national.factors, [{ area: 'A', industry: 'A01', amount: 10 }], {
    tol: 1e-14,
  });
}

/** The same case solved by hand: x = f + R x for three areas, by Cramer's rule. */
function byHand(delta: number): number[] {
  const lam = [0.25, 0.25, 0.5].map((share) => Math.log2(1 + share) ** delta);
  const keep = lam.map((l) => 0.5 * l);
  const leak = lam.map((l) => 0.5 * (1 - l));
  // supply shares of the others by size: A buys from B 1/3, C 2/3; B from A 1/3, C 2/3; C from A 1/2, B 1/2
  const R = [
    [keep[0]!, leak[1]! / 3, leak[2]! / 2],
    [leak[0]! / 3, keep[1]!, leak[2]! / 2],
    [(2 * leak[0]!) / 3, (2 * leak[1]!) / 3, keep[2]!],
  ];
  const M = R.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
  const det = (m: number[][]) =>
    m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
    m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
    m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
  const f = [10, 0, 0];
  const d = det(M);
  return [0, 1, 2].map((k) => det(M.map((row, i) => row.map((v, j) => (j === k ? f[i]! : v)))) / d);
}

describe('an interregional shock split by place, against a hand-solved case', () => {
  for (const delta of [0.1, 0.3, 0.4]) {
    it(`δ = ${delta}: A local, B elsewhere in the group, C the rest; the parts add up to f/(1 − a)`, () => {
      const r = oneIndustry(delta);
      const x = byHand(delta);
      const s = placeSplit(areaTotals(r.output.total, 3), r.areas, new Set(['A']), new Set(['A', 'B']));
      assert.ok(Math.abs(s.local - x[0]!) < 1e-10, `local ${s.local} vs ${x[0]}`);
      assert.ok(Math.abs(s.group - x[1]!) < 1e-10, `group ${s.group} vs ${x[1]}`);
      assert.ok(Math.abs(s.rest - x[2]!) < 1e-10, `rest ${s.rest} vs ${x[2]}`);
      // every £ that leaks is bought inside the nation: the total is the national multiplier 1/(1 − 0.5) × £10m
      assert.ok(Math.abs(s.total - 20) < 1e-10, `total ${s.total}`);
      const gva = placeSplit(areaTotals(r.gva.total, 3), r.areas, new Set(['A']), new Set(['A', 'B']));
      assert.ok(Math.abs(gva.total - 10) < 1e-10, `GVA ${gva.total} = 0.5 × output`);
    });
  }

  it('a higher δ keeps less in the area where demand rises', () => {
    const [lo, hi] = [byHand(0.1)[0]!, byHand(0.4)[0]!];
    assert.ok(lo > hi, `${lo} > ${hi}`);
  });
});
