import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lm3 } from '../../../src/models/franchise/lm3.ts';

describe('lm3', () => {
  it('reproduces NEF’s worked example: R1 = 1, R2 = 0.76, R3 = 0 → 1.76', () => {
    const r = lm3([{ type: 'local', pence: 100 }], { local: { r2: 0.76, r3: 0 } });
    assert.deepEqual([r.r1, r.r2, r.r3], [100, 76, 0]);
    assert.equal(r.lm3, 1.76);
  });
  it('sums rounds over supplier types: (R1 + R2 + R3) / R1', () => {
    const params = { local: { r2: 0.8, r3: 0.5 }, away: { r2: 0.2, r3: 0 } };
    const r = lm3(
      [
        { type: 'local', pence: 300 },
        { type: 'away', pence: 100 },
        { type: 'away', pence: -50 },
      ],
      params,
    );
    // R1 = 400 (credits left out), R2 = 240 + 20, R3 = 240 × 0.5.
    assert.deepEqual([r.r1, r.r2, r.r3], [400, 260, 120]);
    assert.equal(r.lm3, (400 + 260 + 120) / 400);
  });
  it('always lies between 1 and 3, whatever the declared shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 1e9 })), {
          minLength: 1,
        }),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
          { minLength: 3, maxLength: 3 },
        ),
        (spend, shares) => {
          const params = Object.fromEntries(shares.map(([r2, r3], k) => [`t${k}`, { r2, r3 }]));
          const v = lm3(
            spend.map(([k, pence]) => ({ type: `t${k}`, pence })),
            params,
          ).lm3!;
          return v >= 1 - 1e-12 && v <= 3 + 1e-12;
        },
      ),
    );
  });
  it('refuses a type without parameters and shares outside [0, 1]', () => {
    assert.throws(() => lm3([{ type: 'x', pence: 1 }], {}), /invalid supplier type: x/);
    assert.throws(() => lm3([{ type: 'x', pence: 1 }], { x: { r2: 1.2, r3: 0 } }), /invalid r2 for x: 1\.2/);
    assert.equal(lm3([], {}).lm3, null);
  });
});
