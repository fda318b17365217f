// The signed head series' tables (schema version 4): each consultation's published heads, and the
// public keys that signed them. Both are append-only: a published head is never changed or
// withdrawn, and triggers in both stores refuse an update or a delete.
import type { CivicDb } from './open.ts';
import { appendOnlyTriggers } from './registers-schema.ts';
import type { Tx } from './tx.ts';

/** Migration to schema 4. */
export async function headTables(tx: Tx, cdb: CivicDb): Promise<void> {
  const s = tx.schema;
  await s
    .createTable('head_keys')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('first_used', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('head_series')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('interval_s', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('head', 'text', (c) => c.notNull())
    .addColumn('prev', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().references('head_keys.fingerprint'))
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('head_series_pk', ['consultation_id', 'seq'])
    .execute();
  await appendOnlyTriggers(tx, cdb, ['head_keys', 'head_series']);
}
