// Frozen plans (schema version 6): a scenario's expected outcome or a finance plan's path, frozen
// with its file, method and data vintages beside the indicator projections. Rows are only ever
// added — triggers in both stores refuse an update or a delete.
import type { CivicDb } from './open.ts';
import { appendOnlyTriggers } from './registers-schema.ts';
import type { Tx } from './tx.ts';

/** Migration to schema 6: the frozen plans and their append-only triggers. */
export async function planTables(tx: Tx, cdb: CivicDb): Promise<void> {
  await tx.schema
    .createTable('plan_projections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('points', 'text', (c) => c.notNull())
    .addColumn('vintages', 'text', (c) => c.notNull())
    .addColumn('frozen_on', 'text', (c) => c.notNull())
    .addColumn('who', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await appendOnlyTriggers(tx, cdb, ['plan_projections']);
}
