// Datasets and their provenance: the current vintage of a source, the list `strata data list`
// shows, the published totals recorded at import, and a fingerprint of the store's contents.
import { query, type Store } from '../db.ts';

/** The current vintage of a source: its id and what to call it. */
export interface DatasetRef {
  id: number;
  vintage: string;
  title: string;
  publisher: string;
}

/** The newest vintage of a source in the store, or null. */
export async function currentDataset(store: Store, source: string): Promise<DatasetRef | null> {
  const rows = await query<DatasetRef>(
    store,
    `SELECT id, vintage, title, publisher FROM current_datasets WHERE source = ?`,
    [source],
  );
  return rows[0] ?? null;
}

/** A dataset as `strata data list` and `GET /api/v1/datasets` show it (files as stored: a JSON list). */
export interface DatasetRow {
  id: number;
  source: string;
  title: string;
  publisher: string;
  licence: string;
  vintage: string;
  rows: number;
  sha256: string;
  files: string;
  location: string;
  imported_at: string;
  warnings: string;
  current: boolean;
}

/** Every dataset in the store, newest vintage of each source first. */
export async function datasetRows(store: Store): Promise<DatasetRow[]> {
  const rows = await query<DatasetRow>(
    store,
    `SELECT d.id, d.source, d.title, d.publisher, d.licence, d.vintage, d.rows::BIGINT AS rows, d.sha256, d.files, d.location,
            strftime(d.imported_at, '%Y-%m-%dT%H:%M:%S') AS imported_at, d.warnings,
            d.id IN (SELECT id FROM current_datasets) AS current
       FROM datasets d ORDER BY d.source, d.id DESC`,
  );
  return rows.map((r) => ({ ...r, rows: Number(r.rows) }));
}

/** Per current source: published totals checked at import, how many are off by more than their tolerance, the worst. */
export interface CheckTotals {
  source: string;
  n: number;
  bad: number;
  worst: string | null;
}

export async function checkTotals(store: Store): Promise<CheckTotals[]> {
  const rows = await query<{ source: string; n: bigint; bad: bigint; worst: string | null }>(
    store,
    `SELECT d.source, count(*) AS n, count(*) FILTER (WHERE abs(c.actual - c.expected) > c.tolerance) AS bad,
            arg_max(c.name || ': ' || c.actual || ' vs ' || c.expected, abs(c.actual - c.expected) - c.tolerance) AS worst
       FROM checks c JOIN current_datasets d ON d.id = c.dataset_id GROUP BY d.source ORDER BY d.source`,
  );
  return rows.map((r) => ({ source: r.source, n: Number(r.n), bad: Number(r.bad), worst: r.worst }));
}

/** What the store holds, in one short string that changes whenever a dataset lands (newest id and count). */
export async function storeVersion(store: Store): Promise<string> {
  const [r] = await query<{ id: number | null; n: bigint }>(
    store,
    `SELECT max(id) AS id, count(*) AS n FROM datasets`,
  );
  return `${r?.id ?? 0}:${r?.n ?? 0}`;
}
