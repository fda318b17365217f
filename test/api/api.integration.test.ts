import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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

const get = (url: string, headers: Record<string, string> = {}) => app.request(url, { headers });

describe('HTTP API on the real pack', () => {
  it('returns the Hartlepool profile', async () => {
    const res = await get('/api/v1/areas/E06000001');
    assert.equal(res.status, 200);
    const p = await json(res);
    assert.equal(p.area.areanm, 'Hartlepool');
    assert.equal(p.area.parents[0].areacd, 'TLC11');
    assert.equal(p.layers.years[0], 1998);
    const pay = p.indicators.find((i: { indicator: string }) => i.indicator === 'gross-median-weekly-pay');
    assert.ok(pay.lci95 < pay.value && pay.value < pay.uci95);
    assert.ok(pay.comparators.some((c: { areacd: string }) => c.areacd === 'K02000001'));
  });

  it('pins one error shape: 400 names the field, 404 names the code', async () => {
    const bad = await get('/api/v1/layers?level=parish');
    assert.equal(bad.status, 400);
    const body = await json(bad);
    assert.deepEqual(Object.keys(body).sort(), ['code', 'details', 'error']);
    assert.equal(body.code, 'bad_request');
    assert.equal(body.details.field, 'level');
    assert.match(body.error, /^invalid level: /);
    const missing = await get('/api/v1/areas/E06999999');
    assert.equal(missing.status, 404);
    assert.deepEqual(await json(missing), { error: 'unknown area: E06999999', code: 'not_found' });
    const route = await get('/api/v1/nothing-here');
    assert.equal(route.status, 404);
    assert.equal((await json(route)).code, 'not_found');
  });

  it('searches names and codes literally: % and _ are not wildcards', async () => {
    assert.equal((await json(await get('/api/v1/areas?q=' + encodeURIComponent('%_')))).areas.length, 0);
    const hits = (await json(await get('/api/v1/areas?q=hartle'))).areas as { areacd: string }[];
    assert.ok(hits.some((a) => a.areacd === 'E06000001'));
  });

  it('refuses an oversized body with 413 in the error shape', async () => {
    const res = await app.request('/api/v1/areas', {
      method: 'POST',
      body: 'x'.repeat(70 * 1024),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 413);
    assert.equal((await json(res)).code, 'payload_too_large');
  });

  it('serves CSV for every table route, by query or Accept header', async () => {
    for (const url of [
      '/api/v1/areas?level=itl3',
      '/api/v1/layers?level=itl1&year=2022',
      '/api/v1/indicators',
      '/api/v1/indicators/gross-median-weekly-pay?level=lad',
      '/api/v1/datasets',
    ]) {
      const byQuery = await get(url + (url.includes('?') ? '&' : '?') + 'format=csv');
      assert.equal(byQuery.status, 200, url);
      assert.match(byQuery.headers.get('content-type')!, /^text\/csv/);
      const byAccept = await get(url, { accept: 'text/csv' });
      assert.equal(await byAccept.text(), await byQuery.text(), url);
    }
    const layers = await (await get('/api/v1/layers?level=itl3&year=2022&format=csv')).text();
    assert.equal(layers.split('\n')[0], 'areacd,areanm,year,layer,value,share,lq');
    assert.equal(layers.trim().split('\n').length, 1 + 179 * 6);
  });

  it('answers repeats with an ETag, 304 and gzip', async () => {
    const first = await get('/api/v1/layers?level=itl3');
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    assert.match(first.headers.get('cache-control')!, /max-age/);
    assert.equal((await get('/api/v1/layers?level=itl3', { 'if-none-match': etag })).status, 304);
    const gz = await get('/api/v1/layers?level=itl3', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
  });

  it('lists datasets with provenance and licence', async () => {
    const { datasets } = await json(await get('/api/v1/datasets'));
    const itl3 = datasets.find((d: { source: string }) => d.source === 'ons-gva-itl3-cp');
    assert.equal(itl3.publisher, 'Office for National Statistics');
    assert.equal(itl3.licence, 'Open Government Licence v3.0');
    assert.match(itl3.sha256, /^[0-9a-f]{64}$/);
  });

  it('serves LAD and ITL3 boundaries as TopoJSON', async () => {
    for (const [level, layer] of [
      ['lad', 'ltla'],
      ['itl3', 'itl3'],
    ]) {
      const topo = await json(await get(`/api/v1/boundaries/${level}`));
      assert.equal(topo.type, 'Topology', level);
      assert.ok(Object.keys(topo.objects).includes(layer), `${level}: ${Object.keys(topo.objects)}`);
    }
  });
});
