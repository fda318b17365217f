import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { streamKey, uniforms } from '../../../src/models/scenarios/draws.ts';

describe('counter-based draws', () => {
  it('a draw depends on (seed, key, index) alone: any slice of the draws gives the same numbers', () => {
    const all = uniforms(1, 'care/leakage', 1000);
    for (const [from, to] of [
      [0, 1],
      [0, 500],
      [500, 1000],
      [123, 777],
    ] as const)
      assert.deepEqual(uniforms(1, 'care/leakage', 1000, from, to), all.subarray(from, to));
  });
  it('the same seed gives the same draws, another seed or key others', () => {
    assert.deepEqual(uniforms(42, 'delta', 64), uniforms(42, 'delta', 64));
    assert.notDeepEqual(uniforms(42, 'delta', 64), uniforms(43, 'delta', 64));
    assert.notDeepEqual(uniforms(42, 'delta', 64), uniforms(42, 'care/leakage', 64));
    assert.notEqual(streamKey('a/leakage'), streamKey('b/leakage'));
  });
  it('is a Latin hypercube: each of the D strata holds exactly one draw', () => {
    const D = 500;
    const u = uniforms(9, 'x', D);
    const strata = new Set(Array.from(u, (x) => Math.floor(x * D)));
    assert.equal(strata.size, D);
    assert.ok(u.every((x) => x >= 0 && x < 1));
  });
});
