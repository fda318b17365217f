import type { DuckDBAppender } from '@duckdb/node-api';
import type { Store } from './db.ts';

/** A column of a table and how to take its value from a record. */
export type ColumnSpec<T> = [
  kind: 'varchar' | 'double' | 'smallint' | 'integer' | 'boolean',
  get: (r: T) => unknown,
];

function put(app: DuckDBAppender, kind: ColumnSpec<unknown>[0], v: unknown): void {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return app.appendNull();
  switch (kind) {
    case 'varchar':
      return app.appendVarchar(String(v));
    case 'double':
      return app.appendDouble(v as number);
    case 'smallint':
      return app.appendSmallInt(v as number);
    case 'integer':
      return app.appendInteger(v as number);
    case 'boolean':
      return app.appendBoolean(v as boolean);
  }
}

/** Appends records to a table (in the caller's transaction); the first column is the dataset id. */
export async function appendRows<T>(
  store: Store,
  table: string,
  datasetId: number,
  rows: readonly T[] | undefined,
  columns: ColumnSpec<T>[],
): Promise<number> {
  if (!rows || rows.length === 0) return 0;
  const app = await store.conn.createAppender(table);
  try {
    for (const r of rows) {
      app.appendInteger(datasetId);
      for (const [kind, get] of columns) put(app, kind, get(r));
      app.endRow();
    }
    app.flushSync();
  } finally {
    app.closeSync();
  }
  return rows.length;
}
