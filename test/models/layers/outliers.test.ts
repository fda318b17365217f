import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fences } from '../../../src/models/layers/outliers.ts';

describe("Tukey's fences", () => {
  it('gives the quartiles by linear interpolation (R type 7) and the fences k IQR beyond', () => {
    // R: quantile(1:9, c(.25, .75)) = 3, 7
    assert.deepEqual(fences([9, 1, 8, 2, 7, 3, 6, 4, 5], { k: 1.5 }), { q1: 3, q3: 7, low: -3, high: 13 });
    // R: quantile(c(1, 2, 4, 10), c(.25, .75)) = 1.75, 5.5
    const f = fences([1, 2, 4, 10, NaN], { k: 3 });
    assert.equal(f.q1, 1.75);
    assert.equal(f.q3, 5.5);
    assert.equal(f.high, 5.5 + 3 * 3.75);
  });
  it('refuses fewer than four values', () => {
    assert.throws(() => fences([1, 2, 3], { k: 3 }), /at least 4 values, got 3/);
  });
});
