import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyTrend, type TrendRule } from '../../../src/models/indicators/trend.ts';

const series = (values: number[], from = 2018) => values.map((value, i) => ({ period: from + i, value }));

describe('trend rules', () => {
  const rule: TrendRule = { kind: 'vs-mean-of-previous', n: 3, tolerance: 0.02 };
  it('compares the latest value with the mean of the previous three', () => {
    // mean(100, 102, 98) = 100; 103 is +3% → beyond 2%
    const r = classifyTrend(series([90, 100, 102, 98, 103]), rule, 'higher-is-better');
    assert.equal(r.status, 'improving');
    assert.equal(r.reference, 100);
    assert.ok(Math.abs(r.change! - 0.03) < 1e-12);
    assert.equal(classifyTrend(series([100, 102, 98, 103]), rule, 'lower-is-better').status, 'worsening');
    assert.equal(
      classifyTrend(series([100, 102, 98, 101.5]), rule, 'higher-is-better').status,
      'maintaining',
    );
    assert.equal(classifyTrend(series([100, 102, 98, 95]), rule, 'none').status, 'decreasing');
  });
  it('needs n + 1 points', () => {
    assert.equal(classifyTrend(series([1, 2, 3]), rule, 'higher-is-better').status, 'insufficient-data');
  });
  it('places the latest value against a straight-line target trajectory', () => {
    const t: TrendRule = {
      kind: 'vs-target-trajectory',
      baseline: 60,
      baselineYear: 2020,
      target: 80,
      targetYear: 2030,
      tolerance: 0.01,
    };
    // expected in 2025: 70; 69.5 is within 1% of 70 → on track; 68 is off track
    const on = classifyTrend([{ period: 2025, value: 69.5 }], t, 'higher-is-better');
    assert.deepEqual([on.status, on.track, on.reference], ['improving', 'on', 70]);
    assert.equal(classifyTrend([{ period: 2025, value: 68 }], t, 'higher-is-better').track, 'off');
    const down = { ...t, baseline: 80, target: 60 };
    assert.equal(classifyTrend([{ period: 2025, value: 69 }], down, 'lower-is-better').track, 'on');
  });
  it('calls a change only when the latest and previous intervals do not overlap', () => {
    const pts = [
      { period: 2022, value: 50, lower: 48, upper: 52 },
      { period: 2023, value: 55, lower: 53, upper: 57 },
    ];
    assert.equal(classifyTrend(pts, { kind: 'ci-change' }, 'higher-is-better').status, 'improving');
    pts[1]!.lower = 51.5;
    assert.equal(classifyTrend(pts, { kind: 'ci-change' }, 'higher-is-better').status, 'maintaining');
  });
  it('rejects an unknown rule', () => {
    assert.throws(
      () => classifyTrend(series([1, 2]), { kind: 'vs-last-year' } as unknown as TrendRule, 'none'),
      /invalid trend rule: vs-last-year/,
    );
  });
});
