import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { IoShockPlaces } from '../../src/contract/io.ts';
import { query } from '../../src/store/db.ts';
import type { Workbench } from '../../src/workbench.ts';
import { appOver, json } from '../helpers/api.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
before(async () => {
  wb = await packWorkbench();
  app = appOver(wb);
});
after(() => wb.close());

const post = (body: unknown, type = 'application/json') =>
  app.request('/api/v1/io/shock', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': type },
  });

describe('input-output through the CLI and the API', () => {
  it('strata io multipliers --year 2019 --format csv prints the ONS 2019 Type I output, GVA and compensation multipliers', async () => {
    const csv = execFileSync(
      process.execPath,
      ['bin/strata.js', '--db', PACK_DB, 'io', 'multipliers', '--year', '2019', '--format', 'csv'],
      { encoding: 'utf8' },
    );
    const [head, ...lines] = csv.trim().split('\n');
    assert.match(
      head!,
      /^industry,name,output,gva_type1,compensation_type1,employment_type1,output_type2,gva_type2,/,
    );
    assert.equal(lines.length, 105);
    const published = await query<{ row_code: string; col_code: string; value: number }>(
      wb.store,
      `SELECT row_code, col_code, value FROM io_cells c JOIN current_datasets d ON d.id = c.dataset_id
        WHERE d.source = 'ons-ioat-2019' AND sheet = 'Multipliers' AND col_code IN ('P1', 'GVA', 'D1')`,
    );
    const ours = await json(await app.request('/api/v1/io/multipliers?year=2019'));
    let compared = 0;
    for (const p of published) {
      const row = ours.rows.find((r: { industry: string }) => r.industry === p.row_code);
      const mine = row[{ P1: 'output', GVA: 'gva_type1', D1: 'compensation_type1' }[p.col_code]!];
      assert.ok(
        Math.abs(mine - p.value) <= 1e-9 * Math.abs(p.value),
        `${p.row_code} ${p.col_code}: ${mine} vs ${p.value}`,
      );
      compared++;
    }
    assert.ok(compared >= 314, `${compared} published multipliers compared`);
  });

  it('regional multipliers carry the δ band and stay below the national ones', async () => {
    const nat = await json(await app.request('/api/v1/io/multipliers?year=2019'));
    const reg = await json(await app.request('/api/v1/io/multipliers?year=2019&area=TLC11'));
    for (const r of reg.rows) {
      const n = nat.rows.find((x: { industry: string }) => x.industry === r.industry);
      assert.ok(r.output <= n.output + 1e-12, r.industry);
      assert.ok(r.output_low <= r.output + 1e-12 && r.output <= r.output_high + 1e-12, r.industry);
    }
  });

  it('Λ, extraction and a shock for an area; shares over layers sum to the total', async () => {
    const l = await json(await app.request('/api/v1/io/layers?area=TLC11'));
    assert.equal(l.matrix.length, 6);
    assert.ok(l.matrix.every((row: number[], k: number) => row[k]! >= 1));
    const e = await json(await app.request('/api/v1/io/extract?area=TLC11&layer=foundational-material'));
    assert.ok(e.lostOutput > 0 && e.lossRest > 0);
    const res = await post({ area: 'TLC11', industry: 'Q87', amount: 10e6, interregional: true });
    assert.equal(res.status, 200);
    const s = await json(res);
    const byLayer = s.byLayer.reduce((t: number, x: { output: { total: number } }) => t + x.output.total, 0);
    assert.ok(Math.abs(byLayer - s.totals.output.total) < 1e-9 * s.totals.output.total);
    const byArea = s.byArea.reduce((t: number, x: { output: number }) => t + x.output, 0);
    assert.ok(Math.abs(byArea - s.totals.output.total) < 1e-6 * s.totals.output.total);
    assert.ok(s.convergence.type1.converged && s.convergence.type1.residual <= 1e-9);
    assert.equal(s.rollup.uk.length, 1);
  });

  it('splits an interregional shock in TLC11 into the area, the rest of Tees Valley and the rest of the UK, adding up to the UK total, with δ bands', async () => {
    const res = await post({ area: 'TLC11', industry: 'Q87', amount: 10e6, interregional: true });
    const s = await json(res);
    const { group, deltas, parts } = s.places as IoShockPlaces;
    assert.deepEqual(group, { areacd: 'E47000006', areanm: 'Tees Valley', kind: 'cauth' });
    assert.deepEqual(deltas, [0.1, 0.4]);
    const at = Object.fromEntries(parts.map((p) => [p.part, p]));
    assert.deepEqual(
      parts.map((p) => [p.label, p.areas]),
      [
        ['Hartlepool and Stockton-on-Tees', 1],
        ['Elsewhere in Tees Valley (combined authority)', 2],
        ['Rest of the UK', 176],
        ['UK total', 179],
      ],
    );
    const output = new Map<string, number>(
      s.byArea.map((a: { areacd: string; output: number }) => [a.areacd, a.output]),
    );
    // Tees Valley is TLC11, TLC12 (South Teesside) and TLC13 (Darlington)
    assert.ok(Math.abs(at['local']!.output.value - output.get('TLC11')!) < 1e-12);
    assert.ok(Math.abs(at['group']!.output.value - output.get('TLC12')! - output.get('TLC13')!) < 1e-12);
    for (const m of ['output', 'gva', 'employment'] as const) {
      const [l, g, r, t] = parts.map((p) => p[m]!.value);
      assert.equal(l! + g! + r!, t, m);
      assert.ok(Math.abs(t! - s.totals[m].total) < 1e-9 * t!, `${m}: ${t} vs ${s.totals[m].total}`);
      for (const p of parts)
        assert.ok(p[m]!.low <= p[m]!.value && p[m]!.value <= p[m]!.high, `${m} ${p.part}`);
    }
    // a higher δ keeps less at home: the local band is wide, the UK total barely moves
    assert.ok(at['local']!.output.high - at['local']!.output.low > 1);
    assert.ok(at['total']!.output.high - at['total']!.output.low < 1e-3);
  });

  it('refuses bad input with the error shape and no partial output', async () => {
    const cases: [Response, number, RegExp][] = [
      [await app.request('/api/v1/io/multipliers?delta=1'), 400, /delta/],
      [await app.request('/api/v1/io/multipliers?area=TLC99'), 404, /unknown area: TLC99/],
      [await app.request('/api/v1/io/multipliers?year=1990'), 400, /no input-output table for 1990/],
      [
        await app.request('/api/v1/io/extract?area=TLC11&layer=heavy-industry'),
        400,
        /unknown layer: heavy-industry/,
      ],
      [await app.request('/api/v1/io/multipliers?area=TLC'), 400, /ITL3 areas and local authorities/],
      [await post({ area: 'TLC11', industry: 'Z99', amount: 1e6 }), 400, /unknown industry: Z99/],
      [await post({ area: 'TLC11', industry: 'Q87', amount: 'ten' }), 400, /amount/],
      [
        await post({ area: 'TLC11', industry: 'Q87', amount: 1e6, extra: 1 }),
        400,
        /extra|unrecognized|Unrecognized/i,
      ],
      [await post('{"area": "TLC11", '), 400, /JSON|json/],
    ];
    for (const [res, status, pattern] of cases) {
      const body = await json(res);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.match(body.error, pattern);
      assert.equal(typeof body.code, 'string');
    }
  });
});
