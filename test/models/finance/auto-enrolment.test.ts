// Reference check 2 (finance.md): the auto-enrolment worked examples, to the penny.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aeYear, contribution, qualifyingEarnings } from '../../../src/models/finance/auto-enrolment.ts';
import { aeRules } from './rules-fixture.ts';

describe('auto-enrolment', () => {
  const y = aeYear(aeRules(), '2025-26');
  it('£30,000 → £1,900.80 a year (8 % of £23,760)', () => {
    const c = contribution(30000, y);
    assert.equal(c.qualifying, 23760);
    assert.equal(c.total, 1900.8);
    assert.equal(c.employer, 712.8);
    assert.equal(c.employee, 1188);
    // relief at source: the worker pays 4 %, the scheme claims 1 % from HMRC
    assert.equal(c.employeeCost, 950.4);
    assert.equal(c.relief, 237.6);
  });
  it('£60,000 → £3,522.40 (8 % of £44,030, the band capped at £50,270)', () => {
    const c = contribution(60000, y);
    assert.equal(c.qualifying, 44030);
    assert.equal(c.total, 3522.4);
  });
  it('£9,999 → not enrolled; the trigger is "more than £10,000"', () => {
    assert.equal(contribution(9999, y).enrolled, false);
    assert.equal(contribution(9999, y).total, 0);
    assert.equal(contribution(10000, y).enrolled, false);
    assert.equal(contribution(10000.01, y).enrolled, true);
  });
  it('net pay gives relief at the marginal rate; none below the personal allowance', () => {
    const c = contribution(60000, y, { relief: 'net-pay', marginalRate: 0.4 });
    assert.equal(c.relief, 880.6); // 40 % of 5 % of £44,030
    assert.equal(contribution(11000, y, { relief: 'net-pay', marginalRate: 0 }).relief, 0);
  });
  it('older tax years use their own band; unknown years and rates below the minimum are refused', () => {
    assert.equal(qualifyingEarnings(30000, aeYear(aeRules(), '2019-20')), 23864);
    assert.throws(() => aeYear(aeRules(), '2031-32'), /unknown tax year: 2031-32/);
    assert.throws(
      () => contribution(30000, y, { rates: { total: 0.05, employer: 0.03 } }),
      /invalid contribution rates/,
    );
  });
});
