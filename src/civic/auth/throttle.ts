// Attempt counting, kept in the store so the limits hold across API instances and restarts. An
// attempt is counted *before* the slow check it guards (a password hash, a code look-up), in one
// locked transaction: parallel guesses each take a place in the count, so no more than the limit
// are ever checked, however many arrive at once. A success gives its place back.
//
// Two kinds of rule, named by `kind` and resolved in one switch:
// - `lock`: at `maxFailures` failures in a window the key is locked for `lockMs`, and every
//   attempt is refused meanwhile, right or wrong (per account, per address for sign-ins);
// - `delay`: after `free` failures in a window each further attempt must wait a delay that
//   doubles, up to `maxMs` (per address for invitation codes: people sharing an address — a
//   library, a care home — are slowed down, not locked out).
import type { CivicDb } from '../store/open.ts';
import { lockName, writeTransaction, type Tx } from '../store/tx.ts';

/** Lock a key for `lockMs` once it has `maxFailures` failures within `windowMs`. */
export interface LockRule {
  kind: 'lock';
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

/** After `free` failures within `windowMs`, make each next attempt wait `baseMs`, doubling up to `maxMs`. */
export interface DelayRule {
  kind: 'delay';
  free: number;
  windowMs: number;
  baseMs: number;
  maxMs: number;
}

export type ThrottleRule = LockRule | DelayRule;

const MIN = 60_000;
/** Per account: 5 wrong passwords in 15 minutes lock the account for 15 minutes. */
export const LOGIN_ACCOUNT: LockRule = { kind: 'lock', maxFailures: 5, windowMs: 15 * MIN, lockMs: 15 * MIN };
/** Per client address: 20 failed sign-ins in 15 minutes lock sign-ins from it for 15 minutes. */
export const LOGIN_IP: LockRule = { kind: 'lock', maxFailures: 20, windowMs: 15 * MIN, lockMs: 15 * MIN };
/** Per client address: 10 wrong invitation codes in an hour are free; then 1 s, 2 s, 4 s … up to 15 minutes between tries. */
export const CODE_IP: DelayRule = {
  kind: 'delay',
  free: 10,
  windowMs: 60 * MIN,
  baseMs: 1000,
  maxMs: 15 * MIN,
};
/** Per client address: 5 registrations an hour, then 1 minute doubling up to an hour between them. */
export const REGISTER_IP: DelayRule = {
  kind: 'delay',
  free: 5,
  windowMs: 60 * MIN,
  baseMs: MIN,
  maxMs: 60 * MIN,
};

/** An attempt the count refused: when the next one may be made (undefined: once attempts in progress end). */
export interface Refused {
  until: string | undefined;
}

interface Row {
  failures: number;
  window_start: string;
  locked_until: string | null;
}

/** The wait a delay rule imposes after `failures` failures, in ms (0 within the free allowance). */
export function delayAfter(rule: DelayRule, failures: number): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(40, failures - rule.free - 1));
}

function isFresh(row: Row | undefined, rule: ThrottleRule, now: Date): boolean {
  if (!row) return true;
  if (Date.parse(row.window_start) + rule.windowMs <= now.getTime()) return true;
  // a lock that has ended starts a new window (a delay's end does not: the delays keep growing)
  return rule.kind === 'lock' && row.locked_until !== null && row.locked_until <= now.toISOString();
}

async function locked<T>(cdb: CivicDb, key: string, fn: (tx: Tx, row: Row | undefined) => Promise<T>) {
  return writeTransaction(cdb, async (tx) => {
    // On PostgreSQL concurrent attempts would otherwise read the same count and each write count + 1.
    await lockName(tx, cdb, `throttle:${key}`);
    const row = await tx.selectFrom('throttle').selectAll().where('key', '=', key).executeTakeFirst();
    return fn(tx, row);
  });
}

async function write(tx: Tx, key: string, exists: boolean, values: Row): Promise<void> {
  if (exists) await tx.updateTable('throttle').set(values).where('key', '=', key).execute();
  else
    await tx
      .insertInto('throttle')
      .values({ key, ...values })
      .execute();
}

/**
 * Takes one attempt against the key before it is checked: counted as a failure until `succeeded`
 * gives it back. Refused while the key is locked or delayed, or when the attempts already in
 * progress fill a lock rule's allowance.
 */
export async function takeAttempt(
  cdb: CivicDb,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<Refused | undefined> {
  const t = now.toISOString();
  return locked(cdb, key, async (tx, row) => {
    if (row?.locked_until && row.locked_until > t) return { until: row.locked_until };
    const fresh = isFresh(row, rule, now);
    const failures = (fresh ? 0 : row!.failures) + 1;
    const window_start = fresh ? t : row!.window_start;
    switch (rule.kind) {
      case 'lock':
        if (failures > rule.maxFailures) return { until: undefined };
        await write(tx, key, row !== undefined, { failures, window_start, locked_until: null });
        return undefined;
      case 'delay': {
        const wait = delayAfter(rule, failures);
        const locked_until = wait ? new Date(now.getTime() + wait).toISOString() : null;
        await write(tx, key, row !== undefined, { failures, window_start, locked_until });
        return undefined;
      }
      default:
        throw new Error(`invalid throttle rule: ${String((rule as ThrottleRule).kind)}`);
    }
  });
}

/** Confirms a taken attempt failed; returns the lock's end when this failure locks the key (lock rules). */
export async function failed(
  cdb: CivicDb,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<string | undefined> {
  if (rule.kind !== 'lock') return undefined;
  return locked(cdb, key, async (tx, row) => {
    if (!row || row.failures < rule.maxFailures || (row.locked_until ?? '') > now.toISOString())
      return undefined;
    const until = new Date(now.getTime() + rule.lockMs).toISOString();
    await tx.updateTable('throttle').set({ locked_until: until }).where('key', '=', key).execute();
    return until;
  });
}

/** Gives back a taken attempt that succeeded (its place in the count, and the delay it set). */
export async function succeeded(cdb: CivicDb, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  await locked(cdb, key, async (tx, row) => {
    if (!row) return;
    const failures = Math.max(0, row.failures - 1);
    const wait = rule.kind === 'delay' ? delayAfter(rule, failures) : 0;
    const locked_until =
      rule.kind === 'delay' ? (wait ? new Date(now.getTime() + wait).toISOString() : null) : row.locked_until;
    await tx.updateTable('throttle').set({ failures, locked_until }).where('key', '=', key).execute();
  });
}

/** Forgets a key's failures (after a successful sign-in proves the account's owner is back). */
export async function clearFailures(cdb: CivicDb, key: string): Promise<void> {
  await cdb.db.deleteFrom('throttle').where('key', '=', key).execute();
}
