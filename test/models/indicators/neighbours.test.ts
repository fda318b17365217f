import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nearestNeighbours } from '../../../src/models/indicators/neighbours.ts';

// Two variables on very different scales: population (people) and a rate (%).
const profile = {
  areas: ['A', 'B', 'C', 'D'],
  variables: ['population', 'employment-rate'],
  values: Float64Array.from([100000, 70, 101000, 80, 130000, 70.5, 160000, 60]),
};

describe('nearest neighbours', () => {
  it('ranks by Euclidean distance on z-scored variables', () => {
    // sd(population) = 28,464.9; sd(rate) = 8.1688. A→B: √((1000/28464.9)² + (10/8.1688)²) = 1.22468
    const got = nearestNeighbours(profile, 'A', 3);
    assert.deepEqual(
      got.map((n) => n.area),
      ['C', 'B', 'D'],
    );
    assert.ok(Math.abs(got[1]!.distance - 1.22468) < 1e-5);
  });
  it('lets the largest unit dominate when not standardised', () => {
    assert.deepEqual(
      nearestNeighbours(profile, 'A', 2, false).map((n) => n.area),
      ['B', 'C'],
    );
  });
  it('refuses gaps, naming them', () => {
    const gappy = { ...profile, values: Float64Array.from([1, 2, NaN, 4, 5, 6, 7, 8]) };
    assert.throws(() => nearestNeighbours(gappy, 'A', 1), /missing: B population/);
  });
});
