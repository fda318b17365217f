import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerVolume } from '../../../src/models/layers/growth.ts';
import { growthContributions } from '../../../src/models/layers/growth-contributions.ts';
import { panelFrom } from '../../../src/models/layers/panel.ts';
import type { LayerWeights } from '../../../src/models/layers/split.ts';

// One area, three years; X and Y in layer a, Z split 0.25 a / 0.75 b.
const industries = ['X', 'Y', 'Z'];
const years = [2000, 2001, 2002];
const rows = (values: Record<string, number[]>) =>
  Object.entries(values).flatMap(([industry, v]) =>
    v.map((value, k) => ({ areacd: 'A', industry, period: years[k]!, value })),
  );
const cp = panelFrom(
  'gva_cp',
  ['A'],
  years,
  industries,
  rows({ X: [60, 70, 80], Y: [40, 30, 20], Z: [40, 44, 50] }),
);
const cvm = panelFrom(
  'gva_cvm',
  ['A'],
  years,
  industries,
  rows({ X: [100, 110, 121], Y: [50, 50, 40], Z: [20, 22, 30] }),
);
const w: LayerWeights = {
  taxonomy: 't',
  layers: ['a', 'b'],
  industries,
  weights: Float64Array.from([1, 0, 1, 0, 0.25, 0.75]),
  notes: [],
};

describe('contributions to real growth by industry', () => {
  const c = growthContributions(cp, cvm, w, 0);
  it('computes each industry’s part by hand', () => {
    // layer a, 2001: den 60+40+10 = 110; X 60·0.1 = 6, Y 0, Z 10·0.1 = 1 → index 1 + 7/110
    // 2002: den 70+30+11 = 111; X 70·0.1, Y 30·(−0.2), Z 11·(30/22 − 1)
    const i1 = 1 + 7 / 110;
    const x = 6 / 110 + (i1 * 7) / 111;
    const y = (i1 * -6) / 111;
    const z = 1 / 110 + (i1 * 11 * (30 / 22 - 1)) / 111;
    assert.ok(Math.abs(c.contribution[0]! - x) < 1e-12, `X ${c.contribution[0]} vs ${x}`);
    assert.ok(Math.abs(c.contribution[1]! - y) < 1e-12, `Y ${c.contribution[1]} vs ${y}`);
    assert.ok(Math.abs(c.contribution[2]! - z) < 1e-12, `Z ${c.contribution[2]} vs ${z}`);
    // layer b holds only its three-quarters of Z, so Z's growth is all of it
    assert.ok(Math.abs(c.contribution[5]! - (30 / 20 - 1)) < 1e-12);
    assert.equal(c.contribution[3], 0);
    // prices: cp/cvm from the first year to the last
    assert.ok(Math.abs(c.priceChange[0]! - (80 / 121 / (60 / 100) - 1)) < 1e-12);
  });

  it('adds up to the layer’s real growth since the first year, as layerVolume chains it', () => {
    const v = layerVolume(cp, cvm, w);
    for (let l = 0; l < 2; l++) {
      const sum = c.contribution.subarray(l * 3, l * 3 + 3).reduce((s, x) => s + x, 0);
      const growth = v.index[2 * 2 + l]! / v.index[l]! - 1;
      assert.ok(Math.abs(sum - growth) < 1e-12, `layer ${l}: ${sum} vs ${growth}`);
      assert.ok(Math.abs(c.total[l]! - growth) < 1e-12);
    }
  });
});
