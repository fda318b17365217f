import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CORE_ASSETS } from '../../../src/models/finance/calibration.ts';
import { medianGross } from '../../../src/models/finance/plan.ts';
import {
  providerKernel,
  PROVIDER_SERIES,
  targetShare,
  type ProviderPlan,
} from '../../../src/models/finance/provider.ts';
import { illustrative, zeroVolatility } from './calibration-fixture.ts';
import { FUND, runKernel } from './kernel-fixture.ts';

const productive = {
  name: 'local',
  mu: Math.log1p(0.03),
  sigma: 0.15,
  correlations: new Float64Array(CORE_ASSETS.length).fill(0.3),
};
const base: ProviderPlan = {
  fund: 0,
  sleeve: 1,
  share: 0.05,
  rampYears: 5,
  annualCharge: 0.003,
  contributionCharge: 0.018,
  assets: 50e9,
  inflow: 6e9,
  payGrowth: 0.01,
  outflowRate: 0.03,
};

function run(plan: ProviderPlan, cal = illustrative(), paths = 2000) {
  return runKernel(
    cal,
    {
      paths,
      years: 20,
      report: [1, 5, 20],
      portfolios: [FUND, { local: 1 }],
      added: [productive],
      series: PROVIDER_SERIES.length,
    },
    (b, s) => providerKernel(plan, b, s),
  );
}

describe('provider fund moving a share of its assets', () => {
  it('a zero share leaves the fund and its savers’ pots as in the baseline, on every path', () => {
    const r = run({ ...base, share: 0 });
    for (const rep of [0, 2])
      for (let k = 0; k < 2000; k++) {
        assert.ok(Math.abs(r.at(1, rep)[k]! / r.at(0, rep)[k]! - 1) < 1e-12, 'fund');
        assert.equal(r.at(3, rep)[k], 0, 'nothing mobilised');
        assert.ok(Math.abs(r.at(6, rep)[k]! / r.at(5, rep)[k]! - 1) < 1e-12, 'pot');
      }
  });
  it('ramps to the target share and mobilises capital equal to the sleeve bought', () => {
    assert.ok(Math.abs(targetShare(base, 0) - 0.01) < 1e-15);
    assert.equal(targetShare(base, 4), 0.05);
    assert.equal(targetShare(base, 9), 0.05);
    const r = run(base, zeroVolatility(), 10);
    // with equal returns for both parts (none here: the productive asset earns 3 %), the first
    // year buys 1 % of the fund after flows
    const first = 50e9 + 6e9 * (1 - 0.018) - 0.03 * 50e9;
    assert.ok(Math.abs(r.at(3, 0)[0]! / (0.01 * first) - 1) < 1e-12);
    assert.ok(r.at(3, 2)[0]! > r.at(3, 1)[0]!);
    // the productive asset earns 3 % against the fund's 2.775 %: the reformed fund ends ahead
    assert.ok(Math.abs(medianGross(zeroVolatility(), FUND) - 1.02775) < 1e-12);
    assert.ok(r.at(2, 2)[0]! > 0);
    assert.ok(r.at(7, 2)[0]! > 0);
  });
});
