import type * as DuckDB from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBInstance, DuckDBValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { DDL, SCHEMA_VERSION } from './schema.ts';

// Loaded with require: the package is CommonJS, and importing it as an ES module has Node lex
// each of its files for export names, which doubled the start-up cost of every CLI command.
const duckdb = createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;

/** An open analytic store: one DuckDB file and one connection. */
export interface Store {
  path: string;
  readOnly: boolean;
  instance: DuckDBInstance;
  conn: DuckDBConnection;
}

export const DEFAULT_DB = '.strata/strata.duckdb';

/** Opens (creating if needed) the store; a store held by another process gets a one-line error. */
export async function openStore(path = DEFAULT_DB, opts: { readOnly?: boolean } = {}): Promise<Store> {
  const readOnly = opts.readOnly ?? false;
  if (path !== ':memory:' && !readOnly) mkdirSync(dirname(path), { recursive: true });
  let instance: DuckDBInstance;
  try {
    instance = await duckdb.DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (e) {
    const msg = (e as Error).message;
    if (/lock/i.test(msg))
      throw new Error(`store ${path} is in use by another Strata process (stop it first)`, { cause: e });
    if (readOnly && /does not exist|No such file/i.test(msg))
      throw new Error(`no store at ${path}: run strata data import first`, { cause: e });
    throw new Error(`cannot open store ${path}: ${msg.split('\n')[0]}`, { cause: e });
  }
  const conn = await instance.connect();
  const store = { path, readOnly, instance, conn };
  if (!readOnly) await migrate(store);
  return store;
}

async function migrate(store: Store): Promise<void> {
  const hasMeta = await query<{ n: bigint }>(
    store,
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'meta'`,
  );
  if (Number(hasMeta[0]!.n) > 0) {
    const [row] = await query<{ value: string }>(
      store,
      `SELECT value FROM meta WHERE key = 'schema_version'`,
    );
    if (row && Number(row.value) !== SCHEMA_VERSION) {
      throw new Error(
        `store ${store.path} was made by another version of Strata (schema ${row.value}, this is ${SCHEMA_VERSION}): move it aside and import again`,
      );
    }
  }
  for (const sql of DDL) await store.conn.run(sql);
  await store.conn.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)`, [String(SCHEMA_VERSION)]);
}

export function closeStore(store: Store): void {
  store.conn.closeSync();
  store.instance.closeSync();
}

/** Runs a parameterised query and returns plain JS row objects. */
export async function query<T = Record<string, unknown>>(
  store: Store,
  sql: string,
  params: DuckDBValue[] = [],
): Promise<T[]> {
  const reader = await store.conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJS() as T[];
}

/** Runs a parameterised query and returns its columns as JS arrays (fast for large reads). */
export async function queryColumns(
  store: Store,
  sql: string,
  params: DuckDBValue[] = [],
): Promise<Record<string, unknown[]>> {
  const result = await store.conn.run(sql, params);
  const names = result.deduplicatedColumnNames();
  const columns = names.map(() => [] as unknown[]);
  const fixed = names.map((_, c) => FIXED_WIDTH.has(result.columnTypeId(c)));
  for (
    let chunk = await result.fetchChunk();
    chunk && chunk.rowCount > 0;
    chunk = await result.fetchChunk()
  ) {
    for (let c = 0; c < names.length; c++) {
      const out = columns[c]!;
      if (fixed[c]) pushFixed(out, chunk.getColumnVector(c) as unknown as FixedVector);
      else
        chunk.visitColumnValues(c, (v, _r, _c, type) =>
          out.push(duckdb.JSDuckDBValueConverter(v, type, duckdb.JSDuckDBValueConverter)),
        );
    }
  }
  return Object.fromEntries(names.map((n, c) => [n, columns[c]!]));
}

/** Numeric types whose vectors hold a typed array of JS numbers, read without a per-value converter. */
const FIXED_WIDTH = new Set<number>([
  duckdb.DuckDBTypeId.DOUBLE,
  duckdb.DuckDBTypeId.FLOAT,
  duckdb.DuckDBTypeId.INTEGER,
  duckdb.DuckDBTypeId.SMALLINT,
  duckdb.DuckDBTypeId.TINYINT,
  duckdb.DuckDBTypeId.UINTEGER,
  duckdb.DuckDBTypeId.USMALLINT,
  duckdb.DuckDBTypeId.UTINYINT,
]);

interface FixedVector {
  items: ArrayLike<number>;
  validity: { itemValid(i: number): boolean };
  itemCount: number;
}

function pushFixed(out: unknown[], v: FixedVector): void {
  const { items, validity } = v;
  for (let i = 0; i < v.itemCount; i++) out.push(validity.itemValid(i) ? items[i] : null);
}

/** The store as a reader's SQL session (see ReaderInput.sql): plain rows out, statements run. */
export function sqlSession(store: Store): {
  all<T>(sql: string): Promise<T[]>;
  run(sql: string): Promise<void>;
} {
  return {
    all: <T>(sql: string) => query<T>(store, sql),
    run: async (sql: string) => void (await store.conn.run(sql)),
  };
}

/** Runs `fn` inside one transaction: everything it writes lands, or nothing does. */
export async function transaction<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  await store.conn.run('BEGIN TRANSACTION');
  try {
    const out = await fn();
    await store.conn.run('COMMIT');
    return out;
  } catch (e) {
    await store.conn.run('ROLLBACK');
    throw e;
  }
}

/**
 * A list parameter of strings for `list_contains(?, x)` / `unnest(?)`. DuckDB cannot type an
 * empty list, so an empty one binds as NULL: write `coalesce(?, []::VARCHAR[])` where it can be empty.
 */
export function list(values: readonly string[]): DuckDBValue {
  return values.length ? duckdb.listValue([...values]) : null;
}
