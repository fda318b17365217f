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
