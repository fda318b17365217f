// 10,000 malformed requests (fast-check, seeded): the API answers each with a 4xx in the one
// error shape (or a 2xx/304 when the random request happens to be valid), never a 5xx, and
// stays up afterwards.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../src/api/server.ts';
import type { Workbench } from '../../src/workbench.ts';
import { appOver } from '../helpers/api.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
before(async () => {
  wb = await packWorkbench();
  app = appOver(wb);
});
after(() => wb.close());

const segment = fc.oneof(
  fc.constantFrom(
    'areas',
    'layers',
    'indicators',
    'datasets',
    'boundaries',
    'E06000001',
    'TLC11',
    'lad',
    'itl3',
    '..',
    '%2e%2e',
    '%00',
    '%ZZ',
    '',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
);
const key = fc.constantFrom(
  'level',
  'q',
  'year',
  'limit',
  'format',
  'measure',
  'taxonomy',
  'period',
  'x',
  '',
  'level[]',
  '__proto__',
);
const value = fc.oneof(
  fc.constantFrom(
    'lad',
    'itl3',
    'all',
    'latest',
    '2022',
    '-1',
    '1e309',
    'NaN',
    'csv',
    'xml',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '%',
    '%%',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 30 }),
);
const query = fc
  .array(fc.tuple(key, value), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&'));
const request = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
  path: fc.array(segment, { minLength: 0, maxLength: 4 }).map((s) => '/api/v1/' + s.join('/')),
  query,
  body: fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.json({ maxDepth: 3 })), { nil: undefined }),
  accept: fc.constantFrom('application/json', 'text/csv', '*/*', '', 'text/html'),
});

describe('fuzzing the API with malformed requests', () => {
  it('10,000 requests: no 5xx, every error in the one shape', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const init: RequestInit = {
          method: r.method,
          headers: { accept: r.accept, 'content-type': 'application/json' },
        };
        if (r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD') init.body = r.body;
        const res = await app.request(`${r.path}?${r.query}`, init);
        checked++;
        assert.ok(res.status < 500, `${r.method} ${r.path}?${r.query.slice(0, 200)} → ${res.status}`);
        if (res.status >= 400 && r.method !== 'HEAD') {
          const body = (await res.json()) as Record<string, unknown>;
          assert.equal(typeof body.error, 'string');
          assert.equal(typeof body.code, 'string');
        }
      }),
      { numRuns: 10_000, seed: 20261128 },
    );
    assert.equal(checked, 10_000);
    assert.equal((await app.request('/api/v1/areas/E06000001')).status, 200);
  });

  it('a real server on 127.0.0.1 stays up through malformed requests and path traversal attempts', async () => {
    const server = await startServer({ db: PACK_DB, port: 0 });
    try {
      const attempts = [
        '/..%2f..%2fetc%2fpasswd',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/assets/..%5c..%5cpackage.json',
        '/a%00.js',
        '/%ZZ',
      ];
      for (const p of attempts) {
        // Clients normalise `..` before sending, so a traversal either arrives as `..` and is
        // refused (4xx, error shape) or arrives as an ordinary app path and gets the app page:
        // never a file from outside the web folder.
        const res = await fetch(server.url.replace(/\/$/, '') + p);
        const text = await res.text();
        assert.ok(!/root:|"name": "strata"/.test(text), `${p} leaked a file`);
        if (res.status >= 400) {
          assert.ok(res.status < 500, `${p} → ${res.status}`);
          assert.equal(typeof (JSON.parse(text) as Record<string, unknown>).code, 'string', p);
        } else {
          assert.match(res.headers.get('content-type') ?? '', /text\/html/, p);
        }
      }
      const samples = fc.sample(request, { numRuns: 300, seed: 7 });
      for (const r of samples) {
        const res = await fetch(`${server.url.replace(/\/$/, '')}${r.path}?${r.query}`, {
          method: r.method === 'HEAD' ? 'HEAD' : 'GET',
        });
        assert.ok(res.status < 500, `${r.path} → ${res.status}`);
        await res.arrayBuffer();
      }
      assert.equal((await fetch(server.url + 'api/v1/health')).status, 200);
    } finally {
      await server.close();
    }
  });
});
