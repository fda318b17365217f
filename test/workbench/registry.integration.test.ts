import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { query } from '../../src/store/db.ts';
import { loadTaxonomy, type Workbench } from '../../src/workbench.ts';
import { boundsOf } from '../../src/models/registry/entry.ts';
import { levelOf } from '../../src/core/levels.ts';
import { heldIndicatorIds } from '../../src/store/queries/observations.ts';
import { indicatorSeries } from '../../src/workbench/indicator-series.ts';
import { listRegistry, loadRegistry } from '../../src/workbench/registry.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const registry = loadRegistry();

/** Codes that exist on only some boundary vintages, so a declared vintage can be checked against the data. */
function vintagesOf(codes: Set<string>): Set<string> {
  const has = (c: string) => codes.has(c);
  const out = new Set<string>();
  if (has('E07000048')) out.add('lad-2018');
  if (has('E07000026') && has('E06000061') && !has('E06000063')) out.add('lad-2022');
  if (has('E06000063') && has('E08000016') && !has('E08000038') && !has('E07000026')) out.add('lad-2023');
  if (has('E08000038') && !has('E08000016')) out.add('lad-2025');
  // each period on its own codes: abolished districts appear, or codes of two vintages mix
  if (has('E07000026') || has('E07000004') || (has('E08000016') && has('E08000038')))
    out.add('lad-as-at-period');
  if (has('TLC11')) out.add('itl-2021');
  if (has('TLC31') && !has('TLC11')) out.add('itl-2025');
  return out;
}

describe('indicator registry on the real pack', () => {
  it('lists every indicator the store holds', async () => {
    const ids = await heldIndicatorIds(wb.store);
    const known = new Set(registry.indicators.map((e) => e.id));
    const industry = new Set(
      registry.indicators.filter((e) => e.kind === 'industry').map((e) => `${e.source[0]}|${e.measure}`),
    );
    assert.deepEqual(
      ids.observations.filter((id) => !known.has(id)),
      [],
      'indicators in the store missing from data/indicators/registry.yaml',
    );
    assert.deepEqual(
      ids.industry.filter((id) => !industry.has(id)),
      [],
      'industry measures missing from the registry',
    );
    assert.equal(ids.observations.length, 65); // 28 Explore Local Statistics, 18 ASHE pay gap, 18 living wage, population
  });

  it('declares the levels and boundary vintages the published data has', async () => {
    const rows = await query<{ indicator: string; codes: string[] }>(
      wb.store,
      `SELECT o.indicator, list(DISTINCT o.areacd) AS codes FROM observations o JOIN current_datasets d ON d.id = o.dataset_id GROUP BY 1`,
    );
    const wrong: string[] = [];
    for (const r of rows) {
      const e = registry.indicators.find((x) => x.id === r.indicator)!;
      const levels = new Set(r.codes.map(levelOf).filter((l) => l !== null));
      const declared = new Set<string>(e.levels);
      if ([...levels].sort().join() !== [...declared].sort().join())
        wrong.push(`${e.id}: levels ${[...levels].sort().join(' ')} ≠ declared ${e.levels.join(' ')}`);
      const vintages = vintagesOf(new Set(r.codes));
      for (const b of e.boundaries)
        if (!vintages.has(b)) wrong.push(`${e.id}: boundaries ${b} not borne out`);
    }
    assert.deepEqual(wrong, []);
  });

  it('derives the foundational share, employment share and GVA per head at the declared levels', async () => {
    const taxonomy = await loadTaxonomy();
    for (const e of registry.indicators.filter((x) => x.kind === 'derived')) {
      const lad = await indicatorSeries(wb, e.id, taxonomy, 'lad');
      const itl = await indicatorSeries(wb, e.id, taxonomy, 'itl3');
      const codes = new Set([...lad.rows, ...itl.rows].filter((r) => r.value !== null).map((r) => r.areacd));
      for (const b of e.boundaries) assert.ok(vintagesOf(codes).has(b), `${e.id}: ${b}`);
      const ladRows = lad.rows.filter((r) => r.level === 'lad' && r.value !== null);
      assert.ok(ladRows.length >= 318, `${e.id}: ${ladRows.length} LAD values`);
      if (e.derive!.kind === 'layer-share')
        for (const r of ladRows) assert.ok(r.value! > 0 && r.value! < 100, `${e.id} ${r.areacd} ${r.value}`);
    }
  });

  it('gives Wilson limits to the employment share and Byar limits to business births', async () => {
    const taxonomy = await loadTaxonomy();
    const share = await indicatorSeries(wb, 'foundational-share-employment', taxonomy, 'lad');
    const hartlepool = share.rows.find((r) => r.areacd === 'E06000001')!;
    assert.ok(hartlepool.lci998! < hartlepool.lci95! && hartlepool.lci95! < hartlepool.value!);
    assert.ok(hartlepool.value! < hartlepool.uci95! && hartlepool.uci95! < hartlepool.uci998!);
    const births = await indicatorSeries(wb, 'business-demography:business-births', taxonomy, 'lad');
    const withLimits = births.rows.filter((r) => r.lci95 !== null);
    assert.ok(withLimits.length > 0.95 * births.rows.filter((r) => r.value !== null).length);
    for (const r of withLimits)
      assert.ok(r.lci95! <= r.value! + 0.05 && r.value! <= r.uci95! + 0.05, r.areacd);
  });

  it('declares bounds every published value lies in (a percentage in 0–100, a pay gap in −100–100)', async () => {
    const rows = await query<{ indicator: string; lo: number; hi: number }>(
      wb.store,
      `SELECT o.indicator, min(o.observation) AS lo, max(o.observation) AS hi FROM observations o
         JOIN current_datasets d ON d.id = o.dataset_id GROUP BY 1`,
    );
    const outside = rows.filter((r) => {
      const b = boundsOf(registry.indicators.find((e) => e.id === r.indicator)!);
      return r.lo < b.min || r.hi > b.max;
    });
    assert.deepEqual(outside, []);
  });

  it('lists the registry with the store coverage of each entry', async () => {
    const { indicators: rows } = await listRegistry(wb);
    assert.equal(rows.length, registry.indicators.length);
    const pay = rows.find((r) => r.id === 'gross-median-weekly-pay')!;
    assert.equal(pay.first, '2008-04-16');
    assert.equal(pay.interval, 'published');
    assert.ok(rows.every((r) => r.polarity && r.source && r.unit));
  });
});
