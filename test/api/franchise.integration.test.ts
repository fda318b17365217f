// The franchise routes' edges on the real pack: a posted conditions file is validated (errors name
// the path in the file), an unknown body or parameter is refused, and every table has its CSV.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
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
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('/api/v1/franchise', () => {
  it('summary CSV views agree with the JSON: Leeds March 2022 to the penny', async () => {
    const s = await json(await app.request('/api/v1/franchise/summary?body=leeds'));
    assert.equal(Math.round(s.total * 100), 24_258_795_756 - Math.round(s.duplicates.total * 100));
    const months = parse(
      await (await app.request('/api/v1/franchise/summary?body=leeds&view=months&format=csv')).text(),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    assert.equal(
      months.reduce((t, m) => t + Math.round(Number(m['total']) * 100), 0),
      Math.round(s.total * 100),
    );
    const layers = parse(
      await (await app.request('/api/v1/franchise/summary?body=leeds&view=layers&format=csv')).text(),
      {
        columns: true,
      },
    ) as Record<string, string>[];
    assert.deepEqual(
      layers.map((l) => l['layer']),
      s.by_layer.map((l: { layer: string }) => l.layer),
    );
  });

  it('suppliers carry the conditions each meets, fails or cannot be known for, partitioning the file’s conditions', async () => {
    const r = await json(await app.request('/api/v1/franchise/suppliers?body=leeds'));
    const ids = Object.keys(r.condition_names).sort();
    assert.equal(ids.length, 6);
    for (const x of r.suppliers.slice(0, 50))
      assert.deepEqual([...x.meets, ...x.fails, ...x.unknown].sort(), ids, x.supplier);
    const csv = await (await app.request('/api/v1/franchise/suppliers?body=leeds&format=csv')).text();
    assert.match(csv.split('\n')[0]!, /,meets,fails,unknown$/);
  });

  it('suppliers come a page at a time: capped, sorted, searched and filtered on the server', async () => {
    const first = await json(await app.request('/api/v1/franchise/suppliers?body=leeds'));
    assert.equal(first.suppliers.length, 100);
    assert.equal(first.page.offset, 0);
    assert.equal(first.page.matched, first.page.suppliers);
    assert.ok(first.page.suppliers > 4000, String(first.page.suppliers));
    assert.deepEqual(
      first.suppliers.slice(0, 3).map((x: { rank: number }) => x.rank),
      [1, 2, 3],
    );
    assert.ok(first.review.length > 100);
    const next = await json(
      await app.request('/api/v1/franchise/suppliers?body=leeds&offset=100&limit=5&review=omit'),
    );
    assert.deepEqual(next.review, []);
    assert.deepEqual(
      next.suppliers.map((x: { rank: number }) => x.rank),
      [101, 102, 103, 104, 105],
    );
    // by pay gap, largest first: every row has one, in order
    const gaps = await json(
      await app.request(
        '/api/v1/franchise/suppliers?body=leeds&sort=gpg_median&order=desc&gap=reported&limit=50',
      ),
    );
    const g = gaps.suppliers.map((x: { gpg_median: number }) => x.gpg_median);
    assert.ok(g.length > 10 && g.every((v: number | null) => v !== null));
    assert.deepEqual(
      g,
      [...g].sort((a: number, b: number) => b - a),
    );
    // a condition's status: every row meets it, and the count matches the whole list's
    const local = await json(
      await app.request(
        '/api/v1/franchise/suppliers?body=leeds&condition=local-supply&status=meets&limit=500',
      ),
    );
    assert.ok(local.page.matched > 0);
    assert.ok(local.suppliers.every((x: { meets: string[] }) => x.meets.includes('local-supply')));
    const all = parse(
      await (await app.request('/api/v1/franchise/suppliers?body=leeds&format=csv&limit=20000')).text(),
      { columns: true },
    ) as Record<string, string>[];
    assert.equal(all.length, first.page.suppliers);
    assert.equal(
      all.filter((x) => x['meets']!.split('; ').includes('local-supply')).length,
      local.page.matched,
    );
    const search = await json(
      await app.request('/api/v1/franchise/suppliers?body=leeds&search=CARE&limit=500'),
    );
    assert.ok(search.page.matched > 0 && search.page.matched < first.page.suppliers);
    for (const [q, message] of [
      ['limit=501', /invalid limit: 501 \(at most 500 in JSON/],
      ['limit=20001&format=csv', /invalid limit/],
      ['limit=0', /invalid limit/],
      ['offset=-1', /invalid offset/],
      ['sort=postcode', /invalid sort/],
      ['status=meets', /invalid status: meets needs a condition/],
      ['condition=fair-tax&status=fails', /invalid condition: fair-tax \(one of real-living-wage/],
      ['search=' + 'x'.repeat(121), /invalid search/],
    ] as const) {
      const r = await app.request(`/api/v1/franchise/suppliers?body=leeds&${q}`);
      assert.equal(r.status, 400, q);
      assert.match((await json(r)).error, message, q);
    }
  });

  it('conditions can be asked for their totals alone, the same totals, without megabytes of verdicts', async () => {
    const d = await json(await app.request('/api/v1/franchise/conditions/default'));
    const full = await json(await app.request('/api/v1/franchise/conditions?body=leeds'));
    const lean = await json(await app.request('/api/v1/franchise/conditions?body=leeds&suppliers=omit'));
    assert.ok(full.suppliers.length > 4000);
    assert.deepEqual(lean, { ...full, suppliers: [] });
    const posted = await json(await post('/api/v1/franchise/conditions?body=leeds&suppliers=omit', d));
    assert.deepEqual(posted.totals, full.totals);
    assert.deepEqual(posted.suppliers, []);
    const verdicts = await app.request(
      '/api/v1/franchise/conditions?body=leeds&suppliers=omit&view=verdicts&format=csv',
    );
    assert.ok((await verdicts.text()).split('\n').length > 4000);
    assert.equal((await app.request('/api/v1/franchise/conditions?body=leeds&suppliers=none')).status, 400);
  });

  it('suppliers judged against a posted conditions file: its names and verdicts, the same paging', async () => {
    const d = await json(await app.request('/api/v1/franchise/conditions/default'));
    const i = d.conditions.findIndex((c: { id: string }) => c.id === 'local-supply');
    d.conditions[i] = {
      ...d.conditions[i],
      name: 'Registered office in the council’s area',
      params: { area: 'local' },
    };
    const url = '/api/v1/franchise/suppliers?body=leeds&condition=local-supply&status=meets&limit=10';
    const region = await json(await app.request(url));
    const local = await json(await post(url, d));
    assert.equal(local.condition_names['local-supply'], 'Registered office in the council’s area');
    assert.ok(local.page.matched < region.page.matched, `${local.page.matched} < ${region.page.matched}`);
    assert.equal(local.suppliers.length, 10);
    const bad = await post(url, { ...d, conditions: [{ ...d.conditions[i], params: { area: 'planet' } }] });
    assert.equal(bad.status, 400);
    assert.match((await json(bad)).error, /conditions\.0\.params\.area/);
  });

  it('a posted conditions file with a bad rule is refused naming the path; no file paths are taken', async () => {
    const bad = await post('/api/v1/franchise/conditions?body=leeds', {
      id: 'x',
      version: 1,
      title: 'X',
      conditions: [{ id: 'a', name: 'A', rule: 'read-file', evidence: 'e', params: {} }],
    });
    assert.equal(bad.status, 400);
    const e = await json(bad);
    assert.match(e.error, /conditions\.0\.rule/);
    const notJson = await post('/api/v1/franchise/conditions?body=leeds', 'not json');
    assert.equal(notJson.status, 400);
    const path = await app.request('/api/v1/franchise/conditions?body=leeds&file=/etc/passwd');
    assert.equal(path.status, 400);
  });

  it('an unknown body is a 404 naming the bodies held; a bad share a 400', async () => {
    const r = await app.request('/api/v1/franchise/summary?body=sheffield');
    assert.equal(r.status, 404);
    assert.match((await json(r)).error, /Sheffield|sheffield/);
    assert.equal((await app.request('/api/v1/franchise/whatif?body=leeds&category=*&share=2')).status, 400);
  });

  it('the default conditions file is served with its parameters; a changed copy posted back changes the totals', async () => {
    const d = await json(await app.request('/api/v1/franchise/conditions/default'));
    assert.equal(d.conditions.length, 6);
    const pay = d.conditions.find((c: { id: string }) => c.id === 'local-supply');
    assert.deepEqual(pay.params, { area: 'region' });
    const base = await json(await app.request('/api/v1/franchise/conditions?body=leeds'));
    const posted = await json(await post('/api/v1/franchise/conditions?body=leeds', d));
    assert.deepEqual(posted.totals, base.totals);
    pay.params.area = 'local';
    const local = await json(await post('/api/v1/franchise/conditions?body=leeds', d));
    const of = (r: { totals: { condition: string; meets: number }[] }) =>
      r.totals.find((t) => t.condition === 'local-supply')!.meets;
    // Leeds itself is inside West Yorkshire: fewer pounds meet the narrower rule
    assert.ok(of(local) < of(base), `${of(local)} < ${of(base)}`);
  });

  it('condition parameters are refused naming the field and value; a refused request changes no state', async () => {
    const d = await json(await app.request('/api/v1/franchise/conditions/default'));
    const before = await (await app.request('/api/v1/franchise/conditions?body=leeds&format=csv')).text();
    const register = await wb.franchiseRegister();
    // fresh apps: each address may ask ten costly analyses at once
    const [posts, gets] = [appOver(wb), appOver(wb)];
    const bad = (i: number, params: unknown) => {
      const copy = structuredClone(d);
      copy.conditions[i].params = params;
      return posts.request('/api/v1/franchise/conditions?body=leeds', {
        method: 'POST',
        body: JSON.stringify(copy),
        headers: { 'content-type': 'application/json' },
      });
    };
    const cases: [Response, RegExp][] = [
      [await bad(4, { days: 30, share: 1.2 }), /conditions\.4\.params\.share: Too big.*\(value: 1\.2\)/],
      [
        await bad(4, { days: 'thirty' }),
        /conditions\.4\.params\.days: .*expected number.*\(value: "thirty"\)/,
      ],
      [await bad(2, { area: 'planet' }), /conditions\.2\.params\.area: .*\(value: "planet"\)/],
      [await bad(3, { ratioToEconomy: 0 }), /conditions\.3\.params\.ratioToEconomy: .*\(value: 0\)/],
      [await bad(0, { companyNumbers: ['no such!'] }), /params\.companyNumbers\.0: .*\(value: "no such!"\)/],
      [await bad(5, { metric: 'coverage', grade: 'A' }), /conditions\.5\.params: Unrecognized key: "grade"/],
      [
        await gets.request('/api/v1/franchise/whatif?body=leeds&category=*&target=fair-tax'),
        /invalid target: fair-tax \(local, or one of real-living-wage/,
      ],
      [
        await gets.request('/api/v1/franchise/whatif?body=leeds&category=*&share=-0.1'),
        /invalid share: .*\(value: "-0\.1"\)/,
      ],
      [
        await gets.request('/api/v1/franchise/whatif?body=leeds&category=*&share=lots'),
        /invalid share: .*\(value: "lots"\)/,
      ],
      [await gets.request('/api/v1/franchise/whatif?body=leeds&category=*&threshold=2'), /threshold/],
      [await app.request('/api/v1/franchise/suppliers?body=leeds&period=2021-13'), /invalid period: 2021-13/],
    ];
    for (const [r, message] of cases) {
      assert.equal(r.status, 400);
      assert.match((await json(r)).error, message);
    }
    assert.equal(
      await (await app.request('/api/v1/franchise/conditions?body=leeds&format=csv')).text(),
      before,
    );
    assert.deepEqual(await wb.franchiseRegister(), register);
  });
});
