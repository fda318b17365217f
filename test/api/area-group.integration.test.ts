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
});
