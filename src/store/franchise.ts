import type { DuckDBAppender } from '@duckdb/node-api';
import { query, transaction, type Store } from './db.ts';

/**
 * The franchise tables of the analytic store: spend lines as published (integer pence, every
 * line kept, with whether it counts under the duplicates rule), payees and their matches
 * (derived, rebuilt for a body on each import), OCDS awards and KPIs, and the register of
 * conditions with its append-only history. Created on first use; parameterised SQL only.
 */
const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS franchise_file_ids START 1`,
  `CREATE TABLE IF NOT EXISTS franchise_files (id INTEGER PRIMARY KEY, kind VARCHAR NOT NULL, body VARCHAR,
    file VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, layout VARCHAR, reader_version INTEGER, rows BIGINT, pence BIGINT,
    duplicates_rule VARCHAR, imported_at TIMESTAMP, UNIQUE (kind, sha256, body))`,
  // Lines as read, with their payee key; the body and the duplicate key are derived in the view
  // below, so each line crosses into the store once with little more than the file gave.
  `CREATE TABLE IF NOT EXISTS franchise_lines (file_id INTEGER NOT NULL, line INTEGER NOT NULL,
    service VARCHAR, expense_type VARCHAR, date DATE NOT NULL, invoice_date DATE, txn VARCHAR, pence BIGINT NOT NULL,
    supplier VARCHAR NOT NULL, payee_key VARCHAR NOT NULL, company_number VARCHAR, charity_number VARCHAR,
    counted BOOLEAN NOT NULL, duplicate_of VARCHAR)`,
  `CREATE OR REPLACE VIEW franchise_spend AS
     SELECT l.*, f.body,
            concat_ws(chr(9247), f.body, coalesce(l.service, ''), coalesce(l.expense_type, ''), strftime(l.date, '%Y-%m-%d'),
              coalesce(strftime(l.invoice_date, '%Y-%m-%d'), ''), coalesce(l.txn, ''), l.pence::VARCHAR, l.supplier,
              coalesce(l.company_number, ''), coalesce(l.charity_number, '')) AS line_key
       FROM franchise_lines l JOIN franchise_files f ON f.id = l.file_id`,
  `CREATE TABLE IF NOT EXISTS franchise_payees (body VARCHAR NOT NULL, payee_key VARCHAR NOT NULL, name VARCHAR,
    class VARCHAR NOT NULL, rule VARCHAR NOT NULL, company_number VARCHAR, charity_number VARCHAR, postcode VARCHAR,
    rows BIGINT, pence BIGINT, PRIMARY KEY (body, payee_key))`,
  `CREATE TABLE IF NOT EXISTS franchise_matches (body VARCHAR NOT NULL, payee_key VARCHAR NOT NULL, status VARCHAR NOT NULL,
    method VARCHAR, employer_id VARCHAR, score DOUBLE, runner_up_id VARCHAR, runner_up_name VARCHAR,
    runner_up_score DOUBLE, margin DOUBLE, corroboration VARCHAR, reason VARCHAR, candidates VARCHAR,
    PRIMARY KEY (body, payee_key))`,
  `CREATE TABLE IF NOT EXISTS franchise_awards (file_id INTEGER NOT NULL, ocid VARCHAR NOT NULL, release_id VARCHAR NOT NULL,
    release_date VARCHAR, publisher VARCHAR, award_id VARCHAR, contract_id VARCHAR, status VARCHAR, date VARCHAR,
    buyer VARCHAR, body VARCHAR, party_id VARCHAR, supplier VARCHAR, payee_key VARCHAR, scheme VARCHAR, identifier VARCHAR,
    company_number VARCHAR, charity_number VARCHAR, postcode VARCHAR, scale VARCHAR, pence BIGINT, currency VARCHAR,
    title VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS franchise_metrics (file_id INTEGER NOT NULL, ocid VARCHAR NOT NULL, release_id VARCHAR,
    release_date VARCHAR, award_id VARCHAR, contract_id VARCHAR, stage VARCHAR, metric_id VARCHAR, title VARCHAR,
    observation_id VARCHAR, measure VARCHAR, period_start VARCHAR, period_end VARCHAR, supplier_ids VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS franchise_register (condition_id VARCHAR PRIMARY KEY, title VARCHAR, first_at VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS franchise_register_history (event_key VARCHAR PRIMARY KEY, condition_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL, at_time VARCHAR NOT NULL, status VARCHAR NOT NULL, detail VARCHAR, title VARCHAR, source VARCHAR,
    UNIQUE (condition_id, seq))`,
];

/** Creates the franchise tables when missing (they live beside the catalogue's tables, in their own names). */
export async function ensureFranchiseTables(store: Store): Promise<void> {
  for (const sql of DDL) await store.conn.run(sql);
}

/** Whether the franchise tables exist (a store opened read-only cannot create them). */
export async function hasFranchiseTables(store: Store): Promise<boolean> {
  const [r] = await query<{ n: bigint }>(
    store,
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'franchise_files'`,
  );
  return Number(r!.n) > 0;
}

export type Cell = string | number | boolean | null | undefined;
type Kind = 'varchar' | 'double' | 'integer' | 'bigint' | 'boolean' | 'date';

function put(app: DuckDBAppender, kind: Kind, v: Cell): void {
  if (v === null || v === undefined) return app.appendNull();
  switch (kind) {
    case 'varchar':
    case 'date':
      // Dates go in as ISO text; DuckDB casts them on append.
      return app.appendVarchar(String(v));
    case 'double':
      return app.appendDouble(v as number);
    case 'integer':
      return app.appendInteger(v as number);
    case 'bigint':
      return app.appendBigInt(BigInt(v as number));
    case 'boolean':
      return app.appendBoolean(v as boolean);
    default:
      throw new Error(`invalid column kind: ${kind as string}`);
  }
}

/** Appends rows to a table, each row's cells in the table's column order, in the caller's transaction. */
export async function appendTable(
  store: Store,
  table: string,
  kinds: readonly Kind[],
  rows: Iterable<Cell[]>,
): Promise<number> {
  const app = await store.conn.createAppender(table);
  let n = 0;
  try {
    for (const row of rows) {
      for (let k = 0; k < kinds.length; k++) put(app, kinds[k]!, row[k]);
      app.endRow();
      n++;
    }
    app.flushSync();
  } finally {
    app.closeSync();
  }
  return n;
}

/** Column kinds of each franchise table, in column order. */
const V = 'varchar';
export const KINDS = {
  lines: ['integer', 'integer', V, V, 'date', 'date', V, 'bigint', V, V, V, V, 'boolean', V],
  payees: [V, V, V, V, V, V, V, V, 'bigint', 'bigint'],
  matches: [V, V, V, V, V, 'double', V, V, 'double', 'double', V, V, V],
  awards: ['integer', V, V, V, V, V, V, V, V, V, V, V, V, V, V, V, V, V, V, V, 'bigint', V, V],
  metrics: ['integer', V, V, V, V, V, V, V, V, V, V, V, V, V],
  history: [V, V, 'integer', V, V, V, V, V],
} as const satisfies Record<string, readonly Kind[]>;

/** A file already imported (same kind, checksum and body), or null. */
export async function importedFile(store: Store, kind: string, sha256: string, body: string | null) {
  const rows = await query<{ id: number; file: string }>(
    store,
    `SELECT id, file FROM franchise_files WHERE kind = ? AND sha256 = ? AND body IS NOT DISTINCT FROM ?`,
    [kind, sha256, body],
  );
  return rows[0] ?? null;
}

/** Records a file and returns its id (in the caller's transaction). */
export async function addFile(
  store: Store,
  f: {
    kind: string;
    body: string | null;
    file: string;
    sha256: string;
    layout: string | null;
    readerVersion: number;
    rows: number;
    pence: number | null;
    duplicatesRule: string | null;
  },
): Promise<number> {
  const [{ id }] = await query<{ id: number }>(store, `SELECT nextval('franchise_file_ids')::INTEGER AS id`);
  await store.conn.run(
    `INSERT INTO franchise_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)`,
    [id!, f.kind, f.body, f.file, f.sha256, f.layout, f.readerVersion, f.rows, f.pence, f.duplicatesRule],
  );
  return id!;
}

/** Replaces a body's derived payees and matches (in the caller's transaction). */
export async function replaceBodyPayees(
  store: Store,
  body: string,
  payees: Cell[][],
  matches: Cell[][],
): Promise<void> {
  await store.conn.run(`DELETE FROM franchise_payees WHERE body = ?`, [body]);
  await store.conn.run(`DELETE FROM franchise_matches WHERE body = ?`, [body]);
  await appendTable(store, 'franchise_payees', KINDS.payees, payees);
  await appendTable(store, 'franchise_matches', KINDS.matches, matches);
}

/** A condition first seen in the register: its stable id, title and when it was first reported. */
export async function addRegisterCondition(
  store: Store,
  id: string,
  title: string | null,
  at: string,
): Promise<void> {
  await store.conn.run(`INSERT INTO franchise_register VALUES (?, ?, ?)`, [id, title, at]);
}

export { transaction };
