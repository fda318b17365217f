// Revoking single codes on each store: unused codes only, all or nothing, audited without the
// codes; a revoked code no longer opens a ballot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicError } from '../../../src/civic/errors.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { GOALS } from '../consultation-fixture.ts';
import { freshStore, storeKinds, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const refusal = (kind: string, re: RegExp) => (e: unknown) =>
  e instanceof CivicError && e.kind === kind && re.test(e.message);

for (const kind of storeKinds()) {
  describe(`revoking codes on ${kind}`, () => {
    let store: TestStore;
    let svc: CivicService;
    let codes: string[];
    const clock = testClock('2026-05-02T10:00:00Z');
    const revoked = async () => (await svc.codeBatches(GOALS.id)).reduce((a, b) => a + b.revoked, 0);
    before(async () => {
      store = freshStore(kind);
      svc = await CivicService.open(store.url, { now: clock.now, mail: null });
      await svc.createConsultation(ADMIN, checkConsultationFile(GOALS));
      await svc.openConsultation(ADMIN, GOALS.id);
      codes = (await svc.issueCodes(ADMIN, GOALS.id, { count: 6, expiresAt: '2026-05-10T00:00:00Z' })).codes;
      await svc.redeem({ consultationId: GOALS.id, code: codes[0]!, ip: 'a' });
    });
    after(async () => {
      await svc.close();
      await store.drop();
    });

    it('refuses the whole request for a used or unknown code, revoking nothing', async () => {
      await assert.rejects(
        svc.revokeCodes(ADMIN, GOALS.id, [codes[1]!, codes[0]!]),
        refusal(
          'conflict',
          new RegExp(`already used, so they cannot be revoked: ${codes[0]}; nothing was revoked`),
        ),
      );
      await assert.rejects(
        svc.revokeCodes(ADMIN, GOALS.id, [codes[1]!, 'AAAAA-BBBBB-CCCCC-DDDDD']),
        refusal(
          'bad_request',
          /not codes of consultation goals-2026: AAAAA-BBBBB-CCCCC-DDDDD; nothing was revoked/,
        ),
      );
      await assert.rejects(
        svc.revokeCodes(ADMIN, GOALS.id, []),
        refusal('bad_request', /invalid number of codes: 0/),
      );
      assert.equal(await revoked(), 0);
    });

    it('revokes unused codes however they are typed, once; a revoked code opens nothing', async () => {
      const typed = codes[1]!.toLowerCase().replace(/-/g, ' ');
      assert.deepEqual(await svc.revokeCodes(ADMIN, GOALS.id, [typed, codes[2]!]), {
        revoked: 2,
        already: 0,
      });
      assert.deepEqual(await svc.revokeCodes(ADMIN, GOALS.id, [codes[2]!, codes[3]!]), {
        revoked: 1,
        already: 1,
      });
      assert.equal(await revoked(), 3);
      await assert.rejects(
        svc.redeem({ consultationId: GOALS.id, code: codes[1]!, ip: 'b' }),
        refusal('unauthenticated', /not accepted/),
      );
      const entry = (await svc.auditLog(1))[0]!;
      assert.equal(entry.action, 'codes.revoke');
      assert.deepEqual(entry.details, { codes: 1, alreadyRevoked: 1 });
      assert.ok(
        !JSON.stringify(await svc.auditLog(10)).includes(codes[1]!.slice(0, 5)),
        'no code in the audit log',
      );
    });
  });
}
