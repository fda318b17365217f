import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { compareAreas } from '../../src/workbench/compare.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const taxonomy = await loadTaxonomy();

describe('area comparison on the real pack', () => {
  it('names ITL3 neighbours, not only local authorities', async () => {
    const c = await compareAreas(wb, taxonomy, 'TLC11', {
      nearest: { k: 4, profile: ['gva-per-head', 'foundational-share-gva'] },
      indicators: ['gva-per-head'],
    });
    assert.equal(c.level, 'itl3');
    assert.equal(c.neighbours.length, 4);
    for (const n of c.neighbours) {
      assert.match(n.area, /^TL[C-N][0-9A-Z]{2}$/);
      assert.notEqual(n.areanm, n.area, `${n.area} has no name`);
    }
  });

  it('names LAD neighbours as the April 2023 lookup does', async () => {
    const c = await compareAreas(wb, taxonomy, 'E06000001', {
      nearest: { k: 3, profile: ['gross-median-weekly-pay', 'foundational-share-gva'] },
      indicators: ['gross-median-weekly-pay'],
    });
    assert.equal(c.areanm, 'Hartlepool');
    assert.ok(c.neighbours.every((n) => /^[EWSN]\d{8}$/.test(n.area) && n.areanm !== n.area));
  });

  it('weights a set by GVA for a share of GVA: the five Tees Valley districts make the combined authority', async () => {
    const five = ['E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005'];
    const c = await compareAreas(wb, taxonomy, 'E06000001', {
      with: five,
      indicators: ['foundational-share-gva'],
    });
    const set = c.rows[0]!.comparators.find((x) => x.kind === 'set')!;
    assert.match(set.label, /weighted mean of 5 of 5/);
    const tv = await compareAreas(wb, taxonomy, 'E47000006', { indicators: ['foundational-share-gva'] });
    assert.equal(tv.level, 'cauth');
    assert.equal(tv.areanm, 'Tees Valley');
    assert.ok(
      Math.abs(set.value! - tv.rows[0]!.area.value!) < 1e-9,
      `${set.value} vs ${tv.rows[0]!.area.value}`,
    );
    assert.equal(Math.round(set.value! * 10) / 10, 53.0); // unweighted it would be 55.6
  });
});
