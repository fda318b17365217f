import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { rollUp } from '../../../src/models/io/aggregate.ts';
import { extractLayer } from '../../../src/models/io/extraction.ts';
import { interregionalSystem } from '../../../src/models/io/interregional.ts';
import { interregionalSystemReference } from '../../../src/models/io/interregional-reference.ts';
import { areaTotals, interregionalShock } from '../../../src/models/io/interregional-shock.ts';
import { layerMap } from '../../../src/models/io/layers.ts';
import { multipliers } from '../../../src/models/io/multipliers.ts';
import { multipliersTable } from '../../../src/models/io/multipliers-table.ts';
import { regionalModels } from '../../../src/models/io/regional.ts';
import { regionalModelsReference } from '../../../src/models/io/regional-reference.ts';
import { shock } from '../../../src/models/io/shock.ts';
import {
  itl3Centroids,
  itl3Sizes,
  ladCentroids,
  ladSizes,
  nationalPack,
  readSource,
} from '../../helpers/io-pack.ts';
import { assertSameSystem, regionalDiff } from './compare.ts';

const taxonomy = parseTaxonomy(
  JSON.parse(
    readFileSync(new URL('../../../data/taxonomies/foundational-economy-v1.json', import.meta.url), 'utf8'),
  ),
);
const pack = await nationalPack();
const { table, national, employment } = pack;
const layers = layerMap(table.codes, taxonomy, employment.byDivision);
const itl3 = await itl3Sizes(table);
const sum = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]!;
  return s;
};

describe('national model on the ONS 2019 table with BRES 2021 employees', () => {
  it('maps every BRES employee to an IOAT industry', () => {
    // The sum of the BRES 2021 'Employees' rows of the Nomis extract (GB), all placed.
    assert.equal(Math.round(sum(employment.employment)), 30381500);
    assert.deepEqual(employment.flags, [
      "L68A: 0 employees (owner-occupiers' imputed rental has no employees)",
      'BRES covers Great Britain; the IOAT covers the UK (Northern Ireland is missing)',
    ]);
    assert.deepEqual(layers.flags, [
      'C1101T1106 & C12 spans layers: split foundational-material 99.3%, tradeable 0.7% by national shares of its divisions',
    ]);
  });
  it('the multipliers table has every industry, with Type II above Type I', () => {
    const rows = multipliersTable(multipliers(national));
    assert.equal(rows.length, 105);
    for (const r of rows) {
      if (r.employment_type1 === null)
        assert.ok(['L68A', 'T97'].includes(r.industry as string), String(r.industry));
      assert.ok((r.output_type2 as number) > (r.output as number));
    }
  });
  it('extracting the foundational-material layer costs the rest of the economy output', () => {
    const e = extractLayer(national, layers, 'foundational-material');
    assert.ok(e.lossRest > 0 && e.restShare > 0 && e.restShare < 1);
    assert.ok(Math.abs(e.lossTotal - e.lossLayer - e.lossRest) < 1e-6 * e.lossTotal);
  });
});

describe('regional sizes from ONS regional GVA 2019', () => {
  it('ITL3: each area’s IOAT sizes add up to its published total (within the rounding of its leaves)', async () => {
    const totals = (await readSource('ons-gva-itl3-cp')).records.industry!.filter(
      (r) => r.period === 2019 && r.industry === 'Total',
    );
    assert.equal(itl3.areas.length, 179);
    for (const t of totals) {
      const r = itl3.areas.indexOf(t.areacd);
      const got = sum(itl3.size.subarray(r * 105, (r + 1) * 105));
      assert.ok(Math.abs(got - t.value!) <= 0.5 * 40, `${t.areacd}: ${got} vs ${t.value}`);
    }
  });
});

describe('regional models for all 179 ITL3 areas', () => {
  const models = regionalModels(national, itl3, { layers });
  const nat = multipliers(national);
  it('every regional coefficient ≤ the national one; every multiplier ≤ the national one', () => {
    for (const m of models) {
      for (let k = 0; k < m.a.length; k++) assert.ok(m.a[k]! <= national.a[k]!);
      for (const f of ['output', 'gva', 'compensation', 'employment'] as const)
        for (let j = 0; j < 105; j++) {
          assert.ok(m.multipliers[f]!.total1[j]! <= nat[f]!.total1[j]! * (1 + 1e-12));
          assert.ok(m.multipliers[f]!.total2[j]! <= nat[f]!.total2[j]! * (1 + 1e-12));
        }
    }
  });
  it('the δ band (0.1–0.4) brackets every δ = 0.3 multiplier', () => {
    for (const m of models)
      for (let j = 0; j < 105; j++) {
        const o = m.multipliers.output.total2[j]!;
        assert.ok(
          m.band.low.output.total2[j]! >= o * (1 - 1e-12) && m.band.high.output.total2[j]! <= o * (1 + 1e-12),
        );
      }
  });
  it('the batched models agree with the reference ones to 1e-12: R, LU, closure, every multiplier, band and Λ', () => {
    const ref = regionalModelsReference(national, itl3, { layers });
    let worst = 0;
    models.forEach((m, r) => (worst = Math.max(worst, regionalDiff(m, ref[r]!))));
    assert.ok(worst < 1e-12, `largest relative difference ${worst}`);
  });
  it('Λ: £1 for a layer draws at least £1 of output in the area, at least £1 of it from that layer', () => {
    const k = layers.k;
    for (const m of models)
      for (let j = 0; j < k; j++) {
        let col = 0;
        for (let l = 0; l < k; l++) col += m.interaction![l * k + j]!;
        assert.ok(col >= 1 - 1e-12, `${m.area} layer ${layers.layers[j]}: ${col}`);
        assert.ok(m.interaction![j * k + j]! >= 1 - 1e-12);
      }
  });
});

describe('interregional shocks', () => {
  it('LAD: the system built in WebAssembly scratch memory is the reference one bit for bit', async () => {
    const sizes = await ladSizes(table);
    const xy = await ladCentroids(sizes.areas);
    const opts = { delta: 0.15, beta: 1 };
    assertSameSystem(
      interregionalSystem(national, sizes, xy, opts),
      interregionalSystemReference(national, sizes, xy, opts),
    );
  });
  for (const level of ['ITL3', 'LAD'] as const) {
    it(`${level}: outputs summed over areas equal the national response; shares add up; converged to 1e-9`, async () => {
      const sizes = level === 'ITL3' ? itl3 : await ladSizes(table);
      const xy = level === 'ITL3' ? await itl3Centroids(sizes.areas) : await ladCentroids(sizes.areas);
      const sys = interregionalSystem(national, sizes, xy);
      const changes = [
        { area: sizes.areas[0]!, industry: 'F41, F42  & F43', amount: 100 },
        { area: sizes.areas[50]!, industry: 'Q86', amount: 40 },
      ];
      const r = interregionalShock(sys, national.factors, changes, { layers });
      assert.ok(r.convergence.type1.residual <= 1e-9 && r.convergence.type2.residual <= 1e-9);
      const total = new Float64Array(105);
      total[table.codes.indexOf('F41, F42  & F43')] = 100;
      total[table.codes.indexOf('Q86')] = 40;
      const nat = shock(national, total, layers);
      const byIndustry = new Float64Array(105);
      r.output.total.forEach((v, k) => (byIndustry[k % 105]! += v));
      for (let i = 0; i < 105; i++)
        assert.ok(Math.abs(byIndustry[i]! - nat.output.total[i]!) <= 1e-6 * Math.max(...nat.output.total));
      assert.ok(Math.abs(sum(r.output.total) - sum(nat.output.total)) <= 1e-6 * sum(nat.output.total));
      // Layers: the shares over layers sum to the total, area by area.
      assert.ok(Math.abs(sum(r.layers!.gva.total) - sum(r.gva.total)) < 1e-9 * sum(r.gva.total));
      // Spills reach other areas; the area of the demand gets the most.
      const perArea = areaTotals(r.output.total, sizes.areas.length);
      assert.ok(perArea[0]! > 100 && perArea.filter((v) => v > 0).length > sizes.areas.length / 2);
      if (level === 'ITL3') {
        // Aggregate after computing: ITL3 → ITL2 → ITL1 → UK by code prefix.
        const links = (areas: string[], cut: number) =>
          areas.map((a) => ({ child: a, parent: a.slice(0, cut), weight: 1 }));
        const itl2 = rollUp(sizes.areas, perArea, links(sizes.areas, 4));
        const itl1 = rollUp(itl2.parents, itl2.values, links(itl2.parents, 3));
        const uk = rollUp(
          itl1.parents,
          itl1.values,
          itl1.parents.map((p) => ({ child: p, parent: 'UK', weight: 1 })),
        );
        assert.equal(itl1.parents.length, 12);
        assert.ok(Math.abs(uk.values[0]! - sum(perArea)) < 1e-9 * sum(perArea));
      }
    });
  }
});
