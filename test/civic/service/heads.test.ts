// The head schedule on each store: at most one signed entry per consultation per interval (also
// when instances tick at once), only when the head moved; the public sees only published heads
// while voting runs; the final head is published with the close (or on the first tick after it)
// and nothing follows it; the series and the export verify together; the series is append-only.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { verifyExport } from '../../../src/civic/chain-export.ts';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { createHeadKey, loadHeadKey } from '../../../src/civic/head-key.ts';
import { CivicService, type HeadSigner } from '../../../src/civic/service.ts';
import type { Session } from '../../../src/civic/auth/sessions.ts';
import { GOALS, RIVERSIDE } from '../consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const HOUR = 3600;

for (const kind of storeKinds()) {
  describe(`head series on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    let signer: HeadSigner;
    const dir = mkdtempSync(join(tmpdir(), 'strata-heads-'));
    const clock = testClock('2026-05-02T09:59:00Z');
    const sessions: Session[] = [];
    const vote = (i: number, ballot: string[]) =>
      svc.submitBallot({ consultationId: RIVERSIDE.id, session: sessions[i]!, ballot });

    before(async () => {
      store = freshStore(kind);
      svc = await CivicService.open(store.url, { now: clock.now });
      const file = join(dir, 'heads.key');
      createHeadKey(file);
      signer = loadHeadKey(file);
      await svc.createConsultation(ADMIN, checkConsultationFile(RIVERSIDE));
      await svc.openConsultation(ADMIN, RIVERSIDE.id);
      const batch = await svc.issueCodes(ADMIN, RIVERSIDE.id, {
        count: 6,
        expiresAt: '2026-05-09T00:00:00Z',
      });
      for (const code of batch.codes)
        sessions.push((await svc.redeem({ consultationId: RIVERSIDE.id, code, ip: 'a' })).session);
    });
    after(async () => {
      await svc.close();
      await store.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('writes the signing key 0600 and never over an existing one', () => {
      assert.equal(statSync(join(dir, 'heads.key')).mode & 0o777, 0o600);
      assert.throws(
        () => createHeadKey(join(dir, 'heads.key')),
        /exists: a signing key is never overwritten/,
      );
      assert.throws(() => createHeadKey(join(process.cwd(), 'x.key')), /inside the git repository/);
    });

    it('publishes at most once per interval, and only a head that moved', async () => {
      assert.equal((await svc.publishHeads(signer, HOUR)).length, 1, 'the first head (no ballot yet)');
      await vote(0, ['A']);
      clock.set('2026-05-02T09:59:59Z');
      assert.deepEqual(await svc.publishHeads(signer, HOUR), [], 'same interval: nothing');
      clock.set('2026-05-02T10:00:01Z');
      await vote(1, ['B']);
      const racing = await Promise.all([1, 2, 3, 4, 5].map(() => svc.publishHeads(signer, HOUR)));
      assert.equal(racing.flat().length, 1, 'five instances ticking at once append one entry');
      assert.equal(racing.flat()[0]!.count, 2);
      clock.set('2026-05-02T11:00:01Z');
      assert.deepEqual(await svc.publishHeads(signer, HOUR), [], 'the head did not move');
      await assert.rejects(svc.publishHeads(signer, 5), /invalid head interval: 5/);
    });

    it('shows the public the published head, never the live one', async () => {
      await vote(2, ['C']);
      assert.deepEqual(await svc.publicHead(RIVERSIDE.id, false), {
        hash: (await svc.headSeries(RIVERSIDE.id, false)).entries[1]!.head,
        count: 2,
        publishedAt: '2026-05-02T10:00:01.000Z',
      });
      assert.equal((await svc.publicHead(RIVERSIDE.id, true))!.count, 3, 'staff see the live head');
    });

    it('ends with the final head after the close; the series and the export verify together', async () => {
      clock.set('2026-05-02T12:30:00Z');
      await vote(3, ['A', 'B']);
      await svc.closeConsultation(ADMIN, RIVERSIDE.id);
      clock.set('2026-05-02T13:00:02Z');
      const [last] = await svc.publishHeads(signer, HOUR);
      assert.equal(last!.count, 4);
      assert.equal(last!.final, true, 'the first tick after the close publishes the final head');
      const series = await svc.headSeries(RIVERSIDE.id, false);
      assert.deepEqual(
        series.entries.map((e) => e.count),
        [0, 2, 4],
      );
      assert.deepEqual(series.keys, [signer.published]);
      assert.deepEqual(await svc.headKeys(), [signer.published]);
      const r = verifyExport(await svc.exportLog(RIVERSIDE.id), {
        heads: { series: JSON.parse(JSON.stringify(series)), pinned: signer.published },
      });
      assert.equal(r.fault, undefined);
      assert.equal(r.heads?.fault, undefined);
      assert.deepEqual(r.proven?.count, 4);
    });

    it('publishes the final head with the close, in the interval of the last head; nothing after it', async () => {
      await svc.createConsultation(ADMIN, checkConsultationFile(GOALS));
      await assert.rejects(
        svc.closeConsultation(ADMIN, GOALS.id, { signer, intervalSeconds: HOUR }),
        /never opened/,
      );
      assert.deepEqual(
        (await svc.headSeries(GOALS.id, true)).entries,
        [],
        'a refused close publishes nothing',
      );
      await svc.openConsultation(ADMIN, GOALS.id);
      const { codes } = await svc.issueCodes(ADMIN, GOALS.id, {
        count: 2,
        expiresAt: '2026-05-09T00:00:00Z',
      });
      const voters = [];
      for (const code of codes)
        voters.push((await svc.redeem({ consultationId: GOALS.id, code, ip: 'a' })).session);
      const ballot = { pay: 100, care: 0, green: 0 };
      await svc.submitBallot({ consultationId: GOALS.id, session: voters[0]!, ballot });
      clock.set('2026-05-02T14:00:05Z');
      assert.equal((await svc.publishHeads(signer, HOUR)).length, 1);
      await svc.submitBallot({ consultationId: GOALS.id, session: voters[1]!, ballot });
      clock.set('2026-05-02T14:20:00Z');
      await svc.closeConsultation(ADMIN, GOALS.id, { signer, intervalSeconds: HOUR });
      const series = await svc.headSeries(GOALS.id, false);
      assert.deepEqual(
        series.entries.map((e) => [e.count, e.at, e.final ?? false]),
        [
          [1, '2026-05-02T14:00:05.000Z', false],
          [2, '2026-05-02T14:20:00.000Z', true],
        ],
      );
      assert.equal(series.entries[1]!.head, (await svc.results(GOALS.id)).head.hash);
      const r = verifyExport(await svc.exportLog(GOALS.id), {
        heads: { series: JSON.parse(JSON.stringify(series)), pinned: signer.published },
      });
      assert.equal(r.heads?.fault, undefined);
      assert.equal(r.heads?.last?.final, true);
      clock.set('2026-05-02T15:00:05Z');
      assert.deepEqual(
        (await svc.publishHeads(signer, HOUR)).filter((e) => e.consultationId === GOALS.id),
        [],
        'no entry follows the final head',
      );
      await assert.rejects(
        svc.closeConsultation(ADMIN, GOALS.id, { signer, intervalSeconds: HOUR }),
        /already closed/,
      );
      assert.equal((await svc.headSeries(GOALS.id, true)).entries.length, 2);
    });

    it('keeps the series append-only in the store', async () => {
      await assert.rejects(
        svc.ctx.cdb.db.updateTable('head_series').set({ count: 9 }).execute(),
        /append-only/,
      );
      await assert.rejects(svc.ctx.cdb.db.deleteFrom('head_keys').execute(), /append-only/);
    });
  });
}
