import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expTable, fastExp } from '../../../src/models/finance/fast-exp.ts';

describe('fast exp', () => {
  it('agrees with Math.exp to a few ulp on [−8, 8] and falls back outside', () => {
    const t = expTable();
    let worst = 0;
    for (let i = 0; i <= 400_000; i++) {
      const x = -8 + (16 * i) / 400_000 + 1e-7 * Math.sin(i);
      worst = Math.max(worst, Math.abs(fastExp(x, t) / Math.exp(x) - 1));
    }
    assert.ok(worst < 2e-15, `worst relative error ${worst}`);
    assert.equal(fastExp(0, t), 1);
    assert.equal(fastExp(9.5, t), Math.exp(9.5));
    assert.equal(fastExp(-30, t), Math.exp(-30));
    assert.ok(Number.isNaN(fastExp(NaN, t)));
  });
});
