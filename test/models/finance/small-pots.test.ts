import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  smallPotsKernel,
  SMALL_POTS_SERIES,
  type SmallPotsPlan,
} from '../../../src/models/finance/small-pots.ts';
import { medianGross } from '../../../src/models/finance/plan.ts';
import { zeroVolatility, illustrative } from './calibration-fixture.ts';
import { FUND, runKernel } from './kernel-fixture.ts';

const plan: SmallPotsPlan = {
  fund: 0,
  bands: [
    { count: 8e6, size: 400 },
    { count: 5e6, size: 900 },
  ],
  annualCharge: 0.0075,
  flatFee: 20,
  consolidatedCharge: 0.003,
  consolidationCost: 0,
};

function run(p: SmallPotsPlan, cal = zeroVolatility()) {
  return runKernel(
    cal,
    { paths: 600, years: 20, report: [1, 20], portfolios: [FUND], series: SMALL_POTS_SERIES.length },
    (b, s) => smallPotsKernel(p, b, s),
  );
}

describe('small-pot consolidation', () => {
  it('with equal charges, no fees and no cost, consolidation changes nothing', () => {
    const r = run({ ...plan, flatFee: 0, consolidatedCharge: 0.0075 });
    for (const v of r.at(2, 1)) assert.ok(Math.abs(v) < 1e-3);
    const g = medianGross(zeroVolatility(), FUND) * (1 - 0.0075);
    assert.ok(Math.abs(r.at(0, 0)[0]! / ((8e6 * 400 + 5e6 * 900) * g) - 1) < 1e-12);
  });
  it('a flat fee eats small pots: consolidation gains on every path', () => {
    const r = run(plan, illustrative());
    for (const v of r.at(2, 1)) assert.ok(v > 0);
  });
});
