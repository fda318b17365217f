// The finance routes on the real pack: the examples to start from; a posted policy run with the
// rows a page asks for (the UK's, one area's, or a level's for some measures, summing to the
// UK); bad bodies refused naming the path in the file; no file paths over HTTP; caps on the
// work one request may ask for; the run is on the costly-route list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { FINANCE_API_CAPS } from '../../src/api/analytics/finance.ts';
import { COSTLY_ROUTES } from '../../src/api/limits.ts';
import { FinanceReport, type FinanceExamples } from '../../src/contract/finance.ts';
import type { Workbench } from '../../src/workbench.ts';
import { appOver, json } from '../helpers/api.ts';
import { financeExamples, policyFromValue } from '../../src/workbench/finance.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
before(async () => {
  wb = await packWorkbench();
  app = appOver(wb);
});
after(() => wb.close());

const policy = (id: string) =>
  structuredClone(financeExamples().examples.find((e) => e.id === id)!.policy) as Record<string, unknown>;
const post = (query: string, body: unknown) =>
  app.request(`/api/v1/finance/run${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('GET /api/v1/finance/examples', () => {
  it('lists the shipped examples with their policies, in JSON and CSV', async () => {
    const r = (await json(await app.request('/api/v1/finance/examples'))) as FinanceExamples;
    assert.deepEqual(
      r.examples.map((e) => e.id),
      ['collective-dc', 'local-sliver', 'mansion-house', 'public-capital'],
    );
    assert.ok(r.examples.every((e) => e.policy['example'] === true));
    const csv = await (await app.request('/api/v1/finance/examples?format=csv')).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    assert.equal(csv.split('\n')[0], 'id,title,file,policies');
    assert.equal(
      rows.find((x) => x['id'] === 'public-capital')!['file'],
      'data/finance/examples/public-capital.yaml',
    );
  });
});

describe('POST /api/v1/finance/run', () => {
  it('runs a posted policy: the UK rows by default, every percentile, the same as the workbench', async () => {
    const res = await post('?paths=500', policy('collective-dc'));
    assert.equal(res.status, 200, await res.clone().text());
    const r = FinanceReport.parse(await res.json());
    assert.equal(r.paths, 500);
    assert.ok(r.rows.length > 0 && r.rows.every((x) => x.areacd === 'K02000001'));
    const pot = r.rows.find((x) => x.measure === 'income_replacement' && x.p10 !== null)!;
    assert.ok(pot.p05 <= pot.p10! && pot.p10! <= pot.p25! && pot.p25! <= pot.p50 && pot.p50 <= pot.p75!);
    const direct = await wb.finance(policyFromValue(policy('collective-dc')), { paths: 500, workers: 1 });
    assert.deepEqual(
      r.rows,
      direct.rows.filter((x) => x.level === 'uk'),
    );
  });

  it('gives every district’s capital mobilised on asking, summing to the UK; CSV with the documented columns', async () => {
    const q = '?paths=300&level=lad&measure=capital_mobilised';
    const r = FinanceReport.parse(await (await post(q, policy('local-sliver'))).json());
    const lad = r.rows.filter((x) => x.level === 'lad');
    assert.ok(lad.every((x) => x.measure === 'capital_mobilised'));
    assert.equal(new Set(lad.map((x) => x.areacd)).size, 361);
    const year = r.years.at(-1)!;
    for (const policyId of new Set(lad.map((x) => x.policy))) {
      const uk = r.rows.find(
        (x) =>
          x.level === 'uk' && x.policy === policyId && x.measure === 'capital_mobilised' && x.year === year,
      )!;
      const sum = lad.filter((x) => x.policy === policyId && x.year === year).reduce((t, x) => t + x.mean, 0);
      assert.ok(Math.abs(sum - uk.mean) <= 1e-9 * Math.abs(uk.mean), `${policyId}: ${sum} vs ${uk.mean}`);
    }
    const csv = await (await post(q + '&format=csv', policy('local-sliver'))).text();
    assert.equal(csv.split('\n')[0], 'policy,year,areacd,measure,p05,p50,p95,mean');
  });

  it('refuses a bad policy naming the path in the body, and an unknown area with 404', async () => {
    const p = policy('local-sliver');
    (p['policies'] as { share: number }[])[0]!.share = 1.5;
    const bad = await post('?paths=100', p);
    assert.equal(bad.status, 400);
    const body = await json(bad);
    assert.equal(body.code, 'invalid_file');
    assert.match(body.error, /request body: policies\.0\.share: must be at most 1/);
    assert.equal((await post('?paths=100&area=E99999999', policy('collective-dc'))).status, 404);
    assert.equal((await post('', '{not json')).status, 400);
  });

  it('names no file: a returns file in the body is refused', async () => {
    const res = await post('?paths=100', { ...policy('collective-dc'), returns: '/etc/passwd' });
    assert.equal(res.status, 400);
    assert.match((await json(res)).error, /returns: a returns file cannot be named here/);
  });

  it('caps the work one request may ask for, before any is done', async () => {
    const many = await post(`?paths=${FINANCE_API_CAPS.paths + 1}`, policy('collective-dc'));
    assert.equal(many.status, 400);
    assert.match((await json(many)).error, /paths/);
    const long = await post('', { ...policy('collective-dc'), paths: 20_000, horizon: 60 });
    assert.equal(long.status, 400);
    const e = await json(long);
    assert.equal(e.code, 'too_large');
    assert.match(e.error, /paths × years 1,200,000 is above this server's limit of 1,000,000/);
    assert.ok(COSTLY_ROUTES.includes('POST /api/v1/finance/run'));
  });
});
