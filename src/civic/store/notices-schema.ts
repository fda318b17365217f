// Addresses voters left to be told the result (schema version 4): one per voter (a keyed hash of its own, not the log's pseudonym) and
// consultation, kept only until the notice is sent — each row is deleted once its message is out.
import type { Tx } from './tx.ts';

/** Creates the result-notice table. */
export async function noticeTables(tx: Tx): Promise<void> {
  await tx.schema
    .createTable('result_notices')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_notices_pk', ['consultation_id', 'voter'])
    .execute();
}
