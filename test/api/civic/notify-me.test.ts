// Leaving an address for the result over HTTP: a voter with the CSRF token is heard; without the
// token, or as a stranger, the request is refused and nothing is stored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { civicWorld, type CivicWorld } from '../civic-fixture.ts';

const P = '/api/v1/civic/consultations/riverside-2026';

describe('POST …/notify-me', () => {
  let w: CivicWorld;
  before(async () => {
    w = await civicWorld('sqlite', { mail: true });
  });
  after(() => w.close());

  it('stores a voter’s address; refuses a forged request, a stranger and unknown fields, changing nothing', async () => {
    const v = await w.voter();
    assert.equal((await v.request('POST', `${P}/ballot`, { json: { ballot: ['A'] } })).status, 200);
    const before = await w.snapshot();
    const forged = await v.request('POST', `${P}/notify-me`, {
      json: { email: 'me@example.org' },
      csrf: false,
    });
    assert.equal(forged.status, 403);
    assert.equal(
      (await w.clients.anonymous.request('POST', `${P}/notify-me`, { json: { email: 'x@example.org' } }))
        .status,
      401,
    );
    const extra = await v.request('POST', `${P}/notify-me`, {
      json: { email: 'me@example.org', admin: true },
    });
    assert.equal(extra.status, 400);
    assert.equal(await w.snapshot(), before);
    const ok = await v.request('POST', `${P}/notify-me`, { json: { email: 'me@example.org' } });
    assert.equal(ok.status, 200, await ok.text());
    const rows = await w.svc.ctx.cdb.db.selectFrom('result_notices').select('email').execute();
    assert.deepEqual(rows, [{ email: 'me@example.org' }]);
  });
});
