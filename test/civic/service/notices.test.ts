// Result notices on each store, through a real SMTP server in this process, double opt-in: a voter
// leaves an address (a new one replaces it) and gets a message with a single-use, expiring link;
// only confirmed addresses are ever sent the result, unconfirmed ones are deleted unsent; two
// sending runs racing mail nobody twice; a failed address is retried, a sent one never again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicError } from '../../../src/civic/errors.ts';
import { CivicService, type Session } from '../../../src/civic/service.ts';
import { mailbox, type Mail } from '../mailbox.ts';
import { GOALS } from '../consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const refusal = (kind: string, re: RegExp) => (e: unknown) =>
  e instanceof CivicError && e.kind === kind && re.test(e.message);
const tokenOf = (m: Mail) => /notify-confirm\?token=([A-Za-z0-9_-]{43})/.exec(m.text)![1]!;
const VOTERS = 8;

for (const kind of storeKinds()) {
  describe(`result notices on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    let mail: Awaited<ReturnType<typeof mailbox>>;
    const sessions: Session[] = [];
    const clock = testClock('2026-05-02T10:00:00Z');
    const settings = () => ({
      smtpUrl: mail.url,
      from: 'consult@council.example',
      publicUrl: 'https://vote.example.org',
    });
    const stored = () =>
      svc.ctx.cdb.db.selectFrom('result_notices').select(['email', 'state']).orderBy('email').execute();
    before(async () => {
      mail = await mailbox();
      store = freshStore(kind);
      svc = await CivicService.open(store.url, { now: clock.now, mail: settings() });
      await svc.createConsultation(ADMIN, checkConsultationFile(GOALS));
      await svc.openConsultation(ADMIN, GOALS.id);
      const { codes } = await svc.issueCodes(ADMIN, GOALS.id, {
        count: VOTERS + 1,
        expiresAt: '2026-05-10T00:00:00Z',
      });
      for (const code of codes)
        sessions.push((await svc.redeem({ consultationId: GOALS.id, code, ip: 'a' })).session);
      const ballot = Object.fromEntries(GOALS.options.map((o, i) => [o.id, i === 0 ? 100 : 0]));
      for (const s of sessions.slice(0, VOTERS))
        await svc.submitBallot({ consultationId: GOALS.id, session: s, ballot });
    });
    after(async () => {
      await svc.close();
      await store.drop();
      await mail.close();
    });

    it('keeps one unconfirmed address per voter and mails it a link; refuses non-voters and bad addresses, storing nothing', async () => {
      await svc.leaveAddress(GOALS.id, sessions[0]!, 'old@example.org');
      const replaced = await mail.next('old@example.org');
      await svc.leaveAddress(GOALS.id, sessions[0]!, ' Resident@Example.org ');
      await svc.leaveAddress(GOALS.id, sessions[1]!, 'neighbour@example.org');
      await assert.rejects(
        svc.leaveAddress(GOALS.id, sessions[VOTERS]!, 'x@example.org'),
        refusal('conflict', /vote first/),
      );
      await assert.rejects(
        svc.leaveAddress(GOALS.id, sessions[1]!, 'not an address'),
        refusal('bad_request', /invalid e-mail address/),
      );
      await assert.rejects(
        svc.leaveAddress(GOALS.id, sessions[1]!, 'a@example.org,b@example.org'),
        refusal('bad_request', /invalid e-mail address/),
      );
      assert.deepEqual(await stored(), [
        { email: 'neighbour@example.org', state: 'unconfirmed' },
        { email: 'resident@example.org', state: 'unconfirmed' },
      ]);
      const m = await mail.next('resident@example.org');
      assert.match(m.subject, /^Confirm: the result of What should the local economy/);
      assert.match(m.text, /https:\/\/vote\.example\.org\/participate\/notify-confirm\?token=/);
      assert.match(m.text, /an address not confirmed is never sent the result/);
      // stored: the token's hash only, and a day (never a moment) for the link's expiry
      const rows = await svc.ctx.cdb.db.selectFrom('result_notices').selectAll().execute();
      const token = tokenOf(m);
      assert.ok(rows.every((r) => r.token_hash !== token && /^[0-9a-f]{64}$/.test(r.token_hash!)));
      assert.deepEqual([...new Set(rows.map((r) => r.token_expires_at))], ['2026-05-04T00:00:00.000Z']);
      // a notice cannot be joined to the published log (its key is not a voter's pseudonym) or time a ballot
      const voters = new Set(
        (await svc.ctx.cdb.db.selectFrom('ballots').select('voter').execute()).map((b) => b.voter),
      );
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.voter) && !voters.has(r.voter)));
      assert.deepEqual(
        rows.map((r) => r.created_at),
        ['2026-05-02', '2026-05-02'],
      );
      // the replaced address's link no longer works, with the answer any bad link gets
      await assert.rejects(svc.confirmAddress(tokenOf(replaced)), refusal('bad_request', /not valid/));
      const n = await mail.next('neighbour@example.org');
      (globalThis as { neighbourToken?: string }).neighbourToken = tokenOf(n);
    });

    it('confirms with the link once; a used, mistyped or expired link gets one answer and changes nothing', async () => {
      const token = (globalThis as { neighbourToken?: string }).neighbourToken!;
      await assert.rejects(
        svc.confirmAddress(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')),
        refusal('bad_request', /not valid/),
      );
      await assert.rejects(svc.confirmAddress('short'), refusal('bad_request', /not valid/));
      await svc.confirmAddress(token);
      await assert.rejects(svc.confirmAddress(token), refusal('bad_request', /not valid/));
      assert.deepEqual(await stored(), [
        { email: 'neighbour@example.org', state: 'confirmed' },
        { email: 'resident@example.org', state: 'unconfirmed' },
      ]);
      // more voters confirm; one leaves it too late
      for (let i = 2; i < VOTERS; i++) {
        await svc.leaveAddress(GOALS.id, sessions[i]!, `voter${i}@example.org`);
        const t = tokenOf(await mail.next(`voter${i}@example.org`));
        if (i === VOTERS - 1) {
          clock.set('2026-05-04T00:00:00Z');
          await assert.rejects(svc.confirmAddress(t), refusal('bad_request', /not valid/));
        } else await svc.confirmAddress(t);
      }
      assert.equal((await stored()).filter((r) => r.state === 'confirmed').length, VOTERS - 2);
    });

    it('after the close, two racing runs mail each confirmed address exactly once; unconfirmed ones are deleted unsent', async () => {
      await assert.rejects(svc.notifyResults(ADMIN, GOALS.id), refusal('conflict', /still open/));
      clock.set('2026-05-16T10:00:00Z');
      const other = await CivicService.open(store.url, { now: clock.now, mail: settings() });
      const reports = await Promise.all([
        svc.notifyResults(ADMIN, GOALS.id),
        other.notifyResults(ADMIN, GOALS.id),
      ]);
      await other.close();
      assert.equal(reports[0]!.sent + reports[1]!.sent, VOTERS - 2);
      assert.equal(reports[0]!.failed + reports[1]!.failed, 0);
      const received = mail.inbox.splice(0).filter((m) => m.subject === `Result: ${GOALS.title}`);
      assert.equal(received.length, VOTERS - 2, 'one message per confirmed address, none twice');
      assert.equal(new Set(received.map((m) => m.to)).size, VOTERS - 2);
      assert.ok(
        !received.some((m) => m.to === 'resident@example.org' || m.to === `voter${VOTERS - 1}@example.org`),
      );
      assert.match(received[0]!.text, /https:\/\/vote\.example\.org\/participate\/goals-2026\/results/);
      assert.deepEqual(
        [...new Set((await stored()).map((r) => JSON.stringify(r)))],
        [JSON.stringify({ email: '', state: 'sent' })],
        'addresses blanked once sent; unconfirmed ones gone',
      );
      assert.deepEqual(await svc.notifyResults(ADMIN, GOALS.id), {
        sent: 0,
        failed: 0,
        unconfirmed: 0,
        inFlight: 0,
      });
      const entries = (await svc.auditLog(20)).filter((e) => e.action === 'results.notify');
      assert.equal(entries.length, 3);
      assert.ok(
        !JSON.stringify(await svc.auditLog(50)).includes('@example.org'),
        'no address in the audit log',
      );
      await assert.rejects(
        svc.leaveAddress(GOALS.id, sessions[0]!, 'late@example.org'),
        refusal('closed', /not open/),
      );
    });

    it('keeps a failed address for the next run, which sends it once', async () => {
      const voter = 'retry';
      await svc.ctx.cdb.db
        .insertInto('result_notices')
        .values({
          consultation_id: GOALS.id,
          voter,
          email: 'retry@example.org',
          created_at: '2026-05-02',
          state: 'confirmed',
          token_hash: null,
          token_expires_at: null,
          claim: null,
        })
        .execute();
      const dead = await mailbox();
      await dead.close();
      const broken = await CivicService.open(store.url, {
        now: clock.now,
        mail: { ...settings(), smtpUrl: dead.url },
      });
      assert.deepEqual(await broken.notifyResults(ADMIN, GOALS.id), {
        sent: 0,
        failed: 1,
        unconfirmed: 0,
        inFlight: 0,
      });
      await broken.close();
      const row = await svc.ctx.cdb.db
        .selectFrom('result_notices')
        .select(['email', 'state'])
        .where('voter', '=', voter)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { email: 'retry@example.org', state: 'failed' });
      assert.deepEqual(await svc.notifyResults(ADMIN, GOALS.id), {
        sent: 1,
        failed: 0,
        unconfirmed: 0,
        inFlight: 0,
      });
      assert.equal((await mail.next('retry@example.org')).subject, `Result: ${GOALS.title}`);
      assert.deepEqual(await svc.notifyResults(ADMIN, GOALS.id), {
        sent: 0,
        failed: 0,
        unconfirmed: 0,
        inFlight: 0,
      });
      assert.deepEqual(mail.inbox, []);
    });

    it('refuses an address when no mail server is configured, storing nothing', async () => {
      const none = await CivicService.open(store.url, {
        now: () => new Date('2026-05-02T10:00:00Z'),
        mail: null,
      });
      try {
        const before = await stored();
        await assert.rejects(
          none.leaveAddress(GOALS.id, sessions[0]!, 'me@example.org'),
          refusal('conflict', /sends no e-mail/),
        );
        assert.deepEqual(await stored(), before);
      } finally {
        await none.close();
      }
    });
  });
}
