import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { layerRows, layersAll, layersOfYear } from '../../src/workbench/layers.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => (wb = await packWorkbench()));
after(() => wb.close());

function checkInvariants(rows: ReturnType<typeof layerRows>, areas: number) {
  const byArea = new Map<string, typeof rows>();
  for (const r of rows) byArea.set(r.areacd, [...(byArea.get(r.areacd) ?? []), r]);
  assert.equal(byArea.size, areas);
  for (const [code, list] of byArea) {
    assert.equal(list.length, 6, code);
    const sum = list.reduce((s, r) => s + r.share, 0);
    assert.ok(Math.abs(sum - 1) < 1e-9, `${code} shares sum to ${sum}`);
  }
  const totals = new Map([...byArea].map(([code, list]) => [code, list.reduce((s, r) => s + r.value, 0)]));
  const grand = [...totals.values()].reduce((s, v) => s + v, 0);
  for (const layer of new Set(rows.map((r) => r.layer))) {
    const mean = rows
      .filter((r) => r.layer === layer)
      .reduce((s, r) => s + (r.lq * totals.get(r.areacd)!) / grand, 0);
    assert.ok(Math.abs(mean - 1) < 1e-9, `${layer}: weighted mean LQ ${mean}`);
  }
}

describe('layered economy on the real pack', () => {
  it('ITL3 2022 current prices: 179 areas × 6 layers, shares sum to 1, weighted mean LQ is 1', async () => {
    const r = await layersAll(wb, 'itl3', 'gva_cp', await loadTaxonomy());
    checkInvariants(layerRows(r, 2022), 179);
    assert.equal(r.years[0], 1998);
  });
  it('LAD 2023 current prices: 361 areas', async () => {
    const r = await layersAll(wb, 'lad', 'gva_cp', await loadTaxonomy());
    checkInvariants(layerRows(r, 2023), 361);
  });
  it('every year at ITL3, ITL2, ITL1 and LAD keeps the invariants', async () => {
    for (const [level, n] of [
      ['itl3', 179],
      ['itl2', 41],
      ['itl1', 12],
      ['lad', 361],
    ] as const) {
      const r = await layersAll(wb, level, 'gva_cp', await loadTaxonomy());
      for (const y of r.years) checkInvariants(layerRows(r, y), n);
    }
  });
  it('one year read alone gives exactly that year of the whole table, at every level', async () => {
    const t = await loadTaxonomy();
    for (const [level, year] of [
      ['itl3', 2022],
      ['itl1', 1998],
      ['lad', 2023],
      ['cauth', 2010],
      ['uk', 2015],
    ] as const) {
      const all = await layersAll(wb, level, 'gva_cp', t);
      const one = await layersOfYear(wb, level, 'gva_cp', t, year);
      assert.deepEqual(one.table.years, [year], level);
      assert.deepEqual(one.years, all.years, `${level}: every published year is still listed`);
      assert.deepEqual(layerRows(one, year), layerRows(all, year), `${level} ${year}`);
      assert.deepEqual(one.notes, all.notes, level);
    }
    const latest = await layersOfYear(wb, 'itl3', 'gva_cp', t, 'latest');
    assert.deepEqual(latest.table.years, [2022]);
    await assert.rejects(
      async () => layerRows(await layersOfYear(wb, 'itl3', 'gva_cp', t, 2031), 2031),
      /no gva_cp for 2031 at itl3 level \(years 1998–2022\)/,
    );
  });
  it('rolled-up ITL3 tables add to the same UK total as the ITL3 areas', async () => {
    const itl3 = await layersAll(wb, 'itl3', 'gva_cp', await loadTaxonomy());
    const uk = await layersAll(wb, 'uk', 'gva_cp', await loadTaxonomy());
    const sum = (r: typeof uk, y: number) => layerRows(r, y).reduce((s, x) => s + x.value, 0);
    assert.ok(Math.abs(sum(itl3, 2022) - sum(uk, 2022)) < 1e-6 * sum(uk, 2022));
  });
  it('strata layers prints the CSV the issue asks for', () => {
    const out = execFileSync(
      process.execPath,
      [
        'bin/strata.js',
        '--db',
        PACK_DB,
        'layers',
        '--level',
        'itl3',
        '--year',
        '2022',
        '--measure',
        'gva_cp',
        '--format',
        'csv',
      ],
      { encoding: 'utf8' },
    );
    const lines = out.trim().split('\n');
    assert.equal(lines[0], 'areacd,areanm,layer,value,share,lq');
    assert.equal(lines.length, 1 + 179 * 6);
    assert.match(lines[1]!, /^TLC11,Hartlepool and Stockton-on-Tees,foundational-material,/);
  });
});

describe('published hierarchies on the real pack', () => {
  it('children sum to their published parent within rounding, every area and year, ITL3 and LAD current prices', async () => {
    const { query } = await import('../../src/store/db.ts');
    const rows = await query<{ source: string; n: bigint; bad: bigint }>(
      wb.store,
      `SELECT d.source, count(*) AS n, count(*) FILTER (WHERE abs(c.actual - c.expected) > c.tolerance) AS bad
         FROM checks c JOIN current_datasets d ON d.id = c.dataset_id
        WHERE d.source IN ('ons-gva-itl3-cp', 'ons-gva-lad') GROUP BY d.source ORDER BY d.source`,
    );
    // 179 areas × 25 years × 17 parent nodes (ITL3); 361 LADs × 26 years × ~12 parent nodes (LAD).
    assert.deepEqual(
      rows.map((r) => [r.source, Number(r.bad)]),
      [
        ['ons-gva-itl3-cp', 0],
        ['ons-gva-lad', 0],
      ],
    );
    assert.ok(Number(rows[0]!.n) > 70_000 && Number(rows[1]!.n) > 100_000);
  });
});
