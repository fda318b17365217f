// Attempt counting on each store: attempts are counted before they are checked, so parallel
// guesses (several API instances, or one attacker's parallel requests) cannot slip past a limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CODE_IP,
  delayAfter,
  failed,
  LOGIN_ACCOUNT,
  succeeded,
  takeAttempt,
  type DelayRule,
} from '../../../src/civic/auth/throttle.ts';
import { openCivicDb, type CivicDb } from '../../../src/civic/store/open.ts';
import { freshStore, storeKinds, type TestStore } from '../stores.ts';

const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms);
const T0 = '2026-05-01T10:00:00.000Z';

describe('delays', () => {
  it('are free within the allowance, then double up to the cap', () => {
    const rule: DelayRule = { kind: 'delay', free: 3, windowMs: 3600_000, baseMs: 1000, maxMs: 10_000 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 100].map((f) => delayAfter(rule, f)),
      [0, 0, 0, 1000, 2000, 4000, 8000, 10_000, 10_000],
    );
  });
});

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

    it('admits no more parallel attempts than a lock rule allows, and locks at the last failure', async () => {
      const now = at(T0);
      const key = 'login:someone@example.org';
      const taken = await Promise.all(
        Array.from({ length: 40 }, () => takeAttempt(cdb, key, LOGIN_ACCOUNT, now)),
      );
      assert.equal(taken.filter((r) => r === undefined).length, LOGIN_ACCOUNT.maxFailures);
      const locks = [];
      for (let i = 0; i < LOGIN_ACCOUNT.maxFailures; i++)
        locks.push(await failed(cdb, key, LOGIN_ACCOUNT, now));
      const until = at(T0, LOGIN_ACCOUNT.lockMs).toISOString();
      assert.deepEqual(
        locks.filter((l) => l !== undefined),
        [until],
      );
      assert.deepEqual(await takeAttempt(cdb, key, LOGIN_ACCOUNT, at(T0, 60_000)), { until });
      // after the lock a new window starts
      assert.equal(await takeAttempt(cdb, key, LOGIN_ACCOUNT, at(T0, LOGIN_ACCOUNT.lockMs)), undefined);
    });

    it('gives back the place of an attempt that succeeded', async () => {
      const now = at(T0);
      const key = 'login-ip:192.0.2.1';
      for (let i = 0; i < 100; i++) {
        assert.equal(await takeAttempt(cdb, key, LOGIN_ACCOUNT, now), undefined, `attempt ${i}`);
        await succeeded(cdb, key, LOGIN_ACCOUNT, now);
      }
    });

    it('admits the free allowance and one more under a delay rule, then makes each try wait longer', async () => {
      const key = 'code-ip:192.0.2.2';
      const taken = await Promise.all(
        Array.from({ length: 40 }, () => takeAttempt(cdb, key, CODE_IP, at(T0))),
      );
      assert.equal(taken.filter((r) => r === undefined).length, CODE_IP.free + 1);
      const wait1 = at(T0, CODE_IP.baseMs).toISOString();
      assert.deepEqual(taken.at(-1), { until: wait1 });
      assert.equal(await takeAttempt(cdb, key, CODE_IP, at(T0, CODE_IP.baseMs)), undefined);
      assert.deepEqual(await takeAttempt(cdb, key, CODE_IP, at(T0, CODE_IP.baseMs + 1000)), {
        until: at(T0, 3 * CODE_IP.baseMs).toISOString(),
      });
      // a right code gives its place back: the next try waits the shorter delay again
      await succeeded(cdb, key, CODE_IP, at(T0, 3 * CODE_IP.baseMs));
      assert.deepEqual(await takeAttempt(cdb, key, CODE_IP, at(T0, 3 * CODE_IP.baseMs)), {
        until: at(T0, 4 * CODE_IP.baseMs).toISOString(),
      });
    });
  });
}
