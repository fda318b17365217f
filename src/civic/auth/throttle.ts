// Failed-attempt counting and lockout, kept in the store so the limits hold across API
// instances and restarts. A key (`login:<email>`, `login-ip:<ip>`, `code-ip:<ip>`) collects
// failures in a window; at the limit it is locked until `locked_until`, and every attempt is
// refused meanwhile, right or wrong — so guessing gains nothing from a lock's end-time.
import type { CivicDb } from '../store/open.ts';
import { lockName, writeTransaction } from '../store/tx.ts';

/** How many failures a key may have in a window before it is locked, and for how long. */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MIN = 60_000;
/** Per account: 5 wrong passwords in 15 minutes lock the account for 15 minutes. */
export const LOGIN_ACCOUNT: ThrottleRule = { maxFailures: 5, windowMs: 15 * MIN, lockMs: 15 * MIN };
/** Per client address: 20 failed logins in 15 minutes lock logins from it for 15 minutes. */
export const LOGIN_IP: ThrottleRule = { maxFailures: 20, windowMs: 15 * MIN, lockMs: 15 * MIN };
/** Per client address: 10 wrong invitation codes in 15 minutes lock redemption for 30 minutes. */
export const CODE_IP: ThrottleRule = { maxFailures: 10, windowMs: 15 * MIN, lockMs: 30 * MIN };

/** When the key is locked until (ISO), or undefined when it is not locked at `now`. */
export async function lockedUntil(cdb: CivicDb, key: string, now: Date): Promise<string | undefined> {
  const row = await cdb.read
    .selectFrom('throttle')
    .select('locked_until')
    .where('key', '=', key)
    .executeTakeFirst();
  const until = row?.locked_until ?? undefined;
  return until !== undefined && until > now.toISOString() ? until : undefined;
}

/**
 * Counts one failure against the key; returns the lock's end when this failure locks it. The key
 * is locked first: on PostgreSQL, concurrent guesses would otherwise read the same count and
 * each write count + 1, losing failures (and racing to insert the first row).
 */
export async function recordFailure(
  cdb: CivicDb,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<string | undefined> {
  return writeTransaction(cdb, async (tx) => {
    await lockName(tx, cdb, `throttle:${key}`);
    const row = await tx.selectFrom('throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const fresh = !row || Date.parse(row.window_start) + rule.windowMs <= now.getTime();
    const failures = fresh ? 1 : row.failures + 1;
    const locked = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs).toISOString() : null;
    const values = {
      failures: locked ? 0 : failures,
      window_start: fresh || locked ? now.toISOString() : row.window_start,
      locked_until: locked ?? row?.locked_until ?? null,
    };
    if (row) await tx.updateTable('throttle').set(values).where('key', '=', key).execute();
    else
      await tx
        .insertInto('throttle')
        .values({ key, ...values })
        .execute();
    return locked ?? undefined;
  });
}

/** Forgets a key's failures (after a successful login, which is only tried when it is not locked). */
export async function clearFailures(cdb: CivicDb, key: string): Promise<void> {
  await cdb.db.deleteFrom('throttle').where('key', '=', key).execute();
}
