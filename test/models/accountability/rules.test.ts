import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyRule, moved, type Measure, type RuleSpec } from '../../../src/models/accountability/rules.ts';

const rel = (amount: number) => ({ amount, kind: 'relative' as const });
const abs = (amount: number) => ({ amount, kind: 'absolute' as const });
const trajectory: RuleSpec = {
  id: 'trajectory',
  version: 1,
  tolerance: rel(0.02),
  previous: 3,
  change: abs(0),
};
const targetMet: RuleSpec = { id: 'target-met', version: 1, previous: 3, change: abs(0.1) };
const cfc: RuleSpec = { id: 'criteria-for-change', version: 1, previous: 3, change: abs(0.1) };
const series = (pairs: [number, number][]) => pairs.map(([period, value]) => ({ period, value }));

// Pay from 500 (2020) to 600 by 2030: the line is at 520 in 2022 and 540 in 2024.
const pay: Measure = {
  direction: 'increase',
  baseline: { period: 2020, value: 500 },
  target: { period: 2030, value: 600 },
  deadline: 2030,
};

describe('trajectory@1', () => {
  it('on the line within 2% of the expected value is on track', () => {
    // 2024: expected 540, slack 10.8 → 530 is 10 below: on track
    const v = applyRule(
      trajectory,
      pay,
      series([
        [2020, 500],
        [2024, 530],
      ]),
      2025,
    );
    assert.equal(v.status, 'on-track');
    assert.equal(v.expected, 540);
    assert.equal(v.rule, 'trajectory@1');
  });
  it('behind the line but better than the mean of the previous three years is signs of progress', () => {
    // 2024: 525 < 540 − 10.8; previous three 505, 510, 515 → mean 510; 525 − 510 = 15 > 0
    const v = applyRule(
      trajectory,
      pay,
      series([
        [2020, 500],
        [2021, 505],
        [2022, 510],
        [2023, 515],
        [2024, 525],
      ]),
      2025,
    );
    assert.equal(v.status, 'signs-of-progress');
  });
  it('behind the line and no better than before is off track', () => {
    const v = applyRule(
      trajectory,
      pay,
      series([
        [2020, 500],
        [2021, 520],
        [2022, 520],
        [2023, 520],
        [2024, 515],
      ]),
      2025,
    );
    assert.equal(v.status, 'off-track');
  });
  it('settles on the deadline year: met → achieved, missed → not kept', () => {
    assert.equal(
      applyRule(
        trajectory,
        pay,
        series([
          [2020, 500],
          [2030, 600],
        ]),
        2031,
      ).status,
      'achieved',
    );
    assert.equal(
      applyRule(
        trajectory,
        pay,
        series([
          [2020, 500],
          [2030, 599.99],
        ]),
        2031,
      ).status,
      'not-kept',
    );
  });
  it('ignores values published after the as-of date', () => {
    const s = series([
      [2020, 500],
      [2024, 530],
      [2030, 700],
    ]);
    assert.equal(applyRule(trajectory, pay, s, 2025).status, 'on-track');
    assert.equal(applyRule(trajectory, pay, s, 2030).status, 'achieved');
  });
  it('no value after the baseline, or no target, is unclear', () => {
    assert.equal(applyRule(trajectory, pay, series([[2020, 500]]), 2025).status, 'unclear');
    assert.equal(
      applyRule(
        trajectory,
        { ...pay, target: null },
        series([
          [2020, 500],
          [2022, 600],
        ]),
        2025,
      ).status,
      'unclear',
    );
  });
  it('reads a falling target the other way round', () => {
    // emissions 10 → 5 by 2030: 2025 expected 7.5, slack 0.15 → 7.6 on track, 7.7 off
    const down: Measure = {
      direction: 'decrease',
      baseline: { period: 2020, value: 10 },
      target: { period: 2030, value: 5 },
      deadline: 2030,
    };
    assert.equal(
      applyRule(
        trajectory,
        down,
        series([
          [2020, 10],
          [2025, 7.6],
        ]),
        2026,
      ).status,
      'on-track',
    );
    assert.equal(
      applyRule(
        trajectory,
        down,
        series([
          [2020, 10],
          [2025, 7.7],
        ]),
        2026,
      ).status,
      'off-track',
    );
  });
});

describe('target-met@1', () => {
  const m: Measure = {
    direction: 'increase',
    baseline: null,
    target: { period: 2028, value: 80 },
    deadline: 2028,
  };
  it('achieved as soon as the target is met, even before the deadline', () => {
    assert.equal(applyRule(targetMet, m, series([[2024, 80]]), 2025).status, 'achieved');
  });
  it('not met before the deadline: signs of progress when 0.1 or more above the mean of the previous three', () => {
    // mean(70, 71, 72) = 71; 71.1 − 71 = 0.1 ≥ 0.1
    assert.equal(
      applyRule(
        targetMet,
        m,
        series([
          [2021, 70],
          [2022, 71],
          [2023, 72],
          [2024, 71.1],
        ]),
        2025,
      ).status,
      'signs-of-progress',
    );
    // 71.09 − 71 = 0.09 < 0.1: maintaining → off track
    assert.equal(
      applyRule(
        targetMet,
        m,
        series([
          [2021, 70],
          [2022, 71],
          [2023, 72],
          [2024, 71.09],
        ]),
        2025,
      ).status,
      'off-track',
    );
  });
  it('past the deadline and not met is not kept; too short a series is unclear', () => {
    assert.equal(applyRule(targetMet, m, series([[2028, 79]]), 2029).status, 'not-kept');
    assert.equal(applyRule(targetMet, m, series([[2024, 79]]), 2025).status, 'unclear');
  });
});

describe('criteria-for-change@1 (Scotland NPF: latest vs the mean of the three before, 0.1 pp)', () => {
  const m: Measure = { direction: 'increase', baseline: null, target: null, deadline: 2027 };
  it('improving → on track, maintaining or worsening → off track', () => {
    const base: [number, number][] = [
      [2020, 1.0],
      [2021, 1.2],
      [2022, 1.4],
    ]; // mean 1.2
    assert.equal(applyRule(cfc, m, series([...base, [2023, 1.3]]), 2024).status, 'on-track');
    assert.equal(applyRule(cfc, m, series([...base, [2023, 1.29]]), 2024).status, 'off-track');
    assert.equal(applyRule(cfc, m, series([...base, [2023, 1.0]]), 2024).status, 'off-track');
  });
  it('settles at the deadline: improving → achieved, else not kept', () => {
    const s = series([
      [2024, 1.0],
      [2025, 1.2],
      [2026, 1.4],
      [2027, 1.5],
    ]);
    assert.equal(applyRule(cfc, m, s, 2028).status, 'achieved');
    assert.equal(
      applyRule(
        cfc,
        m,
        series([
          [2024, 1.0],
          [2025, 1.2],
          [2026, 1.4],
          [2027, 1.2],
        ]),
        2028,
      ).status,
      'not-kept',
    );
  });
  it('a relative threshold is a share of the reference', () => {
    assert.equal(moved(102, 100, rel(0.02), 'increase'), 1);
    assert.equal(moved(101.9, 100, rel(0.02), 'increase'), 0);
    assert.equal(moved(100, 100, abs(0), 'increase'), 0);
    assert.equal(moved(97.9, 100, rel(0.02), 'increase'), -1);
    assert.equal(moved(97.9, 100, rel(0.02), 'decrease'), 1);
  });
});

describe('rule names', () => {
  it('refuses an unknown rule by name', () => {
    assert.throws(
      () => applyRule({ id: 'vibes', version: 1 } as never, pay, [], 2025),
      /invalid status rule: vibes/,
    );
  });
});
