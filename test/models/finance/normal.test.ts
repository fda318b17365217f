import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EXACT_CELLS,
  normalCdf,
  normalFromBits,
  normalQuantile,
  quantileTable,
} from '../../../src/models/finance/normal.ts';

describe('normal distribution', () => {
  it('Φ matches published values', () => {
    // Abramowitz & Stegun table 26.1; tail values from the Mills ratio
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-16);
    assert.ok(Math.abs(normalCdf(1.96) - 0.9750021048517795) < 1e-15);
    assert.ok(Math.abs(normalCdf(-1) - 0.15865525393145707) < 1e-15);
    assert.ok(Math.abs(normalCdf(-3) - 0.0013498980316301035) < 1e-16);
    assert.ok(Math.abs(normalCdf(-6) / 9.865876450376981e-10 - 1) < 1e-12);
    assert.ok(Math.abs(normalCdf(-8) / 6.220960574271785e-16 - 1) < 1e-12);
  });
  it('AS 241 quantiles invert Φ and match published values', () => {
    assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-15);
    assert.ok(Math.abs(normalQuantile(0.05) + 1.6448536269514722) < 1e-15);
    assert.ok(Math.abs(normalQuantile(1e-10) + 6.361340902404056) < 1e-12);
    for (const p of [1e-12, 1e-6, 0.001, 0.02, 0.3, 0.5, 0.77, 0.999, 1 - 1e-9])
      assert.ok(Math.abs(normalCdf(normalQuantile(p)) / p - 1) < 1e-12, `p = ${p}`);
    assert.throws(() => normalQuantile(0), /invalid probability: 0/);
    assert.throws(() => normalQuantile(1), /invalid probability: 1/);
  });
  it('the fast table quantile agrees with AS 241 within 1e-5 everywhere', () => {
    const t = quantileTable();
    let worst = 0;
    for (let i = 0; i < 2_000_000; i++) {
      const bits = (Math.imul(i, 0x9e3779b9) ^ (i >>> 7)) >>> 0;
      const exact = normalQuantile((bits + 0.5) / 4294967296);
      worst = Math.max(worst, Math.abs(normalFromBits(bits, t) - exact));
    }
    assert.ok(worst < 1e-5, `worst ${worst}`);
    // the cells at the ends are exact; the first interpolated cell begins at 64/2^14
    const edge = (EXACT_CELLS << 18) >>> 0;
    assert.equal(normalFromBits(edge - 1, t), normalQuantile((edge - 0.5) / 4294967296));
    assert.equal(normalFromBits(0, t), normalQuantile(0.5 / 4294967296));
    assert.equal(normalFromBits(0xffffffff, t), -normalFromBits(0, t));
  });
});
