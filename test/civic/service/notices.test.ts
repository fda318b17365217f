// Result notices on each store, through a real SMTP server in this process: a voter leaves an
// address (a new one replaces it); after the close each address gets one message with the
// results page and is deleted; non-voters, bad addresses and a running consultation are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicError } from '../../../src/civic/errors.ts';
import { CivicService, type Session } from '../../../src/civic/service.ts';
import { mailbox } from '../mailbox.ts';
import { GOALS } from '../consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const refusal = (kind: string, re: RegExp) => (e: unknown) =>
  e instanceof CivicError && e.kind === kind && re.test(e.message);

for (const kind of storeKinds()) {
  describe(`result notices on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    let mail: Awaited<ReturnType<typeof mailbox>>;
    const sessions: Session[] = [];
    const clock = testClock('2026-05-02T10:00:00Z');
    const stored = () =>
      svc.ctx.cdb.db.selectFrom('result_notices').select('email').orderBy('email').execute();
    before(async () => {
      mail = await mailbox();
      store = freshStore(kind);
      svc = await CivicService.open(store.url, {
        now: clock.now,
        mail: { smtpUrl: mail.url, from: 'consult@council.example', publicUrl: 'https://vote.example.org' },
      });
      await svc.createConsultation(ADMIN, checkConsultationFile(GOALS));
      await svc.openConsultation(ADMIN, GOALS.id);
      const { codes } = await svc.issueCodes(ADMIN, GOALS.id, {
        count: 3,
        expiresAt: '2026-05-10T00:00:00Z',
      });
      for (const code of codes)
        sessions.push((await svc.redeem({ consultationId: GOALS.id, code, ip: 'a' })).session);
      const ballot = Object.fromEntries(GOALS.options.map((o, i) => [o.id, i === 0 ? 100 : 0]));
      for (const s of sessions.slice(0, 2))
        await svc.submitBallot({ consultationId: GOALS.id, session: s, ballot });
    });
    after(async () => {
      await svc.close();
      await store.drop();
      await mail.close();
    });

    it('keeps one address per voter, refusing non-voters and bad addresses', async () => {
      await svc.leaveAddress(GOALS.id, sessions[0]!, 'old@example.org');
      await svc.leaveAddress(GOALS.id, sessions[0]!, ' Resident@Example.org ');
      await svc.leaveAddress(GOALS.id, sessions[1]!, 'neighbour@example.org');
      await assert.rejects(
        svc.leaveAddress(GOALS.id, sessions[2]!, 'x@example.org'),
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
      assert.deepEqual(
        (await stored()).map((r) => r.email),
        ['neighbour@example.org', 'resident@example.org'],
      );
      // a notice cannot be joined to the published log (its key is not a voter's pseudonym) or time a ballot
      const rows = await svc.ctx.cdb.db
        .selectFrom('result_notices')
        .select(['voter', 'created_at'])
        .execute();
      const voters = new Set(
        (await svc.ctx.cdb.db.selectFrom('ballots').select('voter').execute()).map((b) => b.voter),
      );
      assert.equal(voters.size, 2);
      assert.ok(rows.every((r) => /^[0-9a-f]{64}$/.test(r.voter) && !voters.has(r.voter)));
      assert.deepEqual(
        rows.map((r) => r.created_at),
        ['2026-05-02', '2026-05-02'],
      );
    });

    it('sends nothing while voting runs; after the close, one message each, then forgets the addresses', async () => {
      await assert.rejects(svc.notifyResults(ADMIN, GOALS.id), refusal('conflict', /still open/));
      clock.set('2026-05-16T10:00:00Z');
      assert.deepEqual(await svc.notifyResults(ADMIN, GOALS.id), { sent: 2, failed: 0 });
      const m = await mail.next('resident@example.org');
      assert.equal(m.subject, `Result: ${GOALS.title}`);
      assert.match(m.text, /https:\/\/vote\.example\.org\/participate\/goals-2026\/results/);
      assert.match(m.text, /Your address has now been deleted/);
      assert.equal((await mail.next('neighbour@example.org')).subject, `Result: ${GOALS.title}`);
      assert.deepEqual(mail.inbox, [], 'nothing to the replaced address');
      assert.deepEqual(await stored(), []);
      assert.deepEqual(await svc.notifyResults(ADMIN, GOALS.id), { sent: 0, failed: 0 });
      const entry = (await svc.auditLog(2))[1]!;
      assert.deepEqual([entry.action, entry.details], ['results.notify', { sent: 2, failed: 0 }]);
      assert.ok(!JSON.stringify(await svc.auditLog(20)).includes('resident@'), 'no address in the audit log');
      await assert.rejects(
        svc.leaveAddress(GOALS.id, sessions[0]!, 'late@example.org'),
        refusal('closed', /not open/),
      );
    });
  });
}
