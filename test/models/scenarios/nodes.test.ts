import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bandGrid, deltaNodes, nodeOf } from '../../../src/models/scenarios/nodes.ts';
import { deltaDraws } from '../../../src/models/scenarios/prepare-draws.ts';

describe('δ nodes', () => {
  it('seven δ values over the band, the central δ one of them (added when it is not)', () => {
    assert.deepEqual(
      bandGrid(0.3, [0.1, 0.4]).map((x) => Math.round(x * 1000) / 1000),
      [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4],
    );
    assert.ok(bandGrid(0.3, [0.1, 0.4]).includes(0.3));
    const nodes = deltaNodes(0.27, [0.1, 0.4]);
    assert.equal(nodes.length, 8);
    assert.ok(nodes.includes(0.27));
    assert.deepEqual(deltaNodes(0.3, null), [0.3]);
    assert.throws(() => nodeOf([0.1, 0.2], 0.15), /no model at delta 0.15/);
  });
  it('each draw takes one grid δ (never the central δ off the grid), about equally often', () => {
    const nodes = deltaNodes(0.27, [0.1, 0.4]);
    const d = deltaDraws(nodes, 0.27, [0.1, 0.4], 700, 3);
    const grid = bandGrid(0.27, [0.1, 0.4]);
    const counts = grid.map((g) => d.deltas.filter((x) => x === g).length);
    assert.deepEqual(counts, [100, 100, 100, 100, 100, 100, 100]);
    for (let k = 0; k < 700; k++)
      assert.equal(
        d.weights.subarray(k * nodes.length, (k + 1) * nodes.length).reduce((s, x) => s + x, 0),
        1,
      );
    assert.equal(d.centralWeights[nodes.indexOf(0.27)], 1);
  });
});
