import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Workbench } from '../../src/workbench.ts';
import { sameAreaIn2025 } from '../../src/workbench/areas.ts';
import {
  cachedHeadlineRows,
  headlineIndicators,
  indicatorValues,
  queriedHeadlineRows,
} from '../../src/workbench/indicators.ts';
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

describe('headline indicators', () => {
  it('read from every area’s rows kept once agree with asking the store per area', async () => {
    for (const code of [
      'K02000001',
      'E06000001',
      'E08000003',
      'W06000015',
      'TLC',
      'TLC1',
      'TLC11',
      'TLI32',
    ]) {
      const p = await areaProfile(wb, code, wb.defaultTaxonomy);
      const level = p.area.level as Parameters<typeof headlineIndicators>[2];
      const around = {
        region: p.area.region,
        lads: p.area.lads,
        alias: level.startsWith('itl') ? await sameAreaIn2025(wb, code) : null,
      };
      const fast = await headlineIndicators(wb, code, level, around, cachedHeadlineRows);
      assert.ok(fast.length >= 3, code);
      assert.deepEqual(fast, await headlineIndicators(wb, code, level, around, queriedHeadlineRows), code);
      assert.deepEqual(fast, p.indicators, code);
    }
  });
});
