import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bondsKernel, BOND_SERIES, outstanding, type BondsPlan } from '../../../src/models/finance/bonds.ts';
import { factorCorrelations } from '../../../src/models/finance/market-plan.ts';
import { lossQuantile } from '../../../src/models/finance/vasicek.ts';
import { quantiles } from '../../../src/models/finance/quantiles.ts';
import { illustrative } from './calibration-fixture.ts';
import { runKernel } from './kernel-fixture.ts';

const plan: BondsPlan = {
  factor: 0,
  issue: 2e9,
  issueYears: 5,
  term: 25,
  yield: 0.055,
  pd: 0.002,
  lgd: 0.4,
  rho: 0.2,
};

function run(p: BondsPlan, paths: number) {
  const credit = {
    name: 'credit',
    mu: 0,
    sigma: 1,
    correlations: factorCorrelations(illustrative(), 'equities', 0.4),
  };
  return runKernel(
    illustrative(),
    {
      paths,
      years: 10,
      report: [1, 5, 10],
      portfolios: [{ cash: 1 }],
      added: [credit],
      read: ['credit'],
      inflation: true,
      series: BOND_SERIES.length,
    },
    (b, s) => bondsKernel(p, b, s),
  );
}

describe('infrastructure bonds', () => {
  it('without defaults the book follows the issue and repayment schedule', () => {
    const r = run({ ...plan, pd: 0 }, 50);
    [0, 4, 9].forEach((y, rep) => assert.ok(Math.abs(r.at(0, rep)[0]! / outstanding(plan, y) - 1) < 1e-12));
    for (const v of r.at(1, 1)) assert.equal(v, 0);
  });
  it('loss rates follow the one-factor quantiles', () => {
    const n = 100_000;
    const r = run(plan, n);
    const book = outstanding(plan, 0) / (1 - 1 / plan.term); // the first year's book before repayment
    const rates = Float64Array.from(r.at(1, 0), (v) => v / book);
    const probs = [0.1, 0.5, 0.9, 0.99];
    const sim = quantiles(rates, probs);
    probs.forEach((q, i) => {
      const band = 3 * Math.sqrt((q * (1 - q)) / n);
      assert.ok(
        sim[i]! >= lossQuantile(plan.pd, plan.lgd, plan.rho, q - band) &&
          sim[i]! <= lossQuantile(plan.pd, plan.lgd, plan.rho, q + band),
        `q ${q}`,
      );
    });
  });
});
