import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { layerMap } from '../../../src/models/io/layers.ts';
import { nationalModel } from '../../../src/models/io/national.ts';
import { multipliers } from '../../../src/models/io/multipliers.ts';
import { multipliersTable } from '../../../src/models/io/multipliers-table.ts';
import { regionalModel, regionalModels } from '../../../src/models/io/regional.ts';
import type { RegionalSizes } from '../../../src/models/io/sizes.ts';
import { tableFromA } from './tables.ts';

const TAXONOMY = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);
const CODES = ['A01', 'C13', 'K64', 'Q86'];
const A = [0.1, 0.05, 0.02, 0.01, 0.08, 0.2, 0.03, 0.05, 0.05, 0.1, 0.15, 0.04, 0.02, 0.01, 0.05, 0.1];
const national = nationalModel(tableFromA(CODES, A, [100, 300, 400, 200]));
const sizes: RegionalSizes = {
  areas: ['TLC11', 'TLC12', 'TLD11'],
  codes: CODES,
  size: Float64Array.of(10, 40, 20, 30, 30, 10, 60, 20, 5, 50, 120, 25),
  flags: [],
};
const layers = layerMap(CODES, TAXONOMY);

describe('regional models', () => {
  const models = regionalModels(national, sizes, { layers });
  const nat = multipliers(national);
  it('every regional coefficient is at most the national one', () => {
    for (const m of models) m.a.forEach((r, k) => assert.ok(r <= national.a[k]! + 0, `${m.area} cell ${k}`));
  });
  it('regional multipliers are at most the national ones, Type I and II', () => {
    for (const m of models)
      for (const f of ['output', 'gva', 'compensation'] as const)
        for (let j = 0; j < 4; j++) {
          assert.ok(m.multipliers[f].total1[j]! <= nat[f].total1[j]! + 1e-15);
          assert.ok(m.multipliers[f].total2[j]! <= nat[f].total2[j]! + 1e-15);
          assert.ok(m.multipliers[f].total1[j]! >= m.multipliers[f].direct[j]!);
        }
  });
  it('the δ band brackets the δ = 0.3 multipliers (larger δ, smaller coefficients)', () => {
    for (const m of models)
      for (let j = 0; j < 4; j++) {
        const o = m.multipliers.output.total2[j]!;
        assert.ok(m.band.low.output.total2[j]! >= o - 1e-15, 'δ = 0.1 gives the upper end');
        assert.ok(m.band.high.output.total2[j]! <= o + 1e-15, 'δ = 0.4 gives the lower end');
      }
    const rows = multipliersTable(models[0]!.multipliers, models[0]!.band);
    assert.ok((rows[0]!.output_low as number) <= (rows[0]!.output as number));
    assert.ok((rows[0]!.output_high as number) >= (rows[0]!.output as number));
  });
  it('Λ columns sum to the output multiplier of each layer basket; single-area call agrees', () => {
    const m = models[1]!;
    const k = layers.k;
    const fm = layers.layers.indexOf('foundational-material');
    // The foundational-material basket is all A01 here, so its Λ column sums to A01's multiplier.
    let col = 0;
    for (let l = 0; l < k; l++) col += m.interaction![l * k + fm]!;
    assert.ok(Math.abs(col - m.multipliers.output.total1[0]!) < 1e-14);
    const one = regionalModel(national, sizes, 'TLC12', { layers });
    assert.deepEqual([...one.a], [...m.a]);
  });
  it('regional output shares the national output by each area’s share of the industry', () => {
    const sum = new Float64Array(4);
    for (const m of models) m.output.forEach((v, i) => (sum[i]! += v));
    sum.forEach((v, i) => assert.ok(Math.abs(v - national.output[i]!) < 1e-9));
  });
  it('refuses an unknown area, δ outside [0, 1), a bad variant and mismatched industries', () => {
    assert.throws(() => regionalModel(national, sizes, 'TLZ99'), /unknown area: TLZ99/);
    assert.throws(() => regionalModel(national, sizes, 'TLC11', { delta: 1 }), /delta outside \[0, 1\): 1/);
    assert.throws(
      () => regionalModel(national, sizes, 'TLC11', { band: [0.1, 1.2] }),
      /band delta outside \[0, 1\): 1.2/,
    );
    assert.throws(
      () => regionalModel(national, sizes, 'TLC11', { variant: 'slq' as 'flq' }),
      /invalid FLQ variant: slq/,
    );
    assert.throws(
      () => regionalModel(national, { ...sizes, codes: ['A01', 'C13', 'K64', 'Q87'] }, 'TLC11'),
      /regional sizes industries do not match the table/,
    );
  });
});
