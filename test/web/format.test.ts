import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ranks } from '../../src/web/lib/atlas.ts';
import {
  decimalsOf,
  growth,
  interval,
  millions,
  ordinal,
  pct,
  period,
  withUnit,
} from '../../src/web/lib/format.ts';

describe('numbers on the page', () => {
  it('formats shares, growth, £ million and units', () => {
    assert.equal(pct(0.33278598680883587), '33.3%');
    assert.equal(pct(0.0005), '0.1%');
    assert.equal(growth(0.07433), '+7.4%');
    assert.equal(growth(-0.0164), '−1.6%');
    assert.equal(millions(1436.04), '£1,436.0m');
    assert.equal(withUnit(533.9, '£'), '£533.9');
    assert.equal(withUnit(67.9, '%'), '67.9%');
    assert.equal(withUnit(30.25, 'mins'), '30.25 mins');
    assert.equal(withUnit(null, '£'), '–');
    // limits to the precision of the published value they surround
    assert.equal(interval(459.602476, 608.197524, '£', 533.9), '95% CI £459.6 to £608.2');
    assert.equal(interval(63, 72.8, '%', 67.9), '95% CI 63.0% to 72.8%');
    assert.equal(interval(29.1, 31.333, '£', 30.22), '95% CI £29.10 to £31.33');
    assert.deepEqual([533, 67.9, 30.22, 1.23456, 1e21].map(decimalsOf), [0, 1, 2, 2, 0]);
    assert.equal(interval(null, 1, '£'), 'no interval published');
  });
  it('reads ONS periods', () => {
    assert.equal(period('2023-01-01/P1Y'), '2023');
    assert.equal(period('2025-04-30'), 'April 2025');
    assert.equal(period('2019-01-01/P3Y'), '2019–2021');
  });
  it('ranks highest first, ties sharing the better rank, gaps for missing values', () => {
    assert.deepEqual(ranks([5, null, 7, 5, 1]), [2, null, 1, 2, 4]);
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal), [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});
