import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalCdf, normalQuantile, zFor } from '../../../src/models/indicators/distributions.ts';
import {
  byar,
  countInterval,
  poissonExact,
  rateInterval,
  wilson,
} from '../../../src/models/indicators/intervals.ts';

function near(actual: number, expected: number, tolerance: number, what = ''): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what} ${actual} is not within ${tolerance} of ${expected}`,
  );
}

describe('z values', () => {
  it('gives the 95% and 99.8% values PHE uses', () => {
    near(zFor(0.95), 1.959964, 5e-7);
    near(zFor(0.998), 3.090232, 5e-7);
    near(normalQuantile(0.5), 0, 1e-15);
    near(normalQuantile(1e-10), -6.361340902404056, 1e-9);
  });
});

describe('normal distribution function', () => {
  it('is accurate to 1e-13 on both sides of the switch at 3', () => {
    near(normalCdf(1.959963984540054), 0.975, 1e-13);
    near(normalCdf(-3.090232306167813), 0.001, 1e-15);
    near(normalCdf(3), 0.9986501019683699, 1e-13);
    near(normalCdf(2.999999999), 0.9986501019683699, 1e-11);
    near(normalCdf(-5), 2.866515718791939e-7, 1e-19);
    near(normalCdf(0), 0.5, 1e-16);
  });
});

describe('Wilson score interval', () => {
  it('reproduces Newcombe & Altman (Statistics with Confidence, 2000): 81 of 263 → 0.2553 to 0.3662', () => {
    const ci = wilson(81, 263);
    near(ci.lower, 0.2553, 5e-5);
    near(ci.upper, 0.3662, 5e-5);
  });
  it('reproduces PHEindicatormethods phe_proportion: 100 of 1000 → 8.2909% to 12.0152%', () => {
    const ci = wilson(100, 1000);
    near(ci.value * 100, 10, 1e-12);
    near(ci.lower * 100, 8.29094435930957, 1e-9);
    near(ci.upper * 100, 12.01519631953484, 1e-9);
  });
  it('reproduces 100 of 10,000 → 0.8229% to 1.2147%', () => {
    const ci = wilson(100, 10000);
    near(ci.lower * 100, 0.8229336148148417, 1e-10);
    near(ci.upper * 100, 1.2146982255114647, 1e-10);
  });
  it('widens at 99.8% and stays inside [0, 1] at the edges', () => {
    const a = wilson(30, 100, 0.95);
    const b = wilson(30, 100, 0.998);
    assert.ok(b.lower < a.lower && b.upper > a.upper);
    assert.equal(wilson(0, 20).lower, 0);
    assert.equal(wilson(20, 20).upper, 1);
  });
  it('rejects a numerator above the denominator', () => {
    assert.throws(() => wilson(11, 10), /invalid numerator: 11 of 10/);
  });
});

describe("Byar's method and exact Poisson limits", () => {
  it('reproduces the lower 95% limit of 100 events: 81.3621', () => {
    near(byar(100).lower, 81.36210549052788, 1e-9);
  });
  it('follows the Technical Guide formula for the upper limit: (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³', () => {
    // 101 × (1 − 1/909 + 1.959964/(3√101))³, worked by hand: 121.6279
    near(byar(100).upper, 121.6279, 1e-4);
  });
  it('gives the exact limits of the published Poisson tables (Garwood 1936)', () => {
    const table: [number, number, number][] = [
      [0, 0, 3.689],
      [1, 0.0253, 5.572],
      [5, 1.6235, 11.668],
      [9, 4.1154, 17.085],
    ];
    for (const [o, lo, hi] of table) {
      const ci = poissonExact(o);
      near(ci.lower, lo, 5e-4, `O=${o} lower`);
      near(ci.upper, hi, 5e-4, `O=${o} upper`);
    }
    near(poissonExact(5, 0.998).upper, 16.4547, 1e-4);
  });
  it('is within 0.2% of the exact limits for O ≥ 10 at 95%, as the Technical Guide states', () => {
    for (let o = 10; o <= 2000; o += o < 100 ? 1 : 37) {
      const b = byar(o);
      const e = poissonExact(o);
      assert.ok(Math.abs(b.lower / e.lower - 1) < 0.002, `lower at ${o}`);
      assert.ok(Math.abs(b.upper / e.upper - 1) < 0.002, `upper at ${o}`);
    }
  });
  it('switches from exact to Byar at 10 and scales rates', () => {
    assert.deepEqual(countInterval(9), poissonExact(9));
    assert.deepEqual(countInterval(10), byar(10));
    const r = rateInterval(100, 10000);
    near(r.value, 1000, 1e-9);
    near(r.lower, 813.6210549052788, 1e-8);
    near(r.upper, byar(100).upper * 10, 1e-9);
  });
  it('rejects a fractional count for the exact method', () => {
    assert.throws(() => poissonExact(2.5), /invalid count: 2.5/);
  });
});
