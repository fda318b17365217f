// A store in memory holding a few rows written here, for the store's query tests: each test
// names the tables and rows it needs, so a query is checked against rows it can see.
import { openStore, type Store } from '../../src/store/db.ts';

/** Opens an empty store in memory. */
export function memoryStore(): Promise<Store> {
  return openStore(':memory:');
}

/** Adds a dataset (a source's vintage) and returns its id. */
export async function addDataset(
  store: Store,
  id: number,
  source: string,
  vintage = '2025',
): Promise<number> {
  await store.conn.run(
    `INSERT INTO datasets (id, source, title, publisher, licence, vintage, files, sha256, rows, imported_at)
     VALUES (?, ?, ?, 'Office for National Statistics', 'Open Government Licence v3.0', ?, '["a.csv"]', ?, 1, '2026-01-02 03:04:05')`,
    [id, source, `Title of ${source}`, vintage, `${source}-${vintage}`.padEnd(64, '0')],
  );
  return id;
}

/** Inserts rows into a table: each row's values in the table's column order after dataset_id. */
export async function addRows(
  store: Store,
  table: string,
  datasetId: number,
  rows: unknown[][],
): Promise<void> {
  for (const r of rows) {
    const marks = r.map(() => '?').join(', ');
    await store.conn.run(`INSERT INTO ${table} VALUES (?, ${marks})`, [datasetId, ...(r as never[])]);
  }
}
