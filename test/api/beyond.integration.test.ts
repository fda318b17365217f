import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type { Workbench } from '../../src/workbench.ts';
import { appOver, json } from '../helpers/api.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
before(async () => {
  wb = await packWorkbench();
  app = appOver(wb);
});
after(() => wb.close());

const post = (url: string, body: unknown) =>
  app.request(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('beyond-GDP API on the real pack', () => {
  it('serves the registry and an indicator table with limits, verdicts and trends, in JSON and CSV', async () => {
    const reg = await json(await app.request('/api/v1/registry'));
    assert.ok(reg.indicators.length >= 80);
    const t = await json(await app.request('/api/v1/registry/gross-median-weekly-pay'));
    assert.equal(t.rows.length, 361);
    const hartlepool = t.rows.find((r: { areacd: string }) => r.areacd === 'E06000001');
    assert.ok(hartlepool.lci998 < hartlepool.lci95 && hartlepool.uci95 < hartlepool.uci998);
    assert.ok(['better', 'similar', 'worse'].includes(hartlepool.vsNational['95']));
    const csv = await app.request('/api/v1/registry/gross-median-weekly-pay?format=csv');
    assert.match(
      await csv.text(),
      /^areacd,areanm,period,value,lci95,uci95,lci998,uci998,status,region,vs_national_95/,
    );
  });

  it('serves every registry indicator published by area at each atlas level it declares, with its label', async () => {
    const reg = await json(await app.request('/api/v1/registry'));
    const byArea = reg.indicators.filter((i: { kind: string }) => i.kind !== 'industry');
    assert.ok(byArea.length >= 70, `${byArea.length} indicators`);
    for (const i of byArea as { id: string; label: string; levels: string }[]) {
      assert.notEqual(i.label, i.id, `${i.id} has a label`);
      const levels = i.levels.split(' ').filter((l) => ['lad', 'itl3', 'cauth'].includes(l));
      assert.ok(levels.length > 0, `${i.id} can be mapped at some atlas level`);
      for (const level of levels) {
        const res = await app.request(`/api/v1/registry/${encodeURIComponent(i.id)}?level=${level}`);
        assert.equal(res.status, 200, `${i.id} at ${level}`);
        const t = await json(res);
        assert.equal(t.indicator.label, i.label);
        assert.ok(
          t.rows.filter((r: { value: number | null }) => r.value !== null).length >= 10,
          `${i.id} at ${level}`,
        );
      }
    }
  });

  it("serves one area's series of an indicator, every period with its limits and the nation's value; CSV too", async () => {
    const s = await json(await app.request('/api/v1/registry/gross-median-weekly-pay/series?area=E06000001'));
    assert.equal(s.areanm, 'Hartlepool');
    const years = s.rows.map((r: { year: number }) => r.year);
    assert.equal(years[0], 2008);
    assert.equal(years.at(-1), 2025);
    assert.deepEqual(years, [...years].sort());
    // the latest value and limits are the indicator table's, the national value its comparator
    const t = await json(await app.request('/api/v1/registry/gross-median-weekly-pay?level=lad'));
    const last = s.rows.at(-1);
    const row = t.rows.find((r: { areacd: string }) => r.areacd === 'E06000001');
    assert.equal(last.period, t.period);
    assert.deepEqual([last.value, last.lci95, last.uci95], [row.value, row.lci95, row.uci95]);
    assert.equal(last.national, t.national.value);
    // derived for a combined authority: one row per year
    const ca = await json(await app.request('/api/v1/registry/foundational-share-gva/series?area=E47000006'));
    assert.equal(ca.level, 'cauth');
    assert.ok(ca.rows.length >= 20 && ca.rows.every((r: { value: number }) => r.value > 0 && r.value < 100));
    const csv = await app.request(
      '/api/v1/registry/gross-median-weekly-pay/series?area=E06000001&format=csv',
    );
    assert.match(
      await csv.text(),
      /^areacd,areanm,period,year,value,lci95,uci95,lci998,uci998,status,national\n/,
    );
    const refused = await app.request('/api/v1/registry/population/series?area=E06000001');
    assert.equal(refused.status, 400);
    assert.match((await json(refused)).error, /population is not published at lad level/);
  });

  it('compares an area with its nearest neighbours on a profile', async () => {
    const c = await json(
      await app.request(
        '/api/v1/compare/E06000001?nearest=5&profile=gross-median-weekly-pay,foundational-share-gva&indicators=gross-median-weekly-pay',
      ),
    );
    assert.equal(c.neighbours.length, 5);
    assert.deepEqual(
      c.rows[0].comparators.map((x: { kind: string }) => x.kind),
      ['national', 'region', 'nearest'],
    );
  });

  it('runs a posted composite and refuses gaps with their list (422) and too many runs (400)', async () => {
    const example = await json(await app.request('/api/v1/composite/example'));
    const r = await json(
      await post('/api/v1/composite', { ...example, uncertainty: { ...example.uncertainty, runs: 200 } }),
    );
    assert.equal(r.rows.length, 361);
    assert.ok(r.rows.every((x: { rankP05: number; rankP95: number }) => x.rankP05 <= x.rankP95));
    assert.equal(r.sobol.length, 4);
    const gaps = await post('/api/v1/composite', { ...example, imputation: { method: 'none' } });
    assert.equal(gaps.status, 422);
    const body = await json(gaps);
    assert.equal(body.code, 'missing_values');
    assert.ok(body.details.gaps.includes('E06000053 gross-median-weekly-pay'));
    assert.equal((await post('/api/v1/composite', { ...example, uncertainty: { runs: 1e6 } })).status, 400);
  });

  it('gives example missions by id and checks a posted mission, naming each path', async () => {
    const list = await json(await app.request('/api/v1/missions'));
    assert.equal(list.missions.length, 5);
    const m = await json(await app.request('/api/v1/missions/connectivity-for-all?area=E06000001'));
    assert.equal(m.areas.length, 1);
    assert.equal(m.mission.source, 'data/missions/examples/connectivity-for-all.yaml');
    const mission = parse(readFileSync('data/missions/examples/decarbonisation.yaml', 'utf8'));
    const ok = await post('/api/v1/missions/status?format=csv', mission);
    assert.equal(ok.status, 200);
    assert.equal((await ok.text()).trim().split('\n').length, 363);
    const bad = await post('/api/v1/missions/status', {
      ...mission,
      indicators: [{ ...mission.indicators[0], unit: '%', target: { year: 2050, value: -5 } }],
    });
    assert.equal(bad.status, 400);
    const b = await json(bad);
    assert.equal(b.code, 'invalid_file');
    assert.deepEqual(
      b.details.issues.map((i: { path: string }) => i.path),
      ['indicators.0.unit', 'indicators.0.target.value'],
    );
  });

  it('serves entitlements for the default floors and for posted ones', async () => {
    const d = await json(await app.request('/api/v1/entitlements?area=E06000001'));
    assert.equal(d.rows.length, 5);
    const floors = await json(await app.request('/api/v1/entitlements/floors'));
    floors.floors[0].floor = 50;
    const lower = await json(await post('/api/v1/entitlements?view=summary', floors));
    assert.ok(lower.summary[0].areasBelow < 360);
    const csv = await post('/api/v1/entitlements?view=ranking&format=csv', floors);
    assert.match(
      await csv.text(),
      /^rank,areacd,areanm,cost_per_head,median_rank,rank_p05,rank_p95,floors_below/,
    );
    floors.floors[0].unit = 'mins';
    const bad = await json(await post('/api/v1/entitlements', floors));
    assert.deepEqual(bad.details.issues, [
      { path: 'floors.0.unit', message: 'wrong unit: mins (gigabit-capable-broadband is in %)' },
    ]);
  });

  it('serves the gender lens by layer and size as CSV', async () => {
    const res = await app.request('/api/v1/gender?view=sizes', { headers: { accept: 'text/csv' } });
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(
      await res.text(),
      /^layer,size,employers,weight,mean,p10,p25,median,p75,p90,share_men_paid_more\n/,
    );
  });
});
