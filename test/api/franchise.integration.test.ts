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
