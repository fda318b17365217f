import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { sendError } from '../../src/api/errors.ts';
import { serveWeb } from '../../src/api/static.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-web-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Strata</title>');
writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(tmpdir(), 'secret.txt'), 'not for the web');
const app = new Hono();
app.onError((e, c) => sendError(c, e));
app.get('*', (c) => serveWeb(c, dir));

describe('static web files', () => {
  it('serves files, long-caches assets, falls back to index.html for app routes', async () => {
    const js = await app.request('/assets/app.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /javascript/);
    assert.match(js.headers.get('cache-control')!, /immutable/);
    const page = await app.request('/area/E06000001');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Strata/);
    assert.equal((await app.request('/nope.js')).status, 404);
  });
  for (const path of [
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets%5c..%5c..%5csecret.txt',
    '/a%00.js',
    '/%E0%A4%A',
  ]) {
    it(`refuses ${path} with a 4xx in the error shape`, async () => {
      const res = await app.request(path);
      assert.ok(res.status === 400 || res.status === 404, `${res.status}`);
      const body = (await res.json()) as { code: string };
      assert.ok(['bad_path', 'not_found'].includes(body.code));
    });
  }
});
