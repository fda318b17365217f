// Reference check 4 (finance.md): collective DC conserves assets on every path, and with zero
// volatility and identical cohorts equals individual DC with an annuity.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BLOCK } from '../../../src/models/finance/market.ts';
import {
  annuityDue,
  cdcKernel,
  CDC_SERIES,
  type CdcAudit,
  type CdcPlan,
} from '../../../src/models/finance/cdc.ts';
import { medianGross } from '../../../src/models/finance/plan.ts';
import type { Calibration } from '../../../src/models/finance/calibration.ts';
import { illustrative, zeroVolatility } from './calibration-fixture.ts';
import { FUND, runKernel } from './kernel-fixture.ts';

const MATCH = { index_linked_gilts: 1 };

function plan(cal: Calibration, over: Partial<CdcPlan> = {}): CdcPlan {
  const r = medianGross(cal, FUND) * (1 - 0.003) - 1;
  return {
    fund: 0,
    dcGrowth: 0,
    dcMatch: 1,
    history: { dcGrowth: medianGross(cal, FUND), dcMatch: medianGross(cal, MATCH) },
    entryAge: 25,
    retirementAge: 67,
    deathAge: 87,
    contribution: 0.12,
    contributionCharge: 0,
    annualCharge: 0.003,
    accrual: 'priced',
    discountRate: r,
    smoothing: 1,
    deriskYears: 0,
    annuityRate: r,
    annuityMargin: 0,
    ...over,
  };
}

function run(cal: Calibration, p: CdcPlan, paths: number, audits?: CdcAudit[]) {
  return runKernel(
    cal,
    { paths, years: 50, report: [1, 10, 30, 50], portfolios: [FUND, MATCH], series: CDC_SERIES.length },
    (b, s) => {
      let audit: CdcAudit | undefined;
      if (audits) {
        const a = () => new Float64Array(b.n);
        audit = { start: a(), contributions: a(), benefits: a(), returns: a(), costs: a(), end: a() };
        audits.push(audit);
      }
      cdcKernel(p, b, s, audit);
    },
  );
}

describe('collective DC', () => {
  it('conserves assets on every path: start + contributions + returns − benefits − costs = end', () => {
    const cal = illustrative();
    const audits: CdcAudit[] = [];
    run(cal, plan(cal, { smoothing: 3, accrual: 1 / 80 }), 3 * BLOCK, audits);
    let paths = 0;
    for (const a of audits)
      for (let k = 0; k < a.end.length; k++, paths++) {
        const expected = a.start[k]! + a.contributions[k]! + a.returns[k]! - a.benefits[k]! - a.costs[k]!;
        assert.ok(
          Math.abs(a.end[k]! - expected) <= 1e-9 * Math.abs(a.start[k]!),
          `path ${paths}: ${a.end[k]} vs ${expected}`,
        );
      }
    assert.equal(paths, 3 * BLOCK);
  });

  it('σ = 0, identical cohorts: equals individual DC plus an annuity, and stays in balance', () => {
    const cal = zeroVolatility();
    const p = plan(cal);
    const r = run(cal, p, 10);
    for (let rep = 0; rep < 4; rep++)
      for (let k = 0; k < 10; k++) {
        assert.ok(Math.abs(r.at(1, rep)[k]! / r.at(0, rep)[k]! - 1) < 1e-12, 'CDC income = DC income');
        assert.ok(Math.abs(r.at(4, rep)[k]! - 1) < 1e-12, 'funding ratio 1');
      }
    // and both equal the closed form: Σ c(1+r)^(R−x) / ä
    let pot = 0;
    for (let x = 25; x < 67; x++) pot += 0.12 * Math.pow(1 + p.discountRate, 67 - x);
    assert.ok(Math.abs(r.at(0, 3)[0]! / (pot / annuityDue(p.discountRate, 20)) - 1) < 1e-12);
  });

  it('with a full adjustment each year, the retiring member gets exactly the DC annuity on every path', () => {
    const cal = illustrative();
    const r = run(cal, plan(cal), 2000);
    for (let rep = 0; rep < 4; rep++)
      for (let k = 0; k < 2000; k++) assert.ok(Math.abs(r.at(1, rep)[k]! / r.at(0, rep)[k]! - 1) < 1e-10);
  });

  it('smoothing steadies pensions in payment by carrying gains and losses between generations', () => {
    const cal = illustrative();
    const sd = (v: Float64Array) => {
      const m = v.reduce((s, x) => s + x, 0) / v.length;
      return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / v.length);
    };
    const full = run(cal, plan(cal), 4000);
    const smooth = run(cal, plan(cal, { smoothing: 5 }), 4000);
    assert.ok(sd(smooth.at(5, 1)) < 0.8 * sd(full.at(5, 1)), 'pensions in payment vary less after 10 years');
    assert.ok(sd(full.at(4, 1)) < 1e-12, 'no funding gap carried with a full adjustment');
    assert.ok(sd(smooth.at(4, 1)) > 0.01, 'the funding ratio shows what is carried forward');
  });
});
