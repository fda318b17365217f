// Write transactions that serialise correctly on both stores. SQLite: BEGIN IMMEDIATE takes the
// database's single write lock at the start (a deferred BEGIN could fail to upgrade when another
// process wrote in between), and Kysely's one SQLite connection is held for the whole
// transaction, so this process has one writer too. PostgreSQL: the ballot log's head row is
// locked with SELECT … FOR UPDATE, so appends to one consultation from any number of API
// instances queue on that row while other consultations proceed.
import { sql, type Kysely } from 'kysely';
import type { CivicDb } from './open.ts';
import type { CivicTables } from './tables.ts';

/** A query builder bound to one open transaction. */
export type Tx = Kysely<CivicTables>;

/** Runs `fn` in one write transaction: all its writes commit together, or none do. */
export async function writeTransaction<T>(cdb: CivicDb, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (cdb.dialect === 'postgres') return cdb.db.transaction().execute(fn);
  return cdb.db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    let out: T;
    try {
      out = await fn(conn);
    } catch (e) {
      await sql`ROLLBACK`.execute(conn);
      throw e;
    }
    await sql`COMMIT`.execute(conn);
    return out;
  });
}

/** Locks and reads a consultation's log head inside a write transaction (undefined if it has none). */
export async function lockHead(
  tx: Tx,
  cdb: CivicDb,
  consultationId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  let q = tx.selectFrom('chain_heads').select(['seq', 'hash']).where('consultation_id', '=', consultationId);
  // SQLite's IMMEDIATE transaction already holds the only write lock.
  if (cdb.dialect === 'postgres') q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** Takes a transaction-scoped lock on a name (PostgreSQL advisory lock; SQLite already serialises). */
export async function lockName(tx: Tx, cdb: CivicDb, name: string): Promise<void> {
  if (cdb.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext(${name}))`.execute(tx);
}
