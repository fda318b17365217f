import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classify, classOf, jenksBreaks, LQ_BREAKS, quantileBreaks } from '../../src/web/lib/classes.ts';

describe('legend classes', () => {
  it('quantile breaks split 1..10 into fifths', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.deepEqual(quantileBreaks(v, 5), [2.8, 4.6, 6.4, 8.2]);
    assert.deepEqual(classify(v, 'quantile').counts, [2, 2, 2, 2, 2]);
  });
  it('natural breaks find three clusters exactly', () => {
    assert.deepEqual(jenksBreaks([1, 2, 3, 10, 11, 12, 20, 21, 22], 3), [6.5, 16]);
    // a long tail gets its own class rather than sharing one with the bulk
    const skewed = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 9, 30];
    const c = classify(skewed, 'jenks', 3);
    assert.deepEqual(c.counts, [8, 1, 1]);
    assert.deepEqual(c.ranges, [
      [1, 1.7],
      [9, 9],
      [30, 30],
    ]);
  });
  it('location quotients use fixed breaks symmetric on a ratio scale around 1', () => {
    assert.equal(LQ_BREAKS[0]! * 1.5, 1);
    assert.equal(LQ_BREAKS[3]!, 1.5);
    assert.equal(classOf(LQ_BREAKS, 1), 2);
    assert.equal(classOf(LQ_BREAKS, 0.5), 0);
    assert.equal(classOf(LQ_BREAKS, 3), 4);
  });
  it('every value lands in a class, and classes cover what they claim', () => {
    const v = Array.from({ length: 361 }, (_, i) => Math.exp(i / 60));
    for (const m of ['quantile', 'jenks'] as const) {
      const c = classify(v, m);
      assert.equal(
        c.counts.reduce((a, b) => a + b, 0),
        361,
      );
      c.ranges.forEach(([lo, hi], k) => {
        assert.ok(lo <= hi);
        if (k > 0) assert.ok(lo > c.breaks[k - 1]!);
      });
    }
  });
  it('rejects an unknown method by name', () => {
    assert.throws(() => classify([1], 'equal' as never), /invalid class method: equal/);
  });
});
