import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PERCENTILES, quantiles, summarise, wilson90 } from '../../../src/models/finance/quantiles.ts';
import { createRandom, normal } from '../../../src/models/random.ts';

// The reference: sort and interpolate (numpy.percentile's default, "linear").
function sorted(values: Float64Array, q: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
}

describe('quantiles', () => {
  it('selection gives the same percentiles as sorting, with ties and odd sizes', () => {
    const rng = createRandom(5);
    for (const n of [1, 2, 7, 601, 10_000, 100_003]) {
      const v = Float64Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 1 : normal(rng)));
      const s = summarise(v, new Float64Array(n), 0);
      PERCENTILES.forEach((q, i) => assert.equal(s.p[i], sorted(v, q), `n ${n} q ${q}`));
      assert.equal(s.below, [...v].filter((x) => x < 0).length);
      assert.ok(Math.abs(s.mean - v.reduce((a, b) => a + b, 0) / n) < 1e-12);
    }
  });
  it('numpy.percentile worked example', () => {
    // numpy.percentile([10, 7, 4, 3, 2, 1], [5, 50, 95]) → [1.25, 3.5, 9.25]
    assert.deepEqual(quantiles(Float64Array.from([10, 7, 4, 3, 2, 1]), [0.05, 0.5, 0.95]), [1.25, 3.5, 9.25]);
  });
  it('Wilson interval', () => {
    // 10 successes in 100: centre (p + z²/2n)/(1 + z²/n), half-width z√(p(1−p)/n + z²/4n²)/(1 + z²/n)
    // with z = 1.6449 gives [0.06072, 0.16036] (with z = 1.96 it is the textbook [0.0552, 0.1744])
    const [lo, hi] = wilson90(10, 100);
    assert.ok(Math.abs(lo - 0.06072) < 1e-5 && Math.abs(hi - 0.16036) < 1e-5, `${lo} ${hi}`);
  });
});
