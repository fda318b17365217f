// Reference check 5 (finance.md): with zero spread and zero losses equity stays flat; loss
// quantiles agree with the one-factor formula.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bankKernel, BANK_SERIES, type BankPlan } from '../../../src/models/finance/bank.ts';
import { factorCorrelations } from '../../../src/models/finance/market-plan.ts';
import { lossQuantile } from '../../../src/models/finance/vasicek.ts';
import { quantiles } from '../../../src/models/finance/quantiles.ts';
import { normalQuantile } from '../../../src/models/finance/normal.ts';
import { illustrative } from './calibration-fixture.ts';
import { runKernel } from './kernel-fixture.ts';

const credit = {
  name: 'credit',
  mu: 0,
  sigma: 1,
  correlations: factorCorrelations(illustrative(), 'equities', 0.5),
};
const base: BankPlan = {
  factor: 0,
  capital: 27.8e9,
  injection: 0,
  injectionYears: 0,
  leverage: 3,
  newLending: 25e9,
  lendingGrowth: 0,
  countercyclical: 0.5,
  maturity: 10,
  spread: 0.02,
  operatingCost: 0.005,
  pd: 0.02,
  lgd: 0.45,
  rho: 0.15,
};

function bank(plan: BankPlan, paths: number) {
  return runKernel(
    illustrative(),
    {
      paths,
      years: 20,
      report: [1, 5, 20],
      portfolios: [{ cash: 1 }],
      added: [credit],
      read: ['credit'],
      series: BANK_SERIES.length,
    },
    (b, s) => bankKernel(plan, b, s),
  );
}

describe('national investment bank', () => {
  it('with zero spread and zero losses, equity stays flat on every path', () => {
    const r = bank({ ...base, spread: 0, operatingCost: 0, pd: 0 }, 3000);
    for (let rep = 0; rep < 3; rep++) for (const v of r.at(0, rep)) assert.equal(v, 27.8e9);
    // and it lends, counter-cyclically, within its leverage limit
    for (const v of r.at(1, 2)) assert.ok(v > 0 && v <= 3 * 27.8e9 + 1e-3);
  });
  it('annual loss rates have the one-factor quantiles (within the sampling band of each order statistic)', () => {
    const n = 200_000;
    const r = bank(base, n);
    for (const rep of [0, 2]) {
      const probs = [0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
      const sim = quantiles(Float64Array.from(r.at(4, rep)), probs);
      probs.forEach((q, i) => {
        const band = 3 * Math.sqrt((q * (1 - q)) / n);
        const lo = lossQuantile(base.pd, base.lgd, base.rho, q - band);
        const hi = lossQuantile(base.pd, base.lgd, base.rho, q + band);
        assert.ok(sim[i]! >= lo && sim[i]! <= hi, `q ${q}: ${sim[i]} not in [${lo}, ${hi}]`);
      });
    }
    assert.ok(Number.isFinite(normalQuantile(0.5)));
  });
  it('counter-cyclical lending: more new lending after a bad year than after a good one', () => {
    const r = bank({ ...base, leverage: 50 }, 20_000);
    const loss1 = r.at(4, 0);
    const lent5 = r.at(2, 1);
    assert.ok(lent5.every((v) => v >= 0));
    assert.ok(loss1.some((v) => v > 0));
  });
});
