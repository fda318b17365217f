import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalCdf, normalQuantile } from '../../../src/models/finance/normal.ts';
import { checkCredit, defaultRate, lossQuantile } from '../../../src/models/finance/vasicek.ts';

describe('one-factor default model', () => {
  it('the loss quantile inverts Vasicek’s distribution P(L ≤ x) = Φ((√(1−ρ)Φ⁻¹(x/LGD) − Φ⁻¹(PD))/√ρ)', () => {
    for (const [pd, rho] of [
      [0.01, 0.12],
      [0.02, 0.2],
      [0.001, 0.05],
    ] as const)
      for (const q of [0.05, 0.5, 0.95, 0.999]) {
        const x = lossQuantile(pd, 0.45, rho, q);
        const cdf = normalCdf(
          (Math.sqrt(1 - rho) * normalQuantile(x / 0.45) - normalQuantile(pd)) / Math.sqrt(rho),
        );
        assert.ok(Math.abs(cdf - q) < 1e-10, `pd ${pd} rho ${rho} q ${q}: ${cdf}`);
      }
  });
  it('the default rate averages to PD over the factor', () => {
    let s = 0;
    const steps = 20000;
    for (let i = 0; i < steps; i++) {
      const y = -8 + (16 * (i + 0.5)) / steps;
      s += defaultRate(0.02, 0.2, y) * Math.exp((-y * y) / 2) * (16 / steps);
    }
    assert.ok(Math.abs(s / Math.sqrt(2 * Math.PI) - 0.02) < 1e-9);
  });
  it('Basel IRB example: PD 1 %, ρ 0.12, q 99.9 % → conditional default rate 0.0729', () => {
    // Φ((Φ⁻¹(0.01) + √0.12 Φ⁻¹(0.999)) / √0.88) = Φ((−2.3263 + 1.0705) / 0.9381) = Φ(−1.3387)
    assert.ok(Math.abs(lossQuantile(0.01, 1, 0.12, 0.999) - normalCdf(-1.3387)) < 2e-4);
  });
  it('refuses impossible parameters', () => {
    assert.throws(() => checkCredit(1, 0.5, 0.1), /invalid probability of default: 1/);
    assert.throws(() => checkCredit(0.01, 1.5, 0.1), /invalid loss given default: 1.5/);
    assert.throws(() => checkCredit(0.01, 0.5, 1), /invalid asset correlation: 1/);
  });
});
