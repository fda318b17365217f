import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRandom, deriveSeed, dirichlet, gamma, normal } from '../../src/models/random.ts';

describe('seeded randomness', () => {
  it('replays the same stream from the same seed, and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    assert.deepEqual(
      Array.from({ length: 5 }, () => b.next()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 5 }, () => c.next()),
      xs,
    );
    assert.notEqual(deriveSeed(1, 2), deriveSeed(1, 3));
  });
  it('has the moments of its distributions (200,000 draws)', () => {
    const rng = createRandom(2024);
    const n = 200000;
    const moments = (draw: () => number) => {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < n; i++) {
        const x = draw();
        s += x;
        s2 += x * x;
      }
      return [s / n, s2 / n - (s / n) ** 2];
    };
    const [mu, v] = moments(() => rng.uniform());
    assert.ok(Math.abs(mu! - 0.5) < 0.003 && Math.abs(v! - 1 / 12) < 0.002);
    const [zm, zv] = moments(() => normal(rng));
    assert.ok(Math.abs(zm!) < 0.01 && Math.abs(zv! - 1) < 0.015);
    const [gm, gv] = moments(() => gamma(rng, 0.5));
    assert.ok(Math.abs(gm! - 0.5) < 0.01 && Math.abs(gv! - 0.5) < 0.02);
  });
  it('draws Dirichlet vectors that sum to one with mean alpha / sum(alpha)', () => {
    const rng = createRandom(3);
    const mean = new Float64Array(3);
    for (let i = 0; i < 20000; i++) {
      const w = dirichlet(rng, [2, 3, 5]);
      assert.ok(Math.abs(w[0]! + w[1]! + w[2]! - 1) < 1e-12);
      for (let j = 0; j < 3; j++) mean[j]! += w[j]! / 20000;
    }
    [0.2, 0.3, 0.5].forEach((m, j) => assert.ok(Math.abs(mean[j]! - m) < 0.005));
  });
});
