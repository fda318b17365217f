// The civic schema, created by versioned migrations in one locked transaction (several API
// instances may start at once against one PostgreSQL database). Column types are those both
// stores share: text and integer; only the audit log's auto-increment key differs.
import { randomBytes } from 'node:crypto';
import type { CivicDb } from './open.ts';
import { headTables } from './heads-schema.ts';
import { confirmedNotices, noticeTables } from './notices-schema.ts';
import { planTables } from './plans-schema.ts';
import { registerTables } from './registers-schema.ts';
import { lockName, writeTransaction, type Tx } from './tx.ts';

/** The schema version this code writes; a store from a newer Strata is refused. */
export const CIVIC_SCHEMA_VERSION = 6;

async function version1(tx: Tx, cdb: CivicDb): Promise<void> {
  const s = tx.schema;
  await s
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text')
    .addColumn('area', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('sessions_subject').on('sessions').column('subject').execute();
  await s
    .createTable('throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await s
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('electorate', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('info', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await s
    .createTable('codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('redeemed_at', 'text')
    .addColumn('participant_id', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await s.createIndex('codes_batch').on('codes').columns(['consultation_id', 'batch_id']).execute();
  await s
    .createTable('chain_heads')
    .addColumn('consultation_id', 'text', (c) => c.primaryKey().references('consultations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('ballots')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('ballot', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballots_pk', ['consultation_id', 'seq'])
    .execute();
  await s.createIndex('ballots_voter').on('ballots').columns(['consultation_id', 'voter', 'seq']).execute();
  await s.createIndex('ballots_hash').on('ballots').column('hash').execute();
  await s
    .createTable('respondents')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text')
    .addColumn('sex', 'text')
    .addPrimaryKeyConstraint('respondents_pk', ['consultation_id', 'voter'])
    .execute();
  await s
    .createTable('audit_log')
    .addColumn('id', cdb.dialect === 'postgres' ? 'serial' : 'integer', (c) =>
      cdb.dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await tx
    .insertInto('settings')
    .values({ key: 'csrf_key', value: randomBytes(32).toString('hex') })
    .execute();
}

/** Verified e-mail addresses, one-time account links, and imported eligibility lists (as keyed hashes). */
async function version2(tx: Tx): Promise<void> {
  const s = tx.schema;
  await s.alterTable('users').addColumn('email_verified_at', 'text').execute();
  await s
    .createTable('account_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await s
    .createTable('eligibility')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('eligibility_pk', ['consultation_id', 'entry_hash'])
    .execute();
}

/** The signed head series, and the addresses voters left to be told the result. */
async function version4(tx: Tx, cdb: CivicDb): Promise<void> {
  await headTables(tx, cdb);
  await noticeTables(tx);
}

const MIGRATIONS = [
  version1,
  (tx: Tx) => version2(tx),
  registerTables,
  version4,
  (tx: Tx) => confirmedNotices(tx),
  planTables,
];

async function currentVersion(tx: Tx): Promise<number> {
  const row = await tx
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'schema_version')
    .executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/** Brings the store to CIVIC_SCHEMA_VERSION (idempotent; refuses a newer schema). */
export async function migrate(cdb: CivicDb): Promise<void> {
  await writeTransaction(cdb, async (tx) => {
    await lockName(tx, cdb, 'strata-civic-migrate');
    await tx.schema
      .createTable('settings')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    const from = await currentVersion(tx);
    if (from > CIVIC_SCHEMA_VERSION)
      throw new Error(`civic store has schema ${from}, newer than this Strata (${CIVIC_SCHEMA_VERSION})`);
    for (let v = from; v < CIVIC_SCHEMA_VERSION; v++) await MIGRATIONS[v]!(tx, cdb);
    if (from === CIVIC_SCHEMA_VERSION) return;
    await tx.deleteFrom('settings').where('key', '=', 'schema_version').execute();
    await tx
      .insertInto('settings')
      .values({ key: 'schema_version', value: String(CIVIC_SCHEMA_VERSION) })
      .execute();
  });
}
