import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { query } from '../../src/store/db.ts';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { genderLens } from '../../src/workbench/gender.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const taxonomy = await loadTaxonomy();

describe('gender lens on the real pack', () => {
  it('gives the distribution of employers’ gaps in every layer, weighing each employer once', async () => {
    const r = await genderLens(wb, taxonomy);
    assert.equal(r.employers.period, '2021-22');
    assert.equal(r.employers.partial, false);
    const layers = r.employers.byLayer.map((d) => d.layer);
    for (const l of taxonomy.layers.map((x) => x.id)) assert.ok(layers.includes(l), l);
    const [{ n }] = await query<{ n: bigint }>(
      wb.store,
      `SELECT count(*) AS n FROM gpg_employers g JOIN current_datasets d ON d.id = g.dataset_id WHERE g.period = '2021-22' AND g.diff_median_hourly IS NOT NULL`,
    );
    const weight = r.employers.byLayer.reduce((s, d) => s + d.weight, 0);
    assert.ok(Math.abs(weight - Number(n)) < 1e-6, `${weight} vs ${n}`);
    for (const d of [...r.employers.byLayer, ...r.employers.byLayerAndSize])
      assert.ok(
        d.p10 <= d.p25 && d.p25 <= d.median && d.median <= d.p75 && d.p75 <= d.p90,
        `${d.layer} ${d.size}`,
      );
    const sizes = r.employers.byLayerAndSize.filter((d) => d.layer === 'tradeable');
    assert.ok(
      Math.abs(
        sizes.reduce((s, d) => s + d.weight, 0) -
          r.employers.byLayer.find((d) => d.layer === 'tradeable')!.weight,
      ) < 1e-6,
    );
  });

  it('keeps suppressed local gaps suppressed and reads Hartlepool as published', async () => {
    const r = await genderLens(wb, taxonomy, { area: 'E06000001' });
    const at = (basis: string, statistic: string, pattern: string) =>
      r.local.rows.find((x) => x.basis === basis && x.statistic === statistic && x.pattern === pattern)!;
    assert.equal(at('workplace', 'median', 'all').value, 13.8);
    assert.equal(at('workplace', 'median', 'all').national, 12.8);
    const hidden = at('workplace', 'median', 'part-time');
    assert.equal(hidden.value, null);
    assert.equal(hidden.status, 'x');
    const all = await genderLens(wb, taxonomy);
    assert.equal(all.local.rows.length, 361 * 12);
    assert.ok(all.local.rows.filter((x) => x.status === 'x').every((x) => x.value === null));
  });

  it('groups ASHE’s industry gaps by layer', async () => {
    const r = await genderLens(wb, taxonomy);
    const providential = r.industries
      .filter((x) => x.layer === 'foundational-providential')
      .map((x) => x.industry);
    assert.deepEqual(providential.sort(), ['84', '85', '86', '87', '88']);
  });
});
