import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTaxonomy } from '../../../src/core/taxonomy-schema.ts';
import { layerVolume } from '../../../src/models/layers/growth.ts';
import { layerTable } from '../../../src/models/layers/layer-table.ts';
import { panelFrom } from '../../../src/models/layers/panel.ts';
import { rollUp } from '../../../src/models/layers/rollup.ts';
import { shiftShare } from '../../../src/models/layers/shift-share.ts';
import { specialisation } from '../../../src/models/layers/specialisation.ts';
import { layerWeights } from '../../../src/models/layers/split.ts';

const taxonomy = parseTaxonomy(
  JSON.parse(readFileSync('data/taxonomies/foundational-economy-v1.json', 'utf8')),
);
// Two areas, one year; industries: 86 (providential), 47 (material), CA (10-12) (material 10-11 + tradeable 12),
// 68IMP (excluded by default).
const industries = ['86', '47', 'CA (10-12)', '68IMP'];
const rec = (areacd: string, industry: string, value: number, period = 2022) => ({
  areacd,
  industry,
  period,
  value,
});
const panel = panelFrom('gva_cp', ['A', 'B'], [2022], industries, [
  rec('A', '86', 30),
  rec('A', '47', 50),
  rec('A', 'CA (10-12)', 20),
  rec('A', '68IMP', 99),
  rec('B', '86', 10),
  rec('B', '47', 10),
  rec('B', 'CA (10-12)', 80),
  rec('B', '68IMP', 99),
]);
// National shares split CA (10-12): divisions 10+11 = 3, 12 = 1 → material 0.75, tradeable 0.25.
const basis = {
  label: 'test',
  byDivision: new Map([
    ['10', 2],
    ['11', 1],
    ['12', 1],
  ]),
};

describe('layer model', () => {
  const w = layerWeights(industries, taxonomy, basis);
  const t = layerTable(panel, w);
  const L = t.layers.length;
  const at = (arr: Float64Array, a: number, layer: string) => arr[a * L + t.layers.indexOf(layer)]!;

  it('splits mixed codes by national shares and says so; excludes imputed rent', () => {
    assert.deepEqual(w.notes, [
      'CA (10-12): split by national shares (test): foundational-material 0.750, tradeable 0.250',
      "68IMP: owner-occupiers' imputed rental excluded from layer totals (not market activity)",
    ]);
  });
  it('values and shares: area A material = 50 + 0.75·20 = 65 of 100', () => {
    assert.equal(at(t.values, 0, 'foundational-material'), 65);
    assert.equal(at(t.values, 0, 'tradeable'), 5);
    assert.equal(at(t.values, 0, 'foundational-providential'), 30);
    assert.equal(t.totals[0], 100);
    assert.equal(at(t.shares, 0, 'foundational-material'), 0.65);
  });
  it('LQ against the sum of areas: A providential (30/100)/(40/200) = 1.5', () => {
    assert.ok(Math.abs(at(t.lq, 0, 'foundational-providential') - 1.5) < 1e-12);
    // B tradeable: (20/100)/(25/200) = 1.6
    assert.ok(Math.abs(at(t.lq, 1, 'tradeable') - 1.6) < 1e-12);
    // The total-weighted mean LQ is 1 for every layer.
    for (const layer of ['foundational-material', 'foundational-providential', 'tradeable']) {
      const m =
        (at(t.lq, 0, layer) * t.totals[0]! + at(t.lq, 1, layer) * t.totals[1]!) /
        (t.totals[0]! + t.totals[1]!);
      assert.ok(Math.abs(m - 1) < 1e-12, layer);
    }
  });
  it('refuses to split without national shares', () => {
    assert.throws(() => layerWeights(industries, taxonomy, null), /no national shares to split CA \(10-12\)/);
  });
  it('Krugman and Herfindahl over industries (imputed rent left out)', () => {
    const s = specialisation(panel, (c) => c !== '68IMP');
    // A shares .3 .5 .2; national (40, 60, 100)/200 = .2 .3 .5 → K = .1 + .2 + .3 = .6; HHI = .09 + .25 + .04 = .38
    assert.ok(Math.abs(s.krugman[0]! - 0.6) < 1e-12);
    assert.ok(Math.abs(s.herfindahl[0]! - 0.38) < 1e-12);
  });
  it('shift-share components add up to the change', () => {
    const [row] = shiftShare(['x'], [100], [0.1], [0.05], 0.02);
    const expected = { base: 100, change: 10, nationalShare: 2, industryMix: 3, regionalShift: 5 };
    for (const [k, v] of Object.entries(expected))
      assert.ok(Math.abs(row![k as keyof typeof expected] - v) < 1e-12, k);
    assert.ok(Math.abs(row!.nationalShare + row!.industryMix + row!.regionalShift - row!.change) < 1e-12);
  });
  it('chain-links layer volumes with current-price weights', () => {
    const two = ['86', '87'];
    const cp = panelFrom('gva_cp', ['A'], [2020, 2021], two, [
      rec('A', '86', 60, 2020),
      rec('A', '87', 40, 2020),
    ]);
    const cvm = panelFrom('gva_cvm', ['A'], [2020, 2021], two, [
      rec('A', '86', 50, 2020),
      rec('A', '86', 55, 2021),
      rec('A', '87', 20, 2020),
      rec('A', '87', 19, 2021),
    ]);
    const v = layerVolume(cp, cvm, layerWeights(two, taxonomy, null));
    // (60·1.10 + 40·0.95) / 100 = 1.04 → index 104
    const k = v.layers.indexOf('foundational-providential');
    assert.ok(Math.abs(v.index[v.layers.length + k]! - 104) < 1e-9);
  });
  it('rolls up with straddle weights and refuses incomplete parents', () => {
    const links = [
      { child: 'A', parent: 'P', weight: 1 },
      { child: 'B', parent: 'P', weight: 0.5 },
      { child: 'B', parent: 'Q', weight: 0.5 },
      { child: 'Z', parent: 'Q', weight: 1 },
    ];
    const { panel: up, incomplete } = rollUp(panel, links);
    assert.deepEqual(up.areas, ['P']);
    assert.deepEqual(incomplete, ['Q']);
    assert.equal(up.values[0], 35); // 86: 30 + 0.5·10
  });
});
