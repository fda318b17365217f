import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AreaGroupProfile } from '../../src/contract/area-group.ts';
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

const TEES = 'E06000001,E06000002,E06000003,E06000004,E06000005';

describe('custom area groups over HTTP on the real pack', () => {
  it('a URL list and a posted file give the same group, equal to the combined authority, in the contract', async () => {
    const res = await app.request(`/api/v1/areas/group?areas=${TEES}&name=Tees%20boroughs`);
    assert.equal(res.status, 200);
    const g = AreaGroupProfile.parse(await json(res));
    const ca = await json(await app.request('/api/v1/areas/E47000006'));
    const last = g.layers.rows.at(-1)!;
    const caLast = ca.layers.rows.at(-1)!;
    assert.equal(last.layer, caLast.layer);
    assert.ok(Math.abs(last.value - caLast.value) < 1e-6, `${last.value} vs ${caLast.value}`);
    assert.deepEqual(
      [...new Set(g.comparators.rows.map((r) => r.areanm))],
      ['Tees boroughs', 'England', 'United Kingdom'],
    );
    const posted = await app.request('/api/v1/areas/group', {
      method: 'POST',
      body: JSON.stringify({ name: 'Tees boroughs', areas: TEES.split(',') }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(posted.status, 200);
    assert.deepEqual((await json(posted)).layers, g.layers);
  });

  it('refuses a bad group with a 400 naming the entry and the value', async () => {
    const dup = await app.request('/api/v1/areas/group?areas=E06000001,E06000001&name=x');
    assert.equal(dup.status, 400);
    assert.match((await json(dup)).error, /areas\.1: duplicate area E06000001/);
    const unknown = await app.request('/api/v1/areas/group?areas=E06000001,E47000099&name=x');
    assert.equal(unknown.status, 400);
    assert.match((await json(unknown)).error, /areas\.1: unknown combined authority: E47000099/);
    const noName = await app.request(`/api/v1/areas/group?areas=${TEES}`);
    assert.equal(noName.status, 400);
    const posted = await app.request('/api/v1/areas/group', {
      method: 'POST',
      body: JSON.stringify({ name: 'Mixed', areas: ['E06000001', 'TLC11'] }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(posted.status, 400);
    assert.match((await json(posted)).error, /request body: areas\.1: mixed levels/);
  });

  it('CSV stays plain RFC 4180 by default; excel=1 adds a byte-order mark, rounding and the source', async () => {
    const plain = await app.request('/api/v1/layers?level=lad&year=latest&format=csv');
    const plainBytes = Buffer.from(await plain.arrayBuffer());
    assert.notDeepEqual([...plainBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(plainBytes.toString('utf8'), /^areacd,areanm,year,layer,value,share,lq\n/);
    const res = await app.request('/api/v1/layers?level=lad&year=latest&format=csv&excel=1');
    assert.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const hartlepool = text
      .split('\r\n')
      .find((l) => l.startsWith('E06000001,Hartlepool,') && l.includes('tradeable'))!;
    const [, , , , value, share, lq] = hartlepool.split(',');
    assert.match(value!, /^\d+(\.\d{1,2})?$/);
    assert.match(share!, /^0\.\d{1,4}$/);
    assert.match(lq!, /^\d\.\d{1,4}$/);
    assert.match(
      text,
      /\r\n\r\n"Source: Office for National Statistics, Regional gross value added .*"\r\n$/,
    );
    const asJson = await app.request('/api/v1/layers?level=lad&year=latest&excel=1');
    assert.equal(asJson.status, 400);
    assert.match((await json(asJson)).error, /excel: it goes with format=csv/);
  });
});
