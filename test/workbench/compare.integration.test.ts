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

const taxonomy = loadTaxonomy();

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
});
