// The limits on costly routes: a bounded number run at once (503 busy beyond the wait list),
// a token bucket per client address (429 with Retry-After), and routes not listed untouched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { createApp } from '../../src/api/app.ts';
import { clientAddresses } from '../../src/api/client-address.ts';
import { sendError } from '../../src/api/errors.ts';
import { COSTLY_ROUTES, costlyRoutes, routeMatcher } from '../../src/api/limits.ts';
import { Workbench } from '../../src/workbench.ts';

function app(limits: Parameters<typeof costlyRoutes>[1], now?: () => number) {
  const a = new Hono();
  a.onError((e, c) => sendError(c, e));
  a.use('*', clientAddresses(null));
  a.use('*', costlyRoutes(['POST /slow'], limits, now));
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  a.post('/slow', async (c) => {
    await held;
    return c.json({ ok: true });
  });
  a.post('/cheap', (c) => c.json({ ok: true }));
  const send = (path: string, address = '192.0.2.1') =>
    a.request(path, { method: 'POST' }, { incoming: { socket: { remoteAddress: address } } });
  return { send, release };
}

describe('costly route limits', () => {
  it('runs a bounded number at once and refuses beyond the wait list as busy', async () => {
    const { send, release } = app({ concurrency: 2, waiting: 1, perMinute: 600, burst: 100 });
    const pending = [send('/slow'), send('/slow'), send('/slow')];
    const refused = await send('/slow');
    assert.equal(refused.status, 503);
    assert.equal(((await refused.json()) as { code: string }).code, 'busy');
    assert.equal((await send('/cheap')).status, 200, 'a route not listed is untouched');
    release();
    assert.deepEqual(
      (await Promise.all(pending)).map((r) => r.status),
      [200, 200, 200],
    );
  });

  it('lets one address make `burst` requests, then one per refill; other addresses are unaffected', async () => {
    let t = 0;
    const { send, release } = app({ concurrency: 10, waiting: 10, perMinute: 6, burst: 3 }, () => t);
    release();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send('/slow')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const limited = await send('/slow');
    assert.equal(limited.headers.get('retry-after'), '10');
    assert.equal(((await limited.json()) as { code: string }).code, 'rate_limited');
    assert.equal((await send('/slow', '198.51.100.1')).status, 200);
    t += 10_000;
    assert.equal((await send('/slow')).status, 200);
  });

  it('matches a {name} segment to any one segment, and nothing more', () => {
    const costly = routeMatcher(['GET /api/v1/reports/{area}', 'POST /api/v1/io/shock']);
    assert.ok(costly('GET /api/v1/reports/E06000001'));
    assert.ok(costly('POST /api/v1/io/shock'));
    assert.ok(!costly('GET /api/v1/reports/E06000001/input'));
    assert.ok(!costly('GET /api/v1/reports/'));
    assert.ok(!costly('GET /api/v1/reportsX/E06000001'));
    assert.ok(!costly('POST /api/v1/io/shockX'));
  });

  it('names only routes the app serves', async () => {
    const workbench = await Workbench.open(':memory:');
    try {
      const served = new Set(
        createApp({ workbench, webDir: null }).routes.map((r) => `${r.method} ${r.path}`),
      );
      for (const route of COSTLY_ROUTES) {
        const hono = route.replace(/\{(\w+)\}/g, ':$1');
        assert.ok(served.has(hono), `${route} is not served`);
      }
    } finally {
      workbench.close();
    }
  });
});
