// Addresses voters left to be told the result. Schema version 4 made the table: one address per
// voter (a keyed hash of its own, not the log's pseudonym) and consultation. Version 5 makes the
// sign-up double opt-in and the sending claimable: an address is mailed only once its owner
// followed the single-use, expiring link sent to it (kept as a sha256), and each sending run
// claims a row before mailing it, so two runs never mail one address twice. Once the message is
// out the address is blanked and the row kept as `sent`; a failed row keeps it for a retry.
import type { Tx } from './tx.ts';

/** Creates the result-notice table (schema 4). */
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

/**
 * Schema 5: the confirmation and sending state of each address, and the mark of a final head.
 * Addresses left before confirmation existed stay `unconfirmed` with no link: they are never mailed.
 */
export async function confirmedNotices(tx: Tx): Promise<void> {
  const s = tx.schema;
  await s
    .alterTable('result_notices')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('unconfirmed'))
    .execute();
  for (const column of ['token_hash', 'token_expires_at', 'claim'])
    await s.alterTable('result_notices').addColumn(column, 'text').execute();
  await s.createIndex('result_notices_token').on('result_notices').column('token_hash').execute();
  // the head series is append-only: adding a column with a default fires no update trigger
  await s
    .alterTable('head_series')
    .addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
