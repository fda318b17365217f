// A code batch must be for the consultation's area or, by the official lookup the caller gives
// (the batch area's enclosing areas), inside it; a refused batch stores no code.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicError } from '../../../src/civic/errors.ts';
import { CivicService } from '../../../src/civic/service.ts';
import { GOALS } from '../consultation-fixture.ts';
import { freshStore, testClock, type TestStore } from '../stores.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const refusal = (re: RegExp) => (e: unknown) =>
  e instanceof CivicError && e.kind === 'bad_request' && re.test(e.message);
const expiresAt = '2026-05-10T00:00:00Z';

describe('code batches and the consultation’s area', () => {
  let store: TestStore;
  let svc: CivicService;
  before(async () => {
    store = freshStore('sqlite');
    svc = await CivicService.open(store.url, { now: testClock('2026-04-20T10:00:00Z').now, mail: null });
    await svc.createConsultation(ADMIN, checkConsultationFile({ ...GOALS, area: 'TLC1' }));
  });
  after(async () => {
    await svc.close();
    await store.drop();
  });

  it('refuses codes for another area, or one the lookup cannot place inside', async () => {
    await assert.rejects(
      svc.issueCodes(ADMIN, GOALS.id, {
        count: 2,
        expiresAt,
        area: 'E06000010',
        parents: ['TLE1', 'TLE', 'K02000001'],
      }),
      refusal(/invalid area: E06000010 is not inside the consultation's area TLC1/),
    );
    await assert.rejects(
      svc.issueCodes(ADMIN, GOALS.id, { count: 2, expiresAt, area: 'E06000001' }),
      refusal(/E06000001 is not the consultation's area TLC1, and no area lookup was available/),
    );
    assert.deepEqual(await svc.codeBatches(GOALS.id), []);
  });

  it('issues codes for the area itself and for an area inside it', async () => {
    await svc.issueCodes(ADMIN, GOALS.id, { count: 2, expiresAt });
    await svc.issueCodes(ADMIN, GOALS.id, {
      count: 3,
      expiresAt,
      area: 'E06000001',
      parents: ['TLC11', 'TLC1', 'TLC'],
    });
    assert.deepEqual((await svc.codeBatches(GOALS.id)).map((b) => [b.area, b.issued]).sort(), [
      ['E06000001', 3],
      ['TLC1', 2],
    ]);
  });
});

describe('code redemption under load', () => {
  let store: TestStore;
  let svc: CivicService;
  before(async () => {
    store = freshStore('sqlite');
    svc = await CivicService.open(store.url, {
      now: testClock('2026-05-02T10:00:00Z').now,
      mail: null,
      redeeming: { concurrency: 1, waiting: 1 },
    });
    await svc.createConsultation(ADMIN, checkConsultationFile(GOALS));
    await svc.openConsultation(ADMIN, GOALS.id);
  });
  after(async () => {
    await svc.close();
    await store.drop();
  });

  it('refuses redemptions beyond the queue as busy, redeeming nothing for them; the code works later', async () => {
    const { codes } = await svc.issueCodes(ADMIN, GOALS.id, { count: 6, expiresAt });
    const redeem = (code: string) => svc.redeem({ consultationId: GOALS.id, code, ip: '198.51.100.7' });
    const results = await Promise.allSettled(codes.map(redeem));
    const busy = codes.filter((_, i) => {
      const r = results[i]!;
      return r.status === 'rejected' && r.reason instanceof CivicError && r.reason.kind === 'busy';
    });
    const done = results.filter((r) => r.status === 'fulfilled').length;
    assert.ok(busy.length >= 1, 'one place running, one waiting: the rest are refused at once');
    assert.equal(done + busy.length, codes.length, 'no other refusal');
    const redeemed = await svc.ctx.cdb.db
      .selectFrom('codes')
      .select('code_hash')
      .where('redeemed_at', 'is not', null)
      .execute();
    assert.equal(redeemed.length, done, 'a busy refusal redeems nothing');
    for (const code of busy) await redeem(code);
    assert.equal((await svc.codeBatches(GOALS.id))[0]!.redeemed, codes.length);
  });
});
