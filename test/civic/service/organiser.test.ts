// The organiser's corrections on each store: a draft's title, description and dates change; a
// published one keeps its title but may move its dates until it opens; an open one changes
// nothing; only a draft without ballots is deleted. Refusals change nothing; changes are audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicError } from '../../../src/civic/errors.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { GOALS, RIVERSIDE } from '../consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const refusal = (kind: string, re: RegExp) => (e: unknown) =>
  e instanceof CivicError && e.kind === kind && re.test(e.message);

for (const kind of storeKinds()) {
  describe(`organiser corrections on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    const clock = testClock('2026-04-20T10:00:00Z');
    const row = (id: string) =>
      svc.ctx.cdb.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
    before(async () => {
      store = freshStore(kind);
      svc = await CivicService.open(store.url, { now: clock.now, mail: null });
      await svc.createConsultation(ADMIN, checkConsultationFile(RIVERSIDE));
      await svc.createConsultation(ADMIN, checkConsultationFile(GOALS));
    });
    after(async () => {
      await svc.close();
      await store.drop();
    });

    it('edits a draft’s title, description and dates, local times read in its zone', async () => {
      const r = await svc.editConsultation(ADMIN, RIVERSIDE.id, {
        title: 'Riverside fund 2026',
        description: 'Spend £30 well.',
        opens: '2026-05-04T09:00',
        closes: '2026-05-20',
      });
      assert.deepEqual(r, { opensAt: '2026-05-04T08:00:00.000Z', closesAt: '2026-05-20T23:00:00.000Z' });
      const s = await svc.consultation(RIVERSIDE.id, true);
      assert.equal(s.spec.title, 'Riverside fund 2026');
      assert.equal(s.meta.description, 'Spend £30 well.');
      const audit = (await svc.auditLog(1))[0]!;
      assert.equal(audit.action, 'consultation.edit');
      assert.deepEqual((audit.details as { fields: string[] }).fields, [
        'title',
        'description',
        'opens',
        'closes',
      ]);
    });

    it('refuses bad dates and an empty change, changing nothing', async () => {
      const before = await row(RIVERSIDE.id);
      await assert.rejects(
        svc.editConsultation(ADMIN, RIVERSIDE.id, { opens: 'next week' }),
        refusal('bad_request', /invalid opens: next week/),
      );
      await assert.rejects(
        svc.editConsultation(ADMIN, RIVERSIDE.id, { closes: '2026-05-01T00:00Z' }),
        refusal('bad_request', /must be after opens/),
      );
      await assert.rejects(
        svc.editConsultation(ADMIN, RIVERSIDE.id, { title: ' ' }),
        refusal('bad_request', /invalid title/),
      );
      await assert.rejects(
        svc.editConsultation(ADMIN, RIVERSIDE.id, {}),
        refusal('bad_request', /nothing to change/),
      );
      assert.deepEqual(await row(RIVERSIDE.id), before);
    });

    it('keeps a published title, moves its dates until it opens, then refuses every change', async () => {
      await svc.openConsultation(ADMIN, RIVERSIDE.id, { immediately: false });
      await assert.rejects(
        svc.editConsultation(ADMIN, RIVERSIDE.id, { title: 'Other' }),
        refusal('conflict', /is published: its title is part of what the ballot log commits to/),
      );
      await svc.editConsultation(ADMIN, RIVERSIDE.id, { opens: '2026-05-02T09:00Z', description: 'Moved.' });
      clock.set('2026-05-03T10:00:00Z');
      await assert.rejects(
        svc.editConsultation(ADMIN, RIVERSIDE.id, { description: 'Too late' }),
        refusal(
          'conflict',
          /opened at 2026-05-02T09:00:00.000Z: its title, description and dates can no longer change/,
        ),
      );
      assert.equal((await svc.consultation(RIVERSIDE.id, true)).meta.description, 'Moved.');
    });

    it('deletes a draft with its codes, never a published consultation', async () => {
      await assert.rejects(
        svc.deleteConsultation(ADMIN, RIVERSIDE.id),
        refusal('conflict', /is published: its ballot log is the record and is never deleted/),
      );
      await svc.issueCodes(ADMIN, GOALS.id, { count: 3, expiresAt: '2026-06-01T00:00:00Z' });
      await svc.importEligibility(ADMIN, GOALS.id, ['a@example.org']).catch(() => undefined);
      await svc.deleteConsultation(ADMIN, GOALS.id);
      const left = await svc.ctx.cdb.db
        .selectFrom('codes')
        .select('code_hash')
        .where('consultation_id', '=', GOALS.id)
        .execute();
      assert.deepEqual(left, []);
      const entry = (await svc.auditLog(1))[0]!;
      assert.deepEqual(
        [entry.action, (entry.details as { codes: number }).codes],
        ['consultation.delete', 3],
      );
      await assert.rejects(svc.consultation(GOALS.id, true), refusal('not_found', /unknown consultation/));
      await assert.rejects(
        svc.deleteConsultation(ADMIN, GOALS.id),
        refusal('not_found', /unknown consultation/),
      );
      assert.equal((await svc.auditLog(1))[0]!.action, 'consultation.delete');
    });
  });
}
