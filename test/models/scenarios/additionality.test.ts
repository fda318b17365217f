import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  additionalityFactor,
  checkAdditionality,
  netEffect,
  noAdditionality,
} from '../../../src/models/scenarios/additionality.ts';
import { fixed } from '../../../src/models/scenarios/parameter.ts';

describe('additionality (HCA Additionality Guide, 4th ed.)', () => {
  it('hand-worked: 100 gross jobs, leakage 10%, displacement 25%, substitution 10%, multiplier 1.5, deadweight 20%', () => {
    const v = {
      leakage: 0.1,
      displacement: 0.25,
      substitution: 0.1,
      multiplier: 1.5,
      deadweight: 0.2,
      reference: { leakage: 0.1, displacement: 0.25, substitution: 0.1, multiplier: 1.5 },
    };
    // intervention: 100 × 0.9 × 0.75 × 0.9 × 1.5 = 91.125; reference: 20 × the same = 18.225; net 72.9
    assert.ok(Math.abs(netEffect(100, v) - 72.9) < 1e-12);
    assert.ok(Math.abs(additionalityFactor(v) - 0.729) < 1e-15);
  });
  it('a reference case with its own rates', () => {
    const v = {
      leakage: 0.5,
      displacement: 0,
      substitution: 0,
      multiplier: 1,
      deadweight: 0.5,
      reference: { leakage: 0, displacement: 0, substitution: 0, multiplier: 1 },
    };
    // 10 × 0.5 − 5 × 1 = 0: what the intervention adds is what would have happened anyway
    assert.equal(netEffect(10, v), 0);
  });
  it('none: gross is net, and checks pass', () => {
    const p = noAdditionality();
    const v = {
      leakage: 0,
      displacement: 0,
      substitution: 0,
      multiplier: 1,
      deadweight: 0,
      reference: { leakage: 0, displacement: 0, substitution: 0, multiplier: 1 },
    };
    assert.equal(netEffect(123.4, v), 123.4);
    checkAdditionality(p, 'additionality');
  });
  it('names a rate outside [0, 1] and a multiplier below 1', () => {
    assert.throws(
      () => checkAdditionality({ ...noAdditionality(), leakage: fixed(1.2, 's') }, 'x'),
      /x\.leakage: a share in \[0, 1\], got 1\.2/,
    );
    assert.throws(
      () => checkAdditionality({ ...noAdditionality(), multiplier: fixed(0.8, 's') }, 'x'),
      /x\.multiplier: at least 1, got 0\.8/,
    );
  });
});
