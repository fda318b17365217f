import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { percentileSorted, tailHeaps, tails } from '../../../src/models/scenarios/quantiles.ts';

describe('5–95% points', () => {
  it("match numpy's default (type 7): percentile(1…10, 5) = 1.45, percentile(1…10, 95) = 9.55", () => {
    const v = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
    const out = tails(v, 0.05, tailHeaps(10, 0.05), new Float64Array(2));
    assert.ok(Math.abs(out[0]! - 1.45) < 1e-12 && Math.abs(out[1]! - 9.55) < 1e-12, String(out));
    assert.equal(percentileSorted(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.05), 1.45);
  });
  it('the heap selection agrees with sorting, for any draws (ties, few or many)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 1200 }), (xs) => {
        const v = Float64Array.from(xs, (x) => x / 7);
        const sorted = Float64Array.from(v).sort();
        const out = tails(v, 0.05, tailHeaps(v.length, 0.05), new Float64Array(2));
        assert.equal(out[0], percentileSorted(sorted, 0.05));
        assert.equal(out[1], percentileSorted(sorted, 0.95));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
  it('leaves the draws as they were', () => {
    const v = Float64Array.from({ length: 200 }, (_, i) => (i * 37) % 101);
    const copy = Float64Array.from(v);
    tails(v, 0.05, tailHeaps(200, 0.05), new Float64Array(2));
    assert.deepEqual(v, copy);
  });
});
