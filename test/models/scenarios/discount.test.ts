import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  annuityFactor,
  checkSchedule,
  discountFactor,
  discountFactors,
  rateFor,
} from '../../../src/models/scenarios/discount.ts';
import { greenBook } from './fixtures.ts';

const schedule = greenBook().discount.schedule;
const close = (a: number, b: number, tol = 1e-15) =>
  assert.ok(Math.abs(a - b) <= tol * Math.abs(b), `${a} vs ${b}`);

describe('Green Book discounting', () => {
  it('year 30 is 1 / 1.035^30 (≈ 0.3563)', () => {
    close(discountFactor(schedule, 30), 1 / 1.035 ** 30, 1e-14);
    assert.equal(discountFactor(schedule, 30).toFixed(4), '0.3563');
  });
  it('year 31 compounds at 3.0% from year 30, not a restart at 3.0%', () => {
    close(discountFactor(schedule, 31), discountFactor(schedule, 30) / 1.03, 1e-15);
    assert.notEqual(discountFactor(schedule, 31).toFixed(6), (1 / 1.03 ** 31).toFixed(6));
  });
  it('each later step compounds from the last: 2.5% from 76, 2.0% from 126, 1.5% from 201, 1.0% from 301', () => {
    const df = discountFactors(schedule, 400);
    for (const [t, r] of [
      [76, 0.025],
      [126, 0.02],
      [201, 0.015],
      [301, 0.01],
    ] as const) {
      close(df[t]!, df[t - 1]! / (1 + r), 1e-14);
      assert.equal(rateFor(schedule, t), r);
      assert.equal(rateFor(schedule, t - 1), [0.03, 0.025, 0.02, 0.015][[76, 126, 201, 301].indexOf(t)]);
    }
    close(df[0]!, 1);
  });
  it('an annuity factor is the sum of its years', () => {
    const df = discountFactors(schedule, 40);
    close(
      annuityFactor(schedule, 2, 10),
      df.slice(2, 12).reduce((s, x) => s + x, 0),
      1e-14,
    );
    // £1 a year for 10 years from the base year at 3.5%: (1 − 1.035^−10) / (1 − 1/1.035)
    close(annuityFactor(schedule, 0, 10), (1 - 1.035 ** -10) / (1 - 1 / 1.035), 1e-13);
  });
  it('refuses a schedule that does not start at year 0, rates outside [0, 1) and steps out of order', () => {
    assert.throws(() => checkSchedule([{ from: 1, rate: 0.035 }]), /first step must start at year 0/);
    assert.throws(() => checkSchedule([{ from: 0, rate: 1.2 }]), /invalid discount rate: 1.2/);
    assert.throws(
      () =>
        checkSchedule([
          { from: 0, rate: 0.03 },
          { from: 0, rate: 0.02 },
        ]),
      /step 1 starts at 0/,
    );
    assert.throws(() => discountFactor(schedule, -1), /invalid year: -1/);
  });
});
