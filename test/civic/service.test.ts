// The civic service on each store: a consultation's life from draft to verified export,
// invitation codes, concurrent ballots forming one chain, and the refusals that guard it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { genesisHash } from '../../src/civic/chain.ts';
import { verifyExport } from '../../src/civic/chain-export.ts';
import { CivicError } from '../../src/civic/errors.ts';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { CivicService } from '../../src/civic/service.ts';
import type { Session } from '../../src/civic/auth/sessions.ts';
import { RIVERSIDE } from './consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from './stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const refusal = (kind: string) => (e: unknown) => e instanceof CivicError && e.kind === kind;

for (const kind of storeKinds()) {
  describe(`civic service on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    const clock = testClock('2026-04-20T10:00:00Z');
    const sessions: Session[] = [];
    before(async () => {
      store = freshStore(kind);
      svc = await CivicService.open(store.url, { now: clock.now });
    });
    after(async () => {
      await svc.close();
      await store.drop();
    });

    it('keeps a draft editable and fixes the rule once published', async () => {
      await svc.createConsultation(ADMIN, checkConsultationFile(RIVERSIDE));
      await assert.rejects(
        svc.createConsultation(ADMIN, checkConsultationFile(RIVERSIDE)),
        refusal('conflict'),
      );
      await svc.updateConsultation(
        ADMIN,
        RIVERSIDE.id,
        checkConsultationFile({ ...RIVERSIDE, title: 'Riverside fund' }),
      );
      assert.equal((await svc.consultation(RIVERSIDE.id, true)).spec.title, 'Riverside fund');
      await assert.rejects(svc.consultation(RIVERSIDE.id, false), refusal('not_found'));
      assert.equal(await svc.openConsultation(ADMIN, RIVERSIDE.id), 'scheduled');
      const changed = checkConsultationFile({ ...RIVERSIDE, rule: 'greedy' });
      await assert.rejects(svc.updateConsultation(ADMIN, RIVERSIDE.id, changed), refusal('conflict'));
      assert.equal((await svc.consultation(RIVERSIDE.id, false)).spec.rule, 'equalshares/add1');
      assert.deepEqual(await svc.head(RIVERSIDE.id), {
        hash: genesisHash((await svc.consultation(RIVERSIDE.id, false)).spec),
        count: 0,
      });
    });

    it('redeems each invitation code as one participant, only while the consultation is open', async () => {
      const batch = await svc.issueCodes(ADMIN, RIVERSIDE.id, {
        count: 60,
        expiresAt: '2026-05-16T00:00:00Z',
      });
      assert.equal(batch.codes.length, 60);
      assert.match(batch.codes[0]!, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      const early = svc.redeem({ consultationId: RIVERSIDE.id, code: batch.codes[0]!, ip: 'a' });
      await assert.rejects(early, refusal('unauthenticated'));
      clock.set('2026-05-02T10:00:00Z');
      for (const code of batch.codes) {
        const { session } = await svc.redeem({
          consultationId: RIVERSIDE.id,
          code: code.toLowerCase(),
          ip: 'a',
        });
        sessions.push(session);
      }
      // entered again (a closed browser), a code is the same participant, not a new one
      const again = await svc.redeem({ consultationId: RIVERSIDE.id, code: batch.codes[0]!, ip: 'b' });
      assert.equal(again.session.subject, sessions[0]!.subject);
      assert.notEqual(again.session.idHash, sessions[0]!.idHash);
      const [b] = await svc.codeBatches(RIVERSIDE.id);
      assert.deepEqual([b!.issued, b!.redeemed, b!.revoked], [60, 60, 0]);
    });

    it('chains concurrent ballots into one verifiable log; the last ballot of each voter counts', async () => {
      const votes = [['A', 'B'], ['B', 'A'], ['C', 'A'], ['A']];
      const first = await Promise.all(
        votes.map((v, i) =>
          svc.submitBallot({ consultationId: RIVERSIDE.id, session: sessions[i]!, ballot: v }),
        ),
      );
      assert.deepEqual(first.map((r) => r.seq).sort(), [0, 1, 2, 3]);
      const crowd = sessions.slice(4).map((s, i) =>
        svc.submitBallot({
          consultationId: RIVERSIDE.id,
          session: s,
          ballot: i % 2 ? ['C'] : ['B'],
          declared: { ageBand: '25-49', sex: null },
        }),
      );
      const changed = sessions
        .slice(4)
        .map((s) => svc.submitBallot({ consultationId: RIVERSIDE.id, session: s, ballot: [] }));
      const receipts = await Promise.all([...crowd, ...changed]);
      assert.equal(new Set(receipts.map((r) => r.seq)).size, 112);
      const own = await svc.ownBallot(RIVERSIDE.id, sessions[10]!);
      assert.deepEqual(own?.ballot, []);
      await assert.rejects(svc.receipt(RIVERSIDE.id, first[0]!.hash, sessions[1]!), refusal('not_found'));
      assert.deepEqual((await svc.receipt(RIVERSIDE.id, first[0]!.hash, sessions[0]!)).ballot, ['A', 'B']);
      await assert.rejects(
        svc.submitBallot({ consultationId: RIVERSIDE.id, session: sessions[0]!, ballot: ['Z'] }),
        (e: unknown) =>
          e instanceof CivicError && e.kind === 'bad_request' && /unknown option: Z/.test(e.message),
      );
      assert.equal((await svc.head(RIVERSIDE.id))!.count, 116);
    });

    it('closes: refuses later ballots, publishes the outcome, exports a log that verifies', async () => {
      await assert.rejects(svc.results(RIVERSIDE.id), refusal('conflict'));
      clock.set('2026-05-10T10:00:00Z');
      await svc.closeConsultation(ADMIN, RIVERSIDE.id);
      await assert.rejects(svc.closeConsultation(ADMIN, RIVERSIDE.id), refusal('conflict'));
      await assert.rejects(
        svc.submitBallot({ consultationId: RIVERSIDE.id, session: sessions[0]!, ballot: ['C'] }),
        refusal('closed'),
      );
      const r = await svc.results(RIVERSIDE.id);
      assert.equal(r.counted, 60);
      assert.deepEqual(r.outcome?.kind === 'budget' && r.outcome.selected, ['A', 'B']);
      const report = verifyExport(await svc.exportLog(RIVERSIDE.id), { publishedHead: r.head.hash });
      assert.equal(report.fault, undefined);
      assert.equal(report.matchesPublished, true);
      assert.equal(report.entries, 116);
      const actions = (await svc.auditLog()).map((a) => a.action);
      assert.deepEqual(actions.slice(0, 2), ['consultation.close', 'codes.issue']);
    });

    it('weights declared respondents to the population beside the raw tally', async () => {
      const cells = ['16-24', '25-49', '50-64', '65+'].map((ageBand, i) => ({
        ageBand,
        sex: null,
        population: 100 * (i + 1),
      }));
      const rep = await svc.representativeness(RIVERSIDE.id, cells);
      assert.equal(rep.counted, 60);
      assert.equal(rep.declared, 56);
      assert.equal(rep.poststratification.excluded, 4);
      assert.ok(Math.abs(rep.poststratification.uncoveredShare - 0.8) < 1e-12);
      assert.equal(rep.weighted.options.find((o) => o.id === 'A')!.weighted, 0);
    });

    it('changes an account, answering with it as changed; its sessions end', async () => {
      const password = 'long enough password';
      const a = await svc.createAccount(ADMIN, { email: 'mod@example.org', password, role: 'moderator' });
      const { token } = await svc.signIn({ email: 'MOD@example.org', password, ip: 'a' });
      const changed = await svc.updateAccount(ADMIN, a.id, { role: 'analyst', disabled: true });
      assert.deepEqual(changed, { ...a, role: 'analyst', disabled: true });
      assert.deepEqual(await svc.listAccounts(), [changed]);
      assert.equal(await svc.session(token), undefined);
    });
  });
}
