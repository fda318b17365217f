import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy.ts';
import { layerMap } from '../../../src/models/io/layers.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { regionalGrid, regionalModel, regionalModels } from '../../../src/models/io/regional.ts';
import {
  regionalModelReference,
  regionalModelsReference,
} from '../../../src/models/io/regional-reference.ts';
import type { RegionalSizes } from '../../../src/models/io/sizes.ts';
import { areaDiff, regionalDiff } from './compare.ts';
import { makeRng } from './rng.ts';
import { tableFromA } from './tables.ts';

const TAXONOMY = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);
// Industries spread over every layer of the taxonomy, 37 of them (not a multiple of four).
const CODES = [
  'A01',
  'A02',
  'A03',
  'B05',
  'C10',
  'C13',
  'C20',
  'C29',
  'D35',
  'E36',
  'E37',
  'F41, F42  & F43',
  'G45',
  'G46',
  'G47',
  'H49',
  'H50',
  'H53',
  'I55',
  'I56',
  'J58',
  'J61',
  'K64',
  'K65',
  'L68A',
  'M69',
  'M71',
  'N77',
  'O84',
  'P85',
  'Q86',
  'Q87',
  'Q88',
  'R90',
  'R93',
  'S94',
  'S96',
];

/** A random productive table (column sums of A between 0.2 and 0.8) and sizes for `areas` areas with some industries missing. */
function randomCase(seed: number, areas: number) {
  const rng = makeRng(seed);
  const n = CODES.length;
  const a = new Array<number>(n * n).fill(0);
  for (let j = 0; j < n; j++) {
    const col = Array.from({ length: n }, () => (rng() < 0.3 ? 0 : rng()));
    const sum = col.reduce((s, v) => s + v, 0);
    const target = 0.2 + 0.6 * rng();
    col.forEach((v, i) => (a[i * n + j] = (v / sum) * target));
  }
  const x = CODES.map(() => 100 + 1000 * rng());
  const table = tableFromA(CODES, a, x);
  table.employment = Float64Array.from(x, (v) => v * (5 + 10 * rng()));
  const size = Float64Array.from({ length: areas * n }, () => (rng() < 0.1 ? 0 : rng() * 50));
  const sizes: RegionalSizes = {
    areas: Array.from({ length: areas }, (_, r) => `TLX${String(r).padStart(2, '0')}`),
    codes: CODES,
    size,
    flags: [],
  };
  return { national: nationalModel(table), sizes, layers: layerMap(CODES, TAXONOMY) };
}

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
