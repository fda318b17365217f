import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { concentration } from '../../../src/models/franchise/concentration.ts';

describe('concentration', () => {
  it('Herfindahl is 1/n for n equal suppliers and 1 for one', () => {
    assert.equal(concentration([5, 5, 5, 5]).herfindahl, 0.25);
    assert.equal(concentration([7]).herfindahl, 1);
  });
  it('top-10 share and Herfindahl of unequal spend; credits-only suppliers have no share', () => {
    const c = concentration([60, 30, 10, -5, 0]);
    assert.ok(Math.abs(c.herfindahl! - (0.36 + 0.09 + 0.01)) < 1e-12);
    assert.equal(c.top10Share, 1);
    assert.equal(c.nonPositive, 2);
    const many = concentration(Array.from({ length: 20 }, (_, i) => i + 1));
    assert.equal(many.top10Share, (11 + 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20) / 210);
  });
});
