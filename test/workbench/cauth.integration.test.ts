import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { cauthMembership } from '../../src/workbench/cauth.ts';
import { layerRows, layersAll } from '../../src/workbench/layers.ts';
import { areaProfile } from '../../src/workbench/profile.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => (wb = await packWorkbench()));
after(() => wb.close());

const TEES_VALLEY = ['E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005'];

describe('combined authorities on the real pack', () => {
  it('derives every English combined authority in the boundaries, each tiled exactly by its districts', async () => {
    const m = await cauthMembership(wb);
    assert.equal(m.members.size, 18); // the 20 features less two Scottish council areas in the layer
    assert.deepEqual(m.members.get('E47000006'), TEES_VALLEY);
    assert.equal(m.members.get('E47000004')!.length, 6); // Liverpool City Region, Sefton included
    assert.equal(m.members.get('E47000015')!.length, 9); // Devon and Torbay, Torbay included
    assert.equal(m.members.get('E47000013')!.length, 17); // East Midlands
    assert.deepEqual(
      m.notes.filter((n) => n.includes('left out')),
      [],
    );
  });

  it('Tees Valley: every layer value is the sum of its five districts, LQ against the UK', async () => {
    const taxonomy = await loadTaxonomy();
    const [cauth, lad] = await Promise.all([
      layersAll(wb, 'cauth', 'gva_cp', taxonomy),
      layersAll(wb, 'lad', 'gva_cp', taxonomy),
    ]);
    const tv = layerRows(cauth, undefined, 'E47000006');
    assert.equal(tv.length, cauth.years.length * 6);
    const ladRows = layerRows(lad).filter((r) => TEES_VALLEY.includes(r.areacd));
    for (const r of tv) {
      const parts = ladRows.filter((x) => x.year === r.year && x.layer === r.layer);
      assert.equal(parts.length, 5);
      const sum = parts.reduce((s, x) => s + x.value, 0);
      assert.ok(Math.abs(r.value - sum) < 1e-9, `${r.year} ${r.layer}: ${r.value} vs ${sum}`);
      const uk = layerRows(lad, r.year).filter((x) => x.layer === r.layer);
      const ukShare =
        uk.reduce((s, x) => s + x.value, 0) / layerRows(lad, r.year).reduce((s, x) => s + x.value, 0);
      assert.ok(Math.abs(r.lq - r.share / ukShare) < 1e-9, `${r.year} ${r.layer} LQ`);
    }
    const y2023 = tv.filter((r) => r.year === 2023);
    const total = y2023.reduce((s, r) => s + r.value, 0);
    const founding = y2023.filter((r) => r.layer.startsWith('foundational')).reduce((s, r) => s + r.value, 0);
    // GVA-weighted: Σ foundational £m ÷ Σ total £m of the five districts
    assert.ok(Math.abs(founding / total - 0.53) < 0.02, `foundational share ${founding / total}`);
  });

  it('the profile names the districts, the region, and says the figures are derived', async () => {
    const p = await areaProfile(wb, 'E47000006', await loadTaxonomy());
    assert.equal(p.area.areanm, 'Tees Valley');
    assert.equal(p.area.level, 'cauth');
    assert.deepEqual(
      p.area.lads.map((l) => l.areacd),
      TEES_VALLEY,
    );
    assert.equal(p.area.region?.areacd, 'E12000001');
    assert.ok(p.notes.some((n) => n.startsWith('Combined authorities are derived')));
    assert.ok(p.specialisations.rows.length > 0);
    assert.equal(p.growth.layers.length, 6);
    const pay = p.indicators.find((i) => i.indicator === 'gross-median-weekly-pay')!;
    assert.equal(pay.value, 576.1); // published at CAUTH level
    const darlington = await areaProfile(wb, 'E06000005', await loadTaxonomy());
    assert.ok(darlington.area.parents.some((x) => x.areacd === 'E47000006' && x.level === 'cauth'));
  });
});
