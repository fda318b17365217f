// GET /api/v1/franchise/register and POST /api/v1/franchise/tender over a store holding one
// Find a Tender release package (written in the published OCDS schema): the register's promises
// and ratings with their CSV, and tender scoring refused whole when its weights are wrong.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Workbench } from '../../src/workbench.ts';
import { appOver, json } from '../helpers/api.ts';
import { tenderPackage } from '../helpers/ocds-fixture.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
before(async () => {
  wb = await Workbench.open(':memory:');
  const dir = mkdtempSync(join(tmpdir(), 'strata-register-'));
  writeFileSync(join(dir, 'fts-2026-04.json'), JSON.stringify(tenderPackage()));
  await wb.franchiseImport(dir);
  app = appOver(wb);
});
after(() => wb.close());

const post = (url: string, body: unknown) =>
  app.request(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

const TENDER = {
  criteria: [
    { id: 'price', name: 'Price', weight: 0.6, kind: 'price' },
    { id: 'quality', name: 'Quality', weight: 0.3, kind: 'quality' },
    { id: 'sv', name: 'Social value', weight: 0.1, kind: 'social-value' },
  ],
  bids: [
    { bidder: 'A', price: 80000, marks: { quality: 50, sv: 20 } },
    { bidder: 'B', price: 100000, marks: { quality: 90, sv: 100 } },
  ],
};

describe('/api/v1/franchise/register', () => {
  it('lists each condition promised and its latest rating, and the history, in JSON and CSV', async () => {
    const r = await json(await app.request('/api/v1/franchise/register'));
    assert.equal(r.conditions.length, 1);
    assert.equal(r.history.length, 2);
    const c = r.conditions[0];
    assert.equal(c.events, 2);
    assert.notEqual(c.promised, null);
    assert.deepEqual(r, await wb.franchiseRegister());
    // the contract's buyer and suppliers (a joint award), from the awards in the same package
    assert.equal(c.body, 'Manchester City Council');
    assert.deepEqual(c.suppliers, ['Manchester Care Co-operative', 'Northern Life Care Limited']);
    assert.deepEqual(await json(await app.request('/api/v1/franchise/register?body=manchester')), r);
    assert.deepEqual(await json(await app.request('/api/v1/franchise/register?body=leeds')), {
      conditions: [],
      history: [],
    });
    const rows = parse(await (await app.request('/api/v1/franchise/register?format=csv')).text(), {
      columns: true,
    }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((x) => [x['conditionId'], x['body'], x['suppliers'], x['latest'], x['events']]),
      [
        [
          c.conditionId,
          'Manchester City Council',
          'Manchester Care Co-operative; Northern Life Care Limited',
          c.latest,
          '2',
        ],
      ],
    );
    const history = parse(
      await (await app.request('/api/v1/franchise/register?view=history&format=csv')).text(),
      { columns: true },
    ) as Record<string, string>[];
    assert.deepEqual(
      history.map((h) => h['status']),
      r.history.map((h: { status: string }) => h.status),
    );
  });
  it('refuses an unknown view or parameter, a file path among them', async () => {
    for (const q of ['view=all', 'file=/etc/passwd', 'body=../../etc', 'body=' + 'x'.repeat(121)]) {
      const res = await app.request(`/api/v1/franchise/register?${q}`);
      assert.equal(res.status, 400, q);
    }
  });
});

describe('POST /api/v1/franchise/tender', () => {
  it('scores and ranks the bids; the CSV has one row per bid and criterion', async () => {
    const r = await json(await post('/api/v1/franchise/tender', TENDER));
    // A: 0.6·100 + 0.3·50 + 0.1·20 = 77; B: 0.6·80 + 0.3·90 + 0.1·100 = 85.
    assert.deepEqual(
      r.bids.map((b: { bidder: string; rank: number; total: number }) => [
        b.bidder,
        b.rank,
        Math.round(b.total * 1e9) / 1e9,
      ]),
      [
        ['B', 1, 85],
        ['A', 2, 77],
      ],
    );
    const csv = parse(await (await post('/api/v1/franchise/tender?format=csv', TENDER)).text(), {
      columns: true,
    }) as Record<string, string>[];
    assert.equal(csv.length, 6);
    assert.deepEqual(csv[0], {
      rank: '1',
      bidder: 'B',
      price: '100000',
      total: '85',
      criterion: 'price',
      name: 'Price',
      kind: 'price',
      weight: '0.6',
      mark: '80',
      weighted: '48',
    });
  });
  it('refuses weights under the social-value minimum, stray fields and non-JSON naming the field; the store is unchanged', async () => {
    const before = await wb.franchiseRegister();
    const cases: [Response, RegExp][] = [
      [
        await post('/api/v1/franchise/tender', {
          ...TENDER,
          criteria: [
            { ...TENDER.criteria[0]!, weight: 0.65 },
            TENDER.criteria[1],
            { ...TENDER.criteria[2]!, weight: 0.05 },
          ],
        }),
        /invalid criteria: social value weighs 5\.0 %, below the 10 % minimum/,
      ],
      [
        await post('/api/v1/franchise/tender', { ...TENDER, path: '/etc/passwd' }),
        /Unrecognized key: "path"/,
      ],
      [
        await post('/api/v1/franchise/tender', { ...TENDER, bids: Array(201).fill(TENDER.bids[0]) }),
        /invalid bids: Too big/,
      ],
      [await post('/api/v1/franchise/tender', { ...TENDER, minSocialValue: 0 }), /invalid minSocialValue/],
    ];
    for (const [res, message] of cases) {
      assert.equal(res.status, 400);
      assert.match((await json(res)).error, message);
    }
    const notJson = await app.request('/api/v1/franchise/tender', {
      method: 'POST',
      body: 'criteria=1',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(notJson.status, 400);
    assert.deepEqual(await wb.franchiseRegister(), before);
  });
});
