// The organiser's routes: edit a consultation before it opens, delete a draft, read the turnout.
// Administrators edit and delete (moderators read the turnout too); a resident, a voter or an
// anonymous caller is refused, as is a request without the CSRF token, and a refused request
// changes nothing. A published consultation, one with ballots above all, is never deleted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { civicWorld, type CivicWorld } from '../civic-fixture.ts';
import type { Client } from '../civic-client.ts';

const C = '/api/v1/civic/consultations';
const DRAFT = `${C}/draft-2026`;
const OPEN = `${C}/riverside-2026`;

describe('civic organiser routes', () => {
  let w: CivicWorld;
  let voter: Client;
  before(async () => {
    w = await civicWorld('sqlite');
    voter = await w.voter();
    assert.equal((await voter.request('POST', `${OPEN}/ballot`, { json: { ballot: ['A'] } })).status, 200);
  });
  after(() => w.close());

  /** Sends a request that must be refused with `status`, and checks the store did not change. */
  const refused = async (c: Client, method: string, path: string, status: number, sent = {}) => {
    const before = await w.snapshot();
    const res = await c.request(method, path, sent);
    assert.equal(res.status, status, `${method} ${path}: ${await res.clone().text()}`);
    assert.equal(await w.snapshot(), before, `${method} ${path} changed the store`);
    return ((await res.json()) as { error: string }).error;
  };

  it('refuses the anonymous, residents, voters and moderators, and a request without the CSRF token', async () => {
    const edit = { json: { title: 'Taken over' } };
    for (const [method, path, sent] of [
      ['PATCH', DRAFT, edit],
      ['DELETE', DRAFT, {}],
      ['DELETE', OPEN, {}],
    ] as const) {
      await refused(w.clients.anonymous, method, path, 401, sent);
      await refused(w.clients.participant, method, path, 403, sent);
      await refused(voter, method, path, 403, sent);
      await refused(w.clients.moderator, method, path, 403, sent);
      await refused(w.clients.analyst, method, path, 403, sent);
      assert.match(
        await refused(w.clients.admin, method, path, 403, { ...sent, csrf: false }),
        /missing or wrong CSRF token/,
      );
    }
    await refused(w.clients.anonymous, 'GET', `${OPEN}/turnout`, 401);
    await refused(w.clients.participant, 'GET', `${OPEN}/turnout`, 403);
    await refused(voter, 'GET', `${OPEN}/turnout`, 403);
  });

  it('refuses bad edits with a 400 naming the field, changing nothing', async () => {
    const admin = w.clients.admin;
    assert.match(await refused(admin, 'PATCH', DRAFT, 400, { json: {} }), /nothing to change/);
    assert.match(await refused(admin, 'PATCH', DRAFT, 400, { json: { status: 'open' } }), /status/);
    assert.match(
      await refused(admin, 'PATCH', DRAFT, 400, { json: { closes: 'soon' } }),
      /invalid closes: soon/,
    );
    assert.match(
      await refused(admin, 'PATCH', DRAFT, 400, {
        json: { opens: '2026-06-10T09:00Z', closes: '2026-06-01T09:00Z' },
      }),
      /must be after opens/,
    );
    assert.match(await refused(admin, 'PATCH', DRAFT, 400, { json: { title: 'x'.repeat(201) } }), /title/);
  });

  it('edits a draft, and refuses to edit one that is open', async () => {
    const admin = w.clients.admin;
    const res = await admin.request('PATCH', DRAFT, {
      json: { title: 'Goals, revised', closes: '2026-06-30' },
    });
    assert.equal(res.status, 200, await res.clone().text());
    const d = (await res.json()) as { consultation: { title: string }; closesAt: string; phase: string };
    assert.deepEqual([d.consultation.title, d.phase], ['Goals, revised', 'draft']);
    // a date alone is the end of that day in the consultation's zone: midnight after it, London summer time
    assert.equal(d.closesAt, '2026-06-30T23:00:00.000Z');
    const audit = await w.svc.auditLog(5);
    assert.equal(audit[0]!.action, 'consultation.edit');
    assert.match(
      await refused(admin, 'PATCH', OPEN, 409, { json: { description: 'late change' } }),
      /opened at .*can no longer change/,
    );
  });

  it('never deletes a published consultation (with ballots or not); deletes a draft', async () => {
    const admin = w.clients.admin;
    assert.match(await refused(admin, 'DELETE', OPEN, 409), /is published: its ballot log is the record/);
    assert.match(await refused(admin, 'DELETE', `${C}/no-such-2026`, 404), /no-such-2026/);
    const res = await admin.request('DELETE', DRAFT);
    assert.equal(res.status, 200, await res.clone().text());
    assert.deepEqual(await res.json(), { deleted: 'draft-2026' });
    assert.equal((await admin.request('GET', DRAFT)).status, 404);
    assert.equal((await w.svc.auditLog(1))[0]!.action, 'consultation.delete');
  });

  it('gives moderators and administrators the turnout, small counts withheld', async () => {
    for (const c of [w.clients.moderator, w.clients.admin]) {
      const res = await c.request('GET', `${OPEN}/turnout`);
      assert.equal(res.status, 200);
      const t = (await res.json()) as {
        phase: string;
        threshold: number;
        rows: { group: string; voters: number | null }[];
      };
      assert.deepEqual([t.phase, t.threshold], ['open', 10]);
      assert.deepEqual(t.rows[0], {
        breakdown: 'all',
        group: 'all',
        voters: null,
        electorate: null,
        turnout: null,
      });
    }
  });
});
