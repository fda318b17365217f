import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageRanks, normalise, positive } from '../../../src/models/composite/normalise.ts';

const close = (actual: Float64Array, expected: number[], tol = 1e-4) =>
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i]! - e) <= tol, `[${i}] ${actual[i]} ≠ ${e}`));
const x = Float64Array.from([2, 4, 10]);

describe('normalisation (hand-computed)', () => {
  it('min–max to [0, 100], turned round for lower-is-better', () => {
    close(normalise(x, 1, 'minmax'), [0, 25, 100]);
    close(normalise(x, -1, 'minmax'), [100, 75, 0]);
  });
  it('goalposts: fixed bounds, clipped', () => {
    close(normalise(x, 1, 'goalposts', { lower: 0, upper: 8 }), [25, 50, 100]);
    close(normalise(x, -1, 'goalposts', { lower: 0, upper: 8 }), [75, 50, 0]);
  });
  it('z-score with the sample standard deviation', () => {
    // mean 5, sd √((9 + 1 + 16)/2) = √13 = 3.60555
    close(normalise(Float64Array.from([2, 4, 9]), 1, 'zscore'), [-0.83205, -0.27735, 1.1094]);
    close(normalise(Float64Array.from([2, 4, 9]), -1, 'zscore'), [0.83205, 0.27735, -1.1094]);
  });
  it('rank, ties averaged, higher is better', () => {
    close(averageRanks([3, 1, 3, 2]), [3.5, 1, 3.5, 2]);
    close(normalise(Float64Array.from([3, 1, 3, 2]), -1, 'rank'), [1.5, 4, 1.5, 3]);
  });
  it('rescales to [1, 100] for the geometric mean', () => {
    close(positive(Float64Array.from([0, 50, 100]), 'minmax'), [1, 50.5, 100]);
    close(positive(Float64Array.from([-1, 0, 2]), 'zscore'), [1, 34, 100]);
  });
  it('refuses a constant indicator and an unknown method', () => {
    assert.throws(
      () => normalise(Float64Array.from([1, 1]), 1, 'minmax', undefined, 'gva'),
      /constant indicator: gva/,
    );
    assert.throws(() => normalise(x, 1, 'softmax' as never), /invalid normalisation: softmax/);
  });
});
