import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollUp } from '../../../src/models/missions/rollup.ts';
import { normalCdf } from '../../../src/models/indicators/distributions.ts';
import {
  indicatorStatus,
  missionTrack,
  targetValue,
  type IndicatorStatus,
} from '../../../src/models/missions/status.ts';

const near = (a: number | null, b: number, tol = 1e-9) =>
  assert.ok(a !== null && Math.abs(a - b) <= tol, `${a} is not within ${tol} of ${b}`);

const spec = {
  id: 'employment-rate:employment-rate',
  rule: 'trajectory' as const,
  tolerance: 0.02,
  baseline: { year: 2019 },
  target: { year: 2030, value: 71 },
};

describe('mission status of one indicator', () => {
  it('puts the latest value against the straight line from baseline to target, with P(on track) from its interval', () => {
    // line from 60 (2019) to 71 (2030): 64 in 2023; slack 2% of 64 = 1.28; margin 63 − 64 + 1.28 = 0.28
    const s = indicatorStatus(
      [
        { year: 2019, value: 60 },
        { year: 2023, value: 63, lower: 61, upper: 65 },
      ],
      spec,
      'higher-is-better',
    );
    near(s.expected, 64);
    assert.equal(s.track, 'on');
    assert.equal(s.confidence, 'uncertain');
    near(s.pOnTrack, normalCdf(0.28 / (4 / (2 * 1.959963984540054))), 1e-12);
    near(s.pOnTrack, 0.6081, 1e-4);
    assert.equal(s.status, 'improving');
  });

  it('is off track below the line, clearly so when the whole interval is below it', () => {
    const s = indicatorStatus(
      [
        { year: 2019, value: 60 },
        { year: 2023, value: 61, lower: 60.5, upper: 61.5 },
      ],
      spec,
      'higher-is-better',
    );
    assert.equal(s.track, 'off');
    assert.equal(s.confidence, 'clear');
    assert.ok(s.pOnTrack! < 0.01);
  });

  it('reads lower-is-better targets the other way and stops the line at the target year', () => {
    const s = indicatorStatus(
      [
        { year: 2005, value: 10 },
        { year: 2060, value: 0.1 },
      ],
      { ...spec, baseline: { year: 2005 }, target: { year: 2050, value: 0 } },
      'lower-is-better',
    );
    near(s.expected, 0);
    assert.equal(s.track, 'off'); // 0.1 above a target of 0 with no slack
  });

  it('says not-yet-measurable at the baseline year and no-data without a baseline', () => {
    assert.equal(
      indicatorStatus([{ year: 2019, value: 60 }], spec, 'higher-is-better').track,
      'not-yet-measurable',
    );
    assert.equal(indicatorStatus([{ year: 2023, value: 60 }], spec, 'higher-is-better').track, 'no-data');
  });

  it('judges target-met against the target itself, at once', () => {
    const s = indicatorStatus(
      [{ year: 2025, value: 6.9 }],
      {
        ...spec,
        rule: 'target-met',
        tolerance: 0,
        baseline: { year: 2025 },
        target: { year: 2030, value: 5 },
      },
      'lower-is-better',
    );
    assert.equal(s.track, 'off');
    near(s.expected, 5);
  });

  it('derives targets from a relative or absolute change', () => {
    near(targetValue({ year: 2030, change: 0.45 }, 400), 580);
    near(targetValue({ year: 2030, by: -2 }, 14), 12);
  });
});

describe('mission status of an area and its roll-up', () => {
  const st = (track: IndicatorStatus['track'], latest = 1, expected = 1): IndicatorStatus => ({
    indicator: 'x',
    baselineYear: 2019,
    baseline: 1,
    targetYear: 2030,
    target: 1,
    latestYear: 2023,
    latest,
    lower: null,
    upper: null,
    expected,
    track,
    confidence: null,
    pOnTrack: null,
    status: null,
  });

  it('combines indicators by the declared rule', () => {
    const three = [st('on'), st('off'), st('on'), st('no-data')];
    assert.equal(missionTrack(three, { rule: 'all', share: 0.5 }), 'off');
    assert.equal(missionTrack(three, { rule: 'majority', share: 0.5 }), 'on');
    assert.equal(missionTrack(three, { rule: 'share', share: 0.7 }), 'off');
    assert.equal(
      missionTrack([st('not-yet-measurable'), st('no-data')], { rule: 'all', share: 0.5 }),
      'not-yet-measurable',
    );
  });

  it('rolls local status up by population and weights local values', () => {
    const r = rollUp(
      [
        { areacd: 'A', weight: 100, track: 'on', indicators: [st('on', 10, 8)] },
        { areacd: 'B', weight: 300, track: 'off', indicators: [st('off', 6, 8)] },
        { areacd: 'C', weight: 50, track: 'no-data', indicators: [st('no-data', 1, 1)] },
      ],
      ['x'],
    );
    assert.deepEqual(r.tally.on, { areas: 1, weight: 100 });
    near(r.onTrackShare, 0.25);
    near(r.indicators[0]!.weightedLatest, (100 * 10 + 300 * 6) / 400);
    near(r.indicators[0]!.weightedExpected, 8);
  });
});
