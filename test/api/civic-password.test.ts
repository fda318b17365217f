// Password change (signed in, with the current password) and reset (a staff-issued one-time
// link) over the civic API: sessions revoked, single use, expiry, the sign-in attempt limits,
// strict bodies, CSRF, the audit log, no-store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeKinds } from '../civic/stores.ts';
import { Client } from './civic-client.ts';
import { civicWorld, PASSWORD, type CivicWorld } from './civic-fixture.ts';

const CLI = { subject: 'cli:test', role: 'admin' as const };
const NEW = 'a new password that is long';
const HOUR = 3600_000;

for (const kind of storeKinds()) {
  describe(`civic password change and reset on ${kind}`, () => {
    let w: CivicWorld;
    let n = 0;
    before(async () => (w = await civicWorld(kind)));
    after(() => w.close());

    /** A fresh participant account and a client signed in to it. */
    async function account(address = '127.0.0.1'): Promise<{ email: string; id: string; c: Client }> {
      const email = `person${++n}@example.org`;
      const a = await w.svc.createAccount(CLI, { email, password: PASSWORD, verified: true });
      const c = new Client(w.app, address);
      assert.equal((await c.signIn(email, PASSWORD)).status, 200);
      return { email, id: a.id, c };
    }

    const change = (c: Client, current: string, password: string, extra = {}) =>
      c.request('POST', '/api/v1/civic/password', { json: { current, password, ...extra } });
    const reset = (c: Client, token: string, password: string) =>
      c.request('POST', '/api/v1/civic/password/reset', { json: { token, password } });
    const actions = async (target: string) =>
      (await w.svc.auditLog(1000)).filter((e) => e.target === target).map((e) => e.action);

    async function signsIn(email: string, password: string): Promise<number> {
      return (await new Client(w.app, '198.51.100.200').signIn(email, password)).status;
    }

    it('changes the password with the current one; other sessions end, this one stays', async () => {
      const { email, id, c } = await account();
      const other = new Client(w.app);
      await other.signIn(email, PASSWORD);
      assert.equal((await other.refresh()).role, 'participant');
      const res = await change(c, PASSWORD, NEW);
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal((await c.refresh()).subject, `user:${id}`);
      assert.equal((await other.refresh()).role, 'anonymous');
      assert.equal(await signsIn(email, PASSWORD), 401);
      assert.equal(await signsIn(email, NEW), 200);
      assert.deepEqual(await actions(`user:${id}`), ['account.password-change', 'account.create']);
      const entry = (await w.svc.auditLog(1000)).find((e) => e.action === 'account.password-change');
      assert.deepEqual(entry?.details, { sessionsEnded: 1 });
    });

    it('refuses a wrong current password, a short new one, extra fields and a missing CSRF token, changing nothing', async () => {
      const { email, c } = await account();
      const hash = async () =>
        (
          await w.svc.ctx.cdb.db
            .selectFrom('users')
            .select('password_hash')
            .where('email', '=', email)
            .executeTakeFirstOrThrow()
        ).password_hash;
      const before = await hash();
      assert.equal((await change(c, 'not the password', NEW)).status, 401);
      assert.equal((await change(c, PASSWORD, 'short')).status, 400);
      assert.equal((await change(c, PASSWORD, NEW, { role: 'admin' })).status, 400);
      const forged = await c.request('POST', '/api/v1/civic/password', {
        json: { current: PASSWORD, password: NEW },
        csrf: false,
      });
      assert.equal(forged.status, 403);
      assert.equal(await hash(), before);
      assert.deepEqual((await actions(`email:${email}`)).slice(0, 1), ['account.password-change-failed']);
      assert.equal(await signsIn(email, PASSWORD), 200);
    });

    it('counts wrong current passwords as failed sign-ins: the fifth locks the account', async () => {
      const { email, c } = await account('203.0.113.40');
      for (let i = 0; i < 5; i++) assert.equal((await change(c, `wrong password ${i}`, NEW)).status, 401);
      const locked = await change(c, PASSWORD, NEW);
      assert.equal(locked.status, 429);
      assert.equal(await signsIn(email, PASSWORD), 429);
      assert.ok((await actions(`email:${email}`)).includes('lockout'));
    });

    it('is refused to a session opened with an invitation code, and to no session', async () => {
      const voter = await w.voter();
      assert.equal((await change(voter, PASSWORD, NEW)).status, 403);
      const anon = new Client(w.app);
      await anon.refresh();
      assert.equal((await change(anon, PASSWORD, NEW)).status, 401);
    });

    it('resets with a one-time link: every session ends, the link works once', async () => {
      const { email, id, c } = await account();
      const { token, expiresAt } = await w.svc.issueResetToken(CLI, email);
      assert.equal(expiresAt, new Date(w.clock.now().getTime() + 24 * HOUR).toISOString());
      const stored = await w.svc.ctx.cdb.db
        .selectFrom('account_tokens')
        .selectAll()
        .where('user_id', '=', id)
        .execute();
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]!.token_hash, token, 'the token is stored hashed');
      const anon = new Client(w.app);
      await anon.refresh();
      const res = await reset(anon, token, NEW);
      assert.equal(res.status, 200, await res.clone().text());
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal((await c.refresh()).role, 'anonymous');
      assert.equal(await signsIn(email, NEW), 200);
      assert.equal((await reset(anon, token, 'yet another password')).status, 404);
      assert.equal(await signsIn(email, NEW), 200);
      assert.deepEqual((await actions(`user:${id}`)).slice(0, 2), [
        'account.password-reset',
        'account.reset-link',
      ]);
    });

    it('refuses an expired link, and an earlier link once a newer one is issued', async () => {
      const { email } = await account();
      const anon = new Client(w.app);
      await anon.refresh();
      const first = await w.svc.issueResetToken(CLI, email);
      const second = await w.svc.issueResetToken(CLI, email);
      assert.equal((await reset(anon, first.token, NEW)).status, 404);
      w.clock.advance(24 * HOUR + 1000);
      try {
        assert.equal((await reset(anon, second.token, NEW)).status, 404);
      } finally {
        w.clock.advance(-(24 * HOUR + 1000));
      }
      assert.equal(await signsIn(email, PASSWORD), 200);
      await assert.rejects(w.svc.issueResetToken(CLI, 'nobody@example.org'), /no account/);
    });

    it('counts failed redemptions per address: the twentieth locks the address, audited', async () => {
      const anon = new Client(w.app, '203.0.113.77');
      await anon.refresh();
      for (let i = 0; i < 20; i++) assert.equal((await reset(anon, `guess${i}`, NEW)).status, 404);
      const { email } = await account();
      const { token } = await w.svc.issueResetToken(CLI, email);
      assert.equal((await reset(anon, token, NEW)).status, 429);
      const log = await actions('address:203.0.113.77');
      assert.equal(log.filter((a) => a === 'account.password-reset-failed').length, 20);
      assert.ok(log.includes('lockout'));
      assert.equal(await signsIn(email, PASSWORD), 200, 'a refused reset changed the password');
    });

    it('the link opens a page whose form sets the password once', async () => {
      const { email } = await account();
      const { token } = await w.svc.issueResetToken(CLI, email);
      const browser = new Client(w.app);
      await browser.refresh();
      const form = await browser.request('GET', `/participate/reset?token=${token}`);
      assert.equal(form.status, 200);
      assert.equal(form.headers.get('cache-control'), 'no-store');
      assert.match(await form.text(), new RegExp(`name="token" value="${token}"`));
      const post = () => browser.request('POST', '/participate/reset', { form: { token, password: NEW } });
      const done = await post();
      assert.equal(done.status, 200);
      assert.match(await done.text(), /Your password is set/);
      const again = await post();
      assert.equal(again.status, 404);
      assert.match(await again.text(), /this reset link does not work/);
      assert.equal(await signsIn(email, NEW), 200);
    });
  });
}
