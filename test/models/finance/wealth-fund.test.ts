// Reference check 3 (finance.md): a fund paying out exactly its real return stays flat in real terms.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { medianGross } from '../../../src/models/finance/plan.ts';
import {
  payout,
  wealthFundKernel,
  WEALTH_FUND_SERIES,
  type WealthFundPlan,
} from '../../../src/models/finance/wealth-fund.ts';
import { illustrative, zeroVolatility } from './calibration-fixture.ts';
import { FUND, runKernel } from './kernel-fixture.ts';

const base: WealthFundPlan = {
  fund: 0,
  transfer: 100e9,
  levy: 0,
  levyYears: 0,
  publicAssets: 0,
  returnShare: 0,
  publicFund: 0,
  payout: { rule: 'real-return', rate: 0 },
  payoutFrom: 0,
  annualCharge: 0.001,
};

function fund(plan: WealthFundPlan, cal = zeroVolatility(), paths = 100) {
  return runKernel(
    cal,
    { paths, years: 30, report: [1, 10, 30], portfolios: [FUND], series: WEALTH_FUND_SERIES.length },
    (b, s) => wealthFundKernel(plan, b, s),
  );
}

describe('citizens’ wealth fund', () => {
  it('paying out exactly its real return, it stays flat in real terms', () => {
    const r = medianGross(zeroVolatility(), FUND) * (1 - 0.001) - 1;
    const run = fund({ ...base, payout: { rule: 'real-return', rate: r } });
    for (let rep = 0; rep < 3; rep++) {
      assert.ok(Math.abs(run.at(0, rep)[0]! / 100e9 - 1) < 1e-12);
      assert.ok(Math.abs(run.at(1, rep)[0]! / (r * 100e9) - 1) < 1e-12);
    }
  });
  it('the Alaska rule pays a share of the average of past values', () => {
    const rule = { rule: 'percent-of-value' as const, rate: 0.05, averageYears: 5, lagYears: 1 };
    const past = [10, 20, 30, 40, 50, 60, 70]; // lag 0 = this year's start value
    assert.equal(
      payout(rule, 0, 1e9, (lag) => past[lag]!),
      0.05 * ((20 + 30 + 40 + 50 + 60) / 5),
    );
    const run = fund({ ...base, payout: rule }, illustrative(), 2000);
    // in year 1 every lagged value is the transfer: the payout is exactly 5 % of it
    for (const v of run.at(1, 0)) assert.ok(Math.abs(v - 5e9) < 1e-3);
  });
  it('a dividend too large for the fund depletes it, and the probability shows it', () => {
    const run = fund(
      { ...base, payout: { rule: 'dividend', amount: 10000, recipients: 900_000 } },
      illustrative(),
      2000,
    );
    const depleted = run.at(2, 2).filter((v) => v <= 1).length / 2000;
    assert.ok(depleted > 0.5, `depleted on ${depleted} of paths`);
    for (const v of run.at(1, 0)) assert.equal(v, 9e9);
  });
  it('a levy and a share of public returns add to the fund', () => {
    const r = medianGross(zeroVolatility(), FUND) * (1 - 0.001) - 1;
    const run = fund({ ...base, levy: 1e9, levyYears: 10, payout: { rule: 'real-return', rate: r } });
    // flat plus the levies, each then paying its own return out: 100 + 10 after ten years
    assert.ok(Math.abs(run.at(0, 1)[0]! / 110e9 - 1) < 1e-12);
    assert.throws(() => payout({ rule: 'lottery' } as never, 1, 1, () => 1), /invalid payout rule: lottery/);
  });
});
