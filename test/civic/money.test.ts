import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commonScale, fromUnits, toUnits } from '../../src/civic/money.ts';

describe('money', () => {
  it('turns decimal amounts into exact integer units at a common scale', () => {
    assert.equal(commonScale(['1019940.37', '400000.0', '5']), 2);
    assert.equal(toUnits('1019940.37', 2), 101994037);
    assert.equal(toUnits('400000.0', 2), 40000000);
    assert.equal(fromUnits(101994037, 2), '1019940.37');
    assert.equal(fromUnits(5, 2), '0.05');
    // 0.1 + 0.2 in units is exactly 0.3: the reason amounts are not doubles.
    assert.equal(toUnits('0.1', 1) + toUnits('0.2', 1), toUnits('0.3', 1));
  });
  it('rejects what is not a plain non-negative decimal', () => {
    for (const bad of ['-5', '1e6', '1,000', '', '.5'])
      assert.throws(() => toUnits(bad, 2), /invalid amount/);
    assert.throws(() => toUnits('1.234', 2), /more than 2 decimal places/);
  });
});
