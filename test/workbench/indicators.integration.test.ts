import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Workbench } from '../../src/workbench.ts';
import { indicatorValues } from '../../src/workbench/indicators.ts';
import { areaProfile } from '../../src/workbench/profile.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const GDHI = 'gross-disposable-household-income-per-head';

describe('indicators published on ITL 2025 codes', () => {
  it('are served on the January 2021 codes of the GVA tables, saying what the publisher used', async () => {
    const r = await indicatorValues(wb, GDHI, { level: 'itl3' });
    const tlc11 = r.rows.find((x) => x.areacd === 'TLC11');
    assert.equal(tlc11?.publishedAs, 'TLC31');
    assert.equal(tlc11?.areanm, 'Hartlepool and Stockton-on-Tees');
    assert.ok(!r.rows.some((x) => x.areacd === 'TLC31'));
  });

  it('appear in an ITL area profile under the 2025 code that covers the same LADs', async () => {
    const p = await areaProfile(wb, 'TLC11', wb.taxonomy());
    const gdhi = p.indicators.find((i) => i.indicator === GDHI);
    assert.equal(gdhi?.publishedAs, 'TLC31');
    assert.equal(typeof gdhi?.value, 'number');
    assert.deepEqual(
      p.area.lads.map((l) => l.areacd),
      ['E06000001', 'E06000004'],
    );
  });
});
