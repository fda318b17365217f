import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flqVariant, lambdaStar, regionalCoefficients, simpleLq } from '../../../src/models/io/flq.ts';

describe('FLQ worked example (by hand)', () => {
  // Three industries. National sizes E = (400, 300, 300), E = 1000; the area has
  // e = (150, 60, 40), e = 250, so E^r/E = 0.25.
  // SLQ_1 = (150/250)/(400/1000) = 0.6/0.4 = 1.5
  // SLQ_2 = (60/250)/(300/1000)  = 0.24/0.3 = 0.8
  // SLQ_3 = (40/250)/(300/1000)  = 0.16/0.3 = 0.5333…
  // λ* = [log₂(1 + 0.25)]^0.3 = 0.321928^0.3 = exp(0.3 · ln 0.321928) = exp(0.3 · −1.133427) = 0.711750
  // FLQ_ij = λ*·SLQ_i/SLQ_j (i ≠ j), λ*·SLQ_i (i = j); r_ij = a_ij · min(FLQ_ij, 1):
  //   row 1 (SLQ 1.5): 1.067625, 1.334532, 2.001797 → all capped at 1: r = a
  //   row 2 (SLQ 0.8): λ*·0.8/1.5 = 0.379600 → r21 = 0.05 · 0.379600 = 0.018980
  //                    λ*·0.8     = 0.569400 → r22 = 0.1 · 0.569400  = 0.056940
  //                    λ*·0.8/0.5333 = 1.067625 → capped: r23 = 0.2
  //   row 3 (SLQ 0.5333): λ*·0.355556 = 0.253067 → r31 = 0.2 · 0.253067 = 0.050613
  //                       λ*·0.666667 = 0.474500 → r32 = 0.1 · 0.474500 = 0.047450
  //                       λ*·0.533333 = 0.379600 → r33 = 0.05 · 0.379600 = 0.018980
  // AFLQ multiplies column j by log₂(1 + SLQ_j) where SLQ_j > 1: column 1 by log₂ 2.5 = 1.321928,
  //   so r21 = 0.05 · 0.379600 · 1.321928 = 0.025090 and r31 = 0.2 · 0.253067 · 1.321928 = 0.066907.
  const a = Float64Array.of(0.1, 0.2, 0.1, 0.05, 0.1, 0.2, 0.2, 0.1, 0.05);
  const slq = simpleLq(Float64Array.of(150, 60, 40), Float64Array.of(400, 300, 300), 250, 1000);
  const lambda = lambdaStar(0.25, 0.3);
  const near = (got: Float64Array, want: number[]) =>
    want.forEach((w, k) => assert.ok(Math.abs(got[k]! - w) < 5e-7, `cell ${k}: ${got[k]} vs ${w}`));
  it('SLQ and λ*', () => {
    near(slq, [1.5, 0.8, 0.533333]);
    assert.ok(Math.abs(lambda - 0.71175) < 5e-7);
  });
  it('FLQ coefficients', () => {
    near(
      regionalCoefficients(a, 3, slq, lambda, 'flq'),
      [0.1, 0.2, 0.1, 0.01898, 0.05694, 0.2, 0.050613, 0.04745, 0.01898],
    );
  });
  it('AFLQ coefficients', () => {
    near(
      regionalCoefficients(a, 3, slq, lambda, 'aflq'),
      [0.1, 0.2, 0.1, 0.02509, 0.05694, 0.2, 0.066907, 0.04745, 0.01898],
    );
  });
  it('an industry the area lacks supplies nothing locally', () => {
    const s = simpleLq(Float64Array.of(150, 0, 40), Float64Array.of(400, 300, 300), 190, 1000);
    const r = regionalCoefficients(a, 3, s, lambda, 'flq');
    assert.deepEqual([r[3], r[4], r[5]], [0, 0, 0]);
    // A buyer the area lacks: the ratio SLQ_i/0 is unbounded, so its column keeps a_ij.
    assert.equal(r[1], 0.2);
  });
  it('refuses δ outside [0, 1), a share outside (0, 1] and unknown variants', () => {
    assert.throws(() => lambdaStar(0.25, 1), /delta outside \[0, 1\): 1/);
    assert.throws(() => lambdaStar(0.25, -0.1), /delta outside \[0, 1\): -0.1/);
    assert.throws(() => lambdaStar(0, 0.3), /regional share outside \(0, 1\]: 0/);
    assert.throws(() => flqVariant('slq'), /invalid FLQ variant: slq/);
  });
});
