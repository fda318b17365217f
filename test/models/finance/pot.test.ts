// Reference check 2 (finance.md): with zero volatility the pot equals the annuity formula.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CORE_ASSETS } from '../../../src/models/finance/calibration.ts';
import { annuityValue, potKernel, POT_SERIES, type PotPlan } from '../../../src/models/finance/pot.ts';
import { medianGross } from '../../../src/models/finance/plan.ts';
import { illustrative, zeroVolatility } from './calibration-fixture.ts';
import { FUND, runKernel } from './kernel-fixture.ts';

const productive = {
  name: 'local',
  mu: Math.log1p(0.03),
  sigma: 0.15,
  correlations: new Float64Array(CORE_ASSETS.length).fill(0.3),
};

function pots(plan: Omit<PotPlan, 'fund' | 'sleeve'>, cal = zeroVolatility(), paths = 1000) {
  return runKernel(
    cal,
    {
      paths,
      years: 40,
      report: [10, 40],
      portfolios: [FUND, { local: 1 }],
      added: [productive],
      series: POT_SERIES.length,
    },
    (b, s) => potKernel({ ...plan, fund: 0, sleeve: 1 }, b, s),
  );
}

const plain = { share: 0, annualCharge: 0.003, contributionCharge: 0.018, payGrowth: 0, exitDiscount: 0 };

describe('pot', () => {
  it('σ = 0: the pot is the annuity-due C((1+r)^n − 1)/r·(1+r), r net of charges', () => {
    const r = medianGross(zeroVolatility(), FUND) * (1 - 0.003) - 1;
    const run = pots({ ...plain, timing: 'start' });
    const expected = annuityValue(1 - 0.018, r, 40, 'start');
    for (const v of run.at(0, 1)) assert.ok(Math.abs(v / expected - 1) < 1e-12, `${v} vs ${expected}`);
    assert.ok(Math.abs(run.at(0, 0)[0]! / annuityValue(1 - 0.018, r, 10, 'start') - 1) < 1e-12);
  });
  it('σ = 0, contributions at the end of each year: the annuity-immediate C((1+r)^n − 1)/r', () => {
    const r = medianGross(zeroVolatility(), FUND) * (1 - 0.003) - 1;
    const run = pots({ ...plain, contributionCharge: 0, timing: 'end' });
    assert.ok(Math.abs(run.at(0, 1)[7]! / ((Math.pow(1 + r, 40) - 1) / r) - 1) < 1e-12);
  });
  it('a zero share changes nothing on any path; a share moves money into the illiquid sleeve', () => {
    const cal = illustrative();
    const none = pots({ ...plain, timing: 'start' }, cal, 2000);
    for (let k = 0; k < 2000; k++) {
      assert.equal(none.at(2, 1)[k], 0);
      assert.equal(none.at(3, 1)[k], 0);
    }
    const some = pots({ ...plain, share: 0.1, exitDiscount: 0.05, timing: 'start' }, cal, 2000);
    // the baseline reads the same draws whatever the reform does (paired)
    assert.deepEqual(some.at(0, 1), none.at(0, 1));
    for (let k = 0; k < 2000; k++) {
      assert.ok(some.at(3, 1)[k]! > 0);
      assert.ok(Math.abs(some.at(2, 1)[k]! - (some.at(1, 1)[k]! - some.at(0, 1)[k]!)) < 1e-9);
    }
  });
});
