import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inverse } from '../../../src/models/io/lu.ts';
import {
  checkProductive,
  identityMinus,
  leontiefLu,
  technicalCoefficients,
} from '../../../src/models/io/leontief.ts';
import { makeRng } from './rng.ts';

describe('leontief', () => {
  it('reproduces Miller & Blair (2009) §2.3 by hand', () => {
    // A = Z x̂⁻¹ = [[150/1000, 500/2000], [200/1000, 100/2000]] = [[0.15, 0.25], [0.2, 0.05]].
    const a = technicalCoefficients(Float64Array.of(150, 500, 200, 100), Float64Array.of(1000, 2000), 2);
    assert.deepEqual([...a], [0.15, 0.25, 0.2, 0.05]);
    // det(I − A) = 0.85 · 0.95 − 0.25 · 0.2 = 0.7575 = 303/400, so
    // L = (400/303) [[0.95, 0.25], [0.2, 0.85]] = [[380, 100], [80, 340]] / 303.
    const l = inverse(leontiefLu(a, 2));
    const want = [380 / 303, 100 / 303, 80 / 303, 340 / 303];
    l.forEach((v, k) => assert.ok(Math.abs(v - want[k]!) < 1e-15));
  });
  it('reproduces a three-sector inverse computed exactly', () => {
    // A from Miller & Blair's three-sector example; L = adj(I − A)/det, det = 4703/10000.
    const a = Float64Array.of(0.15, 0.25, 0.05, 0.2, 0.05, 0.4, 0.3, 0.25, 0.05);
    const l = inverse(leontiefLu(a, 3));
    const want = [6420, 2000, 1180, 2480, 6340, 2800, 2680, 2300, 6060].map((v) => v / 4703);
    l.forEach((v, k) => assert.ok(Math.abs(v - want[k]!) < 1e-14));
  });
  it('L(I − A) = I to 1e-12 on a random productive 105-sector matrix', () => {
    const n = 105;
    const rng = makeRng(11);
    // Column sums around 0.8 (at most ~0.95): a productive economy with strong linkages.
    const a = Float64Array.from({ length: n * n }, () => (rng() * 1.6) / n);
    checkProductive(
      a,
      n,
      Array.from({ length: n }, (_, i) => `I${i}`),
    );
    const l = inverse(leontiefLu(a, n));
    const m = identityMinus(a, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += l[i * n + k]! * m[k * n + j]!;
        assert.ok(Math.abs(s - (i === j ? 1 : 0)) < 1e-12, `${i},${j}: ${s}`);
      }
  });
  it('leaves a zero column where output is zero', () => {
    const a = technicalCoefficients(Float64Array.of(1, 0, 2, 0), Float64Array.of(10, 0), 2);
    assert.deepEqual([...a], [0.1, 0, 0.2, 0]);
  });
  it('refuses a non-productive or negative A, naming the industry', () => {
    assert.throws(
      () => checkProductive(Float64Array.of(0.6, 0.1, 0.5, 0.2), 2, ['A01', 'C10']),
      /non-productive: column sum of A for A01 is 1.1/,
    );
    assert.throws(
      () => checkProductive(Float64Array.of(0.1, -0.1, 0.2, 0.2), 2, ['A01', 'C10']),
      /negative or missing coefficient: A01 → C10 = -0.1/,
    );
  });
});
