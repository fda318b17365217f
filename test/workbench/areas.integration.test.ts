// An area's parents on the data pack: the walk over the lookup read once agrees with the
// reference that asks the store for each child's parents, for districts (straddling ones
// included), ITL areas and the UK.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parentsOf, parentsOfQueried } from '../../src/workbench/areas.ts';
import type { Workbench } from '../../src/workbench.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => (wb = await packWorkbench()));
after(() => wb?.close());

describe('parentsOf', () => {
  it('agrees with the per-child queries on a spread of areas at every level', async () => {
    const codes = [
      'K02000001',
      'E06000001',
      'E08000003',
      'W06000015',
      'S12000036',
      'N09000003',
      'TLC',
      'TLC1',
      'TLC11',
    ];
    for (const level of ['lad', 'itl3', 'itl2'] as const) {
      const areas = (await wb.areas({ level, year: 2023 })).areas;
      codes.push(...areas.filter((_, i) => i % 15 === 0).map((a) => a.areacd));
    }
    let withParents = 0;
    for (const code of codes) {
      const fast = await parentsOf(wb, code);
      assert.deepEqual(fast, await parentsOfQueried(wb, code), code);
      if (fast.length) withParents++;
    }
    assert.ok(withParents >= codes.length - 1, `${withParents} of ${codes.length} areas have parents`);
    const hartlepool = await parentsOf(wb, 'E06000001');
    assert.ok(hartlepool.some((p) => p.areacd === 'K02000001'));
    assert.ok(hartlepool.some((p) => p.level === 'itl1'));
  });
});
