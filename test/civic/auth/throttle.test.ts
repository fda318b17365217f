// Lockout counting on each store: failures sent at once all count, so concurrent guessing
// (several API instances, or one attacker's parallel requests) cannot slip past the limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LOGIN_ACCOUNT, lockedUntil, recordFailure } from '../../../src/civic/auth/throttle.ts';
import { openCivicDb, type CivicDb } from '../../../src/civic/store/open.ts';
import { freshStore, storeKinds, type TestStore } from '../stores.ts';

for (const kind of storeKinds()) {
  describe(`throttle on ${kind}`, () => {
    let store: TestStore;
    let cdb: CivicDb;
    before(async () => {
      store = freshStore(kind);
      cdb = await openCivicDb(store.url);
    });
    after(async () => {
      await cdb.close();
      await store.drop();
    });

    it('counts every failure recorded at once, and locks at the limit', async () => {
      const now = new Date('2026-05-01T10:00:00Z');
      const key = 'login:someone@example.org';
      const locks = await Promise.all(
        Array.from({ length: LOGIN_ACCOUNT.maxFailures }, () => recordFailure(cdb, key, LOGIN_ACCOUNT, now)),
      );
      const until = new Date(now.getTime() + LOGIN_ACCOUNT.lockMs).toISOString();
      assert.deepEqual(
        locks.filter((l) => l !== undefined),
        [until],
      );
      assert.equal(await lockedUntil(cdb, key, now), until);
    });
  });
}
