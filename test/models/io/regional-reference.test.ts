import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { regionalGrid, regionalModel, regionalModels } from '../../../src/models/io/regional.ts';
import {
  regionalModelReference,
  regionalModelsReference,
} from '../../../src/models/io/regional-reference.ts';
import { areaDiff, regionalDiff } from './compare.ts';
import { CODES, randomCase } from './random-case.ts';

describe('regional models, batched vs the reference', () => {
  for (const [seed, variant] of [
    [1, 'flq'],
    [2, 'aflq'],
    [3, 'flq'],
  ] as const)
    it(`agree to 1e-12 on a random table (seed ${seed}, ${variant}), every area and δ`, () => {
      const { national, sizes, layers } = randomCase(seed, 7);
      const opts = { delta: 0.25, band: [0.05, 0.45] as [number, number], variant, layers };
      const fast = regionalModels(national, sizes, opts);
      const ref = regionalModelsReference(national, sizes, opts);
      assert.equal(fast.length, 7);
      for (let r = 0; r < 7; r++) assert.ok(regionalDiff(fast[r]!, ref[r]!) < 1e-12, sizes.areas[r]);
      const one = regionalModel(national, sizes, 'TLX03', opts);
      assert.ok(regionalDiff(one, regionalModelReference(national, sizes, 'TLX03', opts)) < 1e-12);
    });
  it('a grid of δ values gives each δ’s reference model, without layers too', () => {
    const { national, sizes } = randomCase(4, 5);
    const deltas = [0, 0.15, 0.3, 0.6];
    const grid = regionalGrid(national, sizes, { deltas });
    assert.deepEqual(grid.deltas, deltas);
    assert.equal(grid.models.length, 4);
    deltas.forEach((delta, d) =>
      sizes.areas.forEach((area, r) => {
        const ref = regionalModelReference(national, sizes, area, { delta });
        assert.equal(grid.models[d]![r]!.interaction, null);
        assert.ok(areaDiff(grid.models[d]![r]!, ref) < 1e-12, `${area} δ ${delta}`);
      }),
    );
  });
  it('refuses an empty δ list, a δ outside [0, 1) and an area of no size', () => {
    const { national, sizes } = randomCase(5, 3);
    assert.throws(
      () => regionalGrid(national, sizes, { deltas: [] }),
      /no delta to build regional models for/,
    );
    assert.throws(() => regionalGrid(national, sizes, { deltas: [0.3, 1] }), /delta outside \[0, 1\): 1/);
    const empty = { ...sizes, size: Float64Array.from(sizes.size, (v, k) => (k < CODES.length ? 0 : v)) };
    assert.throws(() => regionalGrid(national, empty, { deltas: [0.3] }), /area has no size: TLX00/);
  });
});
