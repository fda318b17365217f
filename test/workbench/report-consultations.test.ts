// The consultations an area's report states, on each civic store: a consultation with ballots,
// signed heads and a close, read as of a date while voting ran (no result) and after the close
// (the published outcome, the closed log's head, the last signed head by then), and the section
// that prints them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../src/civic/consultation-file.ts';
import { createHeadKey, loadHeadKey } from '../../src/civic/head-key.ts';
import { CivicService, type HeadSigner } from '../../src/civic/service.ts';
import type { Session } from '../../src/civic/auth/sessions.ts';
import { consultationsSection } from '../../src/reports/consultations-section.ts';
import { consultationsAsOf } from '../../src/workbench/report-consultations.ts';
import { GOALS, RIVERSIDE } from '../civic/consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../civic/stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const HOUR = 3600;

for (const kind of storeKinds()) {
  describe(`consultations in a report, on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    let signer: HeadSigner;
    const dir = mkdtempSync(join(tmpdir(), 'strata-report-civic-'));
    const clock = testClock('2026-05-02T09:59:00Z');
    const sessions: Session[] = [];
    const vote = (i: number, ballot: string[]) =>
      svc.submitBallot({ consultationId: RIVERSIDE.id, session: sessions[i]!, ballot });

    before(async () => {
      store = freshStore(kind);
      svc = await CivicService.open(store.url, { now: clock.now, mail: null });
      createHeadKey(join(dir, 'heads.key'));
      signer = loadHeadKey(join(dir, 'heads.key'));
      await svc.createConsultation(ADMIN, checkConsultationFile(RIVERSIDE));
      await svc.openConsultation(ADMIN, RIVERSIDE.id);
      // a draft is not on record
      await svc.createConsultation(ADMIN, checkConsultationFile({ ...GOALS, id: 'goals-draft' }));
      const batch = await svc.issueCodes(ADMIN, RIVERSIDE.id, {
        count: 3,
        expiresAt: '2026-05-09T00:00:00Z',
      });
      for (const code of batch.codes)
        sessions.push((await svc.redeem({ consultationId: RIVERSIDE.id, code, ip: 'a' })).session);
      await vote(0, ['A', 'B']);
      await vote(1, ['A']);
      await svc.publishHeads(signer, HOUR);
      clock.set('2026-05-03T10:00:00Z');
      await vote(2, ['B', 'C']);
      await vote(1, ['A', 'C']); // a changed ballot: the voter's last counts
      await svc.publishHeads(signer, HOUR);
      clock.set('2026-05-16T08:00:00Z');
      // closing publishes the final head, stating the whole log
      await svc.closeConsultation(ADMIN, RIVERSIDE.id, { signer, intervalSeconds: HOUR });
    });
    after(async () => {
      await svc.close();
      await store.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('states no result while voting ran, and the signed heads published by then', async () => {
      const [c, ...rest] = (await consultationsAsOf(svc.registers, '2026-05-02')).get('E06000001')!;
      assert.equal(rest.length, 0, 'the draft is not on record');
      assert.equal(c!.state, 'open');
      assert.deepEqual([c!.ballots, c!.result, c!.head, c!.closedAt], [null, [], null, null]);
      assert.equal(c!.signedCount, 1);
      assert.deepEqual(
        [c!.signed!.seq, c!.signed!.count, c!.signed!.key, c!.signed!.final],
        [0, 2, signer.published.fingerprint, false],
      );
      assert.match(
        consultationsSection({ consultations: [c!] }),
        /not the final head: voting was still open/,
      );

      assert.equal((await consultationsAsOf(svc.registers, '2026-04-30')).size, 0, 'not yet open');
    });

    it('states the published outcome, the closed log’s head and the last signed head after the close', async () => {
      const [c] = (await consultationsAsOf(svc.registers, '2026-05-20')).get('E06000001')!;
      const head = await svc.head(RIVERSIDE.id);
      assert.equal(c!.state, 'closed');
      assert.equal(c!.closedAt, '2026-05-16T08:00:00.000Z');
      assert.equal(c!.ballots, 3, 'three voters, one of them changed their ballot');
      assert.deepEqual(c!.head, { hash: head!.hash, count: 4 });
      assert.deepEqual([c!.signedCount, c!.signed!.seq, c!.signed!.count, c!.signed!.final], [3, 2, 4, true]);
      const series = await svc.headSeries(RIVERSIDE.id, false);
      assert.equal(series.entries.at(-1)!.final, true);
      assert.equal(c!.signed!.at, series.entries.at(-1)!.at);
      assert.equal(c!.rule, 'equalshares/add1');
      assert.equal(c!.openPoll, true);
      // Equal Shares on {A,B} {A,C} {B,C}, £10 each: B (£10) at £5 a supporter first; then A and C
      // (£20) have £15 among their supporters. Raising each voter's share (add1) to £13.33 makes
      // both affordable at £11.67 a supporter; the tie goes to A (same cost and votes, published first).
      assert.deepEqual(c!.result.slice(0, 5), [
        'rule: equalshares/add1',
        'selected (2), in order:',
        '  B Bike racks',
        '  A Play area',
        'spent: 30 of 30',
      ]);
    });

    it('prints the section with the open-poll warning, the head and how to verify', async () => {
      const cs = (await consultationsAsOf(svc.registers, '2026-05-20')).get('E06000001')!;
      const html = consultationsSection({ consultations: cs });
      assert.match(html, /<h2 id="consultations-h">Consultations and their verified results<\/h2>/);
      assert.match(html, /an open poll: its results are not a vote/);
      assert.ok(html.includes(`<code>${cs[0]!.head!.hash}</code> (4 entries)`));
      assert.match(
        html,
        /3 published by this date; the last, no\. 2 at [^;]*, covers 4 entries, signed by key <code>[^<]+<\/code>; <strong>the final signed head<\/strong>/,
      );
      assert.match(
        html,
        /strata civic verify riverside-2026\.jsonl --heads riverside-2026-heads\.json --key/,
      );
      assert.match(
        consultationsSection({ consultations: [] }),
        /No consultation held in this area is on record/,
      );
    });
  });
}
