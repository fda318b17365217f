import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bandedMean,
  partialMean,
  payCdf,
  payQuantile,
} from '../../../src/models/finance/pay-distribution.ts';

const d = { median: 30000, sigmaLow: 1.0, sigmaHigh: 0.55 };

// The reference: integrate f(pay) over a < pay ≤ b in z (pay = payQuantile(z)), midpoint rule.
function integrate(f: (x: number) => number, a = 0, b = Infinity): number {
  const zOf = (x: number) =>
    x <= 0 ? -9 : x === Infinity ? 9 : Math.log(x / d.median) / (x < d.median ? d.sigmaLow : d.sigmaHigh);
  const lo = Math.max(-9, zOf(a));
  const hi = Math.min(9, zOf(b));
  if (!(hi > lo)) return 0;
  const steps = 200_000;
  const h = (hi - lo) / steps;
  let s = 0;
  for (let i = 0; i < steps; i++) {
    const z = lo + (i + 0.5) * h;
    s += f(payQuantile(d, z)) * Math.exp(-0.5 * z * z);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}

describe('split lognormal pay', () => {
  it('has the stated median and deciles', () => {
    assert.ok(Math.abs(payCdf(d, 30000) - 0.5) < 1e-15);
    assert.ok(Math.abs(payCdf(d, payQuantile(d, -1.2815515655446004)) - 0.1) < 1e-12);
    assert.ok(
      Math.abs(payQuantile(d, 1.2815515655446004) / (30000 * Math.exp(0.55 * 1.2815515655446004)) - 1) <
        1e-15,
    );
  });
  it('partial means and banded qualifying earnings agree with quadrature', () => {
    for (const x of [5000, 20000, 30000, 45000, 120000])
      assert.ok(Math.abs(partialMean(d, x) / integrate((v) => v, 0, x) - 1) < 1e-8, `x ${x}`);
    const clip = (v: number) => Math.max(0, Math.min(v, 50270) - 6240);
    for (const [a, b] of [
      [10000, Infinity],
      [10000, 12570],
      [12570, 50270],
      [50270, 100000],
      [100000, Infinity],
    ] as const) {
      const exact = integrate(clip, a, b);
      assert.ok(Math.abs(bandedMean(d, 6240, 50270, a, b) / exact - 1) < 1e-8, `${a}–${b}`);
    }
  });
});
