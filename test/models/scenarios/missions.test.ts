import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indicatorStatus } from '../../../src/models/missions/status.ts';
import { MISSION_LINKS, onTrack, trackAfter } from '../../../src/models/scenarios/missions.ts';

// Emissions per person: 10 t in 2005, a straight line to 0 by 2050; 5.9 t in 2023 against an
// expected 6.0 (on track), with no slack.
const ind = {
  id: 'greenhouse-gas-emissions',
  rule: 'trajectory' as const,
  tolerance: 0,
  baseline: { year: 2005 },
  target: { year: 2050, value: 0 },
};
const status = indicatorStatus(
  [
    { year: 2005, value: 10 },
    { year: 2023, value: 5.9 },
  ],
  ind,
  'lower-is-better',
);
const rule = { rule: 'trajectory' as const, tolerance: 0, polarity: 'lower-is-better' as const };

describe('mission status after a scenario', () => {
  it('judges the shifted latest value by the mission’s own rule', () => {
    assert.equal(status.track, 'on');
    assert.ok(Math.abs(status.expected! - 6) < 1e-12);
    assert.equal(trackAfter(status, rule, 0.05), 'on');
    assert.equal(trackAfter(status, rule, 0.2), 'off');
    assert.equal(trackAfter(status, rule, -3), 'on');
  });
  it('counts indicators on track; an unlinked indicator does not move', () => {
    assert.equal(onTrack([status, status], [rule, rule], [0.2, 0]), 1);
    assert.equal(onTrack([status], [rule], []), 1);
  });
  it('leaves an indicator without a verdict as it is', () => {
    const unmeasured = indicatorStatus([{ year: 2005, value: 10 }], ind, 'lower-is-better');
    assert.equal(unmeasured.track, 'not-yet-measurable');
    assert.equal(trackAfter(unmeasured, rule, 100), 'not-yet-measurable');
  });
  it('converts goals to the indicators’ units', () => {
    const ghg = MISSION_LINKS.find((l) => l.indicator === 'greenhouse-gas-emissions')!;
    assert.equal(ghg.convert(2, { population: 100000, workingAge: null }), 0.02);
    const jobs = MISSION_LINKS.find((l) => l.goal === 'jobs')!;
    assert.equal(jobs.convert(500, { population: null, workingAge: 50000 }), 1);
    assert.equal(jobs.convert(500, { population: null, workingAge: null }), null);
  });
});
