import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSeed, hash32, uniformAt } from '../../../src/models/finance/counter-rng.ts';

describe('counter-based generator', () => {
  it('is a pure function of (seed, path, year, stream)', () => {
    const a = uniformAt(7, 123456, 39, 3);
    assert.equal(uniformAt(7, 123456, 39, 3), a);
    assert.notEqual(uniformAt(8, 123456, 39, 3), a);
    assert.notEqual(uniformAt(7, 123457, 39, 3), a);
    assert.notEqual(uniformAt(7, 123456, 38, 3), a);
    assert.notEqual(uniformAt(7, 123456, 39, 4), a);
    assert.ok(a > 0 && a < 1);
  });
  it('lowbias32 is a bijection on a sample and mixes single-bit changes', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(hash32(i));
    assert.equal(seen.size, 100_000);
    let flips = 0;
    for (let i = 0; i < 1000; i++)
      for (let b = 0; b < 32; b++) flips += popcount(hash32(i) ^ hash32(i ^ (1 << b)));
    assert.ok(Math.abs(flips / 32_000 - 16) < 0.2, `mean bits flipped ${flips / 32_000}`);
  });
  it('uniforms are uniform and uncorrelated across paths, years and streams', () => {
    const n = 200_000;
    const bins = new Int32Array(20);
    let sxy = 0;
    let syz = 0;
    let sxw = 0;
    for (let p = 0; p < n; p++) {
      const x = uniformAt(1, p, 0, 0);
      bins[Math.floor(x * 20)]!++;
      sxy += (x - 0.5) * (uniformAt(1, p, 1, 0) - 0.5);
      syz += (x - 0.5) * (uniformAt(1, p, 0, 1) - 0.5);
      sxw += (x - 0.5) * (uniformAt(1, p + 1, 0, 0) - 0.5);
    }
    // χ² with 19 degrees of freedom: 99.9th percentile 43.8
    const chi2 = [...bins].reduce((s, b) => s + (b - n / 20) ** 2 / (n / 20), 0);
    assert.ok(chi2 < 43.8, `χ² ${chi2}`);
    // correlation SE = 1/√n ≈ 0.0022; 4 SE
    for (const s of [sxy, syz, sxw]) assert.ok(Math.abs((12 * s) / n) < 0.009, `correlation ${(12 * s) / n}`);
  });
  it('refuses a seed outside [0, 2^32)', () => {
    assert.equal(checkSeed(0), 0);
    assert.throws(() => checkSeed(-1), /invalid seed: -1/);
    assert.throws(() => checkSeed(1.5), /invalid seed: 1.5/);
  });
});

function popcount(x: number): number {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
}
