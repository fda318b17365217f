import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompositeData } from '../../../src/models/composite/data.ts';
import { impute } from '../../../src/models/composite/impute.ts';

// Five areas, two indicators; gaps at E06000001 pay and E08000003 gva.
const data: CompositeData = {
  areas: ['E06000001', 'E06000002', 'E08000001', 'E08000002', 'E08000003'],
  indicators: ['gross-median-weekly-pay', 'gva-per-hour'],
  values: Float64Array.from([NaN, 30, 600, 32, 640, 40, 700, 42, 660, NaN]),
  groups: ['North East', 'North East', 'North West', 'North West', 'North West'],
};

describe('imputation', () => {
  it('refuses with the list of gaps when the method is none', () => {
    assert.throws(
      () => impute(data, 'none'),
      (e: Error) => e.message === 'missing: E06000001 gross-median-weekly-pay, E08000003 gva-per-hour',
    );
  });
  it('fills with the indicator mean or median', () => {
    const m = impute(data, 'mean');
    assert.equal(m.values[0], (600 + 640 + 700 + 660) / 4);
    assert.equal(m.values[9], (30 + 32 + 40 + 42) / 4);
    assert.deepEqual(
      m.imputed.map((c) => `${c.area} ${c.indicator}`),
      ['E06000001 gross-median-weekly-pay', 'E08000003 gva-per-hour'],
    );
    assert.equal(impute(data, 'median').values[0], 650);
  });
  it('fills with the mean of the area’s group', () => {
    const g = impute(data, 'group-mean');
    assert.equal(g.values[0], 600); // North East: only E06000002
    assert.equal(g.values[9], 41); // North West: 40, 42
  });
  it('fills from the nearest areas on the indicators both have', () => {
    // E06000001 has only gva 30: nearest by gva are E06000002 (32, pay 600), then E08000001 (40, pay 640)
    assert.equal(impute(data, 'knn', 1).values[0], 600);
    assert.equal(impute(data, 'knn', 2).values[0], (600 + 640) / 2);
  });
  it('refuses group-mean without groups, and an indicator with no values at all', () => {
    assert.throws(() => impute({ ...data, groups: undefined }, 'group-mean'), /needs a group/);
    const empty = { ...data, values: Float64Array.from([NaN, 1, NaN, 2, NaN, 3, NaN, 4, NaN, 5]) };
    assert.throws(() => impute(empty, 'mean'), /no values for indicator: gross-median-weekly-pay/);
  });
});
