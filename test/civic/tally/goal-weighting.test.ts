import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aggregator, goalPoints, goalWeighting } from '../../../src/civic/tally/goal-weighting.ts';

const goals = ['g1', 'g2', 'g3'];
// g1: 50 100 0 20 0 → sorted 0 0 20 50 100; g2: 50 0 30 20 0 → 0 0 20 30 50; g3: 0 0 70 60 100 → 0 0 60 70 100.
const ballots: Record<string, number>[] = [
  { g1: 50, g2: 50 },
  { g1: 100 },
  { g2: 30, g3: 70 },
  { g1: 20, g2: 20, g3: 60 },
  { g3: 100 },
];
const view = (rule: string, trim = 0) =>
  goalWeighting(rule, goals, ballots, trim).weights.map((w) => [
    w.id,
    w.fraction,
    Math.round(w.share * 1e6) / 1e6,
  ]);

describe('goal weighting', () => {
  it('mean: 170/5, 100/5, 230/5 = 34, 20, 46', () => {
    assert.deepEqual(view('mean'), [
      ['g1', '34', 34],
      ['g2', '20', 20],
      ['g3', '46', 46],
    ]);
  });
  it('median: 20, 20, 60 (shares rescaled to 100)', () => {
    assert.deepEqual(view('median'), [
      ['g1', '20', 20],
      ['g2', '20', 20],
      ['g3', '60', 60],
    ]);
  });
  it('trimmed mean, trim 0.2: drop 1 lowest and 1 highest of 5 → 70/3, 50/3, 130/3', () => {
    assert.deepEqual(view('trimmed-mean', 0.2), [
      ['g1', '70/3', 28],
      ['g2', '50/3', 20],
      ['g3', '130/3', 52],
    ]);
    assert.equal(goalWeighting('trimmed-mean', goals, ballots, 0.2).rule, 'trimmed-mean (trim 0.2)');
  });
  it('median of an even count is the mean of the two middle values', () => {
    assert.deepEqual(aggregator('median')([10, 30]), [40, 2]);
    const w = goalWeighting(
      'median',
      ['a', 'b'],
      [
        { a: 10, b: 90 },
        { a: 35, b: 65 },
      ],
    ).weights;
    assert.deepEqual(
      w.map((x) => x.fraction),
      ['45/2', '155/2'],
    );
  });
  it('trim 0 is the mean; trim must be in [0, 0.5)', () => {
    assert.deepEqual(
      view('trimmed-mean', 0).map((r) => r[1]),
      ['34', '20', '46'],
    );
    assert.throws(() => aggregator('trimmed-mean', 0.5), /invalid trim fraction: 0.5/);
    assert.throws(() => aggregator('mode'), /invalid goal aggregation: mode/);
  });
  it('checks ballots: whole numbers ≥ 0 over known goals summing to 100', () => {
    assert.deepEqual(goalPoints(goals, { g2: 100 }), [0, 100, 0]);
    assert.throws(() => goalPoints(goals, { g1: 99 }), /must sum to 100: 99/);
    assert.throws(() => goalPoints(goals, { g1: 110, g2: -10 }), /whole numbers ≥ 0: -10/);
    assert.throws(() => goalPoints(goals, { g1: 33.5, g2: 66.5 }), /whole numbers ≥ 0: 33.5/);
    assert.throws(() => goalPoints(goals, { g9: 100 }), /unknown goal: g9/);
  });
});
