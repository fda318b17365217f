// The accountability registers' tables (schema version 3): commitments, their status history and
// frozen projections. They live in the civic store, not the analytic one, because a data import
// writes a new generation of the DuckDB file: what was promised and projected must outlive it.
// Rows are only ever added — triggers in both stores refuse an update or a delete.
import { sql } from 'kysely';
import type { CivicDb } from './open.ts';
import type { Tx } from './tx.ts';

/** The tables whose rows can never change once written. */
export const APPEND_ONLY_TABLES = ['commitments', 'commitment_history', 'projections'] as const;

async function createTables(tx: Tx): Promise<void> {
  const s = tx.schema;
  await s
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('example', 'integer', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await s
    .createTable('commitment_history')
    .addColumn('commitment_id', 'text', (c) => c.notNull().references('commitments.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_history_pk', ['commitment_id', 'seq'])
    .execute();
  await s
    .createTable('projections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('last_period', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('vintages', 'text', (c) => c.notNull())
    .addColumn('frozen_on', 'text', (c) => c.notNull())
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}

/** Triggers in both stores that refuse any update or delete of the tables' rows. Table names are constants, never input. */
export async function appendOnlyTriggers(
  tx: Tx,
  cdb: CivicDb,
  tables: readonly string[] = APPEND_ONLY_TABLES,
): Promise<void> {
  if (cdb.dialect === 'postgres') {
    await sql`CREATE OR REPLACE FUNCTION strata_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only: rows are never changed or deleted', TG_TABLE_NAME; END $$`.execute(
      tx,
    );
    for (const t of tables)
      await sql
        .raw(
          `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION strata_append_only()`,
        )
        .execute(tx);
    return;
  }
  for (const t of tables)
    for (const op of ['UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only: rows are never changed or deleted'); END`,
        )
        .execute(tx);
}

/** Migration to schema 3: the registers and their append-only triggers. */
export async function registerTables(tx: Tx, cdb: CivicDb): Promise<void> {
  await createTables(tx);
  await appendOnlyTriggers(tx, cdb);
}
