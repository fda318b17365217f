import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareAt, compareLevels, meanComparator } from '../../../src/models/indicators/compare.ts';
import { wilson } from '../../../src/models/indicators/intervals.ts';

describe('compare by confidence intervals', () => {
  it('judges an area against a comparator value by whether its interval contains it', () => {
    assert.equal(compareAt({ lower: 0.52, upper: 0.6 }, 0.5, 'higher-is-better'), 'better');
    assert.equal(compareAt({ lower: 0.52, upper: 0.6 }, 0.5, 'lower-is-better'), 'worse');
    assert.equal(compareAt({ lower: 0.52, upper: 0.6 }, 0.5, 'none'), 'higher');
    assert.equal(compareAt({ lower: 0.4, upper: 0.48 }, 0.5, 'none'), 'lower');
    assert.equal(compareAt({ lower: 0.45, upper: 0.55 }, 0.5, 'higher-is-better'), 'similar');
  });
  it('judges two intervals by overlap', () => {
    const cmp = { lower: 0.3, upper: 0.4 };
    assert.equal(compareAt({ lower: 0.41, upper: 0.5 }, cmp, 'higher-is-better'), 'better');
    assert.equal(compareAt({ lower: 0.39, upper: 0.5 }, cmp, 'higher-is-better'), 'similar');
    assert.equal(compareAt({ lower: 0.2, upper: 0.29 }, cmp, 'lower-is-better'), 'better');
  });
  it('can differ between 95% and 99.8%: 560 of 1000 vs England 52%', () => {
    const area = { value: 0.56, ci95: wilson(560, 1000, 0.95), ci998: wilson(560, 1000, 0.998) };
    // 95%: 0.5290–0.5905 excludes 0.52; 99.8%: 0.5110–0.6070 contains it
    assert.deepEqual(compareLevels(area, { value: 0.52 }, 'higher-is-better'), {
      '95': 'better',
      '99.8': 'similar',
    });
  });
  it('does not compare without an interval', () => {
    assert.deepEqual(compareLevels({ value: 3 }, { value: 2 }, 'none'), {
      '95': 'not-compared',
      '99.8': 'not-compared',
    });
  });
  it('builds a comparator from the (weighted) mean of a set', () => {
    assert.equal(meanComparator([1, 2, 3]).value, 2);
    assert.equal(meanComparator([1, 3], [3, 1]).value, 1.5);
    assert.throws(() => meanComparator([1, NaN]), /comparator value 1 is missing/);
  });
});
