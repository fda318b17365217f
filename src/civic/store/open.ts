// Opens the civic store from a URL: `sqlite:PATH` (the embedded default), `sqlite::memory:`, or
// `postgres://user:pass@host:port/db` (several API instances serving one consultation). Both go
// through one Kysely query layer; only locking and the auto-increment column differ (tx.ts,
// migrate.ts). A `schema=NAME` query parameter on a PostgreSQL URL puts the tables in that schema
// (created if missing): test runs use a fresh one so they never collide.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import pg from 'pg';
import { DEFAULT_CIVIC_DB } from './default-url.ts';
import { migrate } from './migrate.ts';
import { cachedPrepare } from './statements.ts';
import { ThreadSqliteDialect } from './sqlite-thread.ts';
import type { CivicTables } from './tables.ts';

/** The embedded store's default place. */
export { DEFAULT_CIVIC_DB };

export type Dialect = 'sqlite' | 'postgres';

/** An open civic store. */
export interface CivicDb {
  /** Writes and transactions (SQLite: the one writer connection, on its own thread). */
  db: Kysely<CivicTables>;
  /** Plain reads outside transactions (SQLite: a reader connection on this thread, never waiting for the writer). */
  read: Kysely<CivicTables>;
  dialect: Dialect;
  /** The URL without its password. */
  label: string;
  close: () => Promise<void>;
}

/** A parsed store URL. */
export type StoreUrl =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; connectionString: string; schema?: string; pool: number };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Parses a civic store URL; a bare path means SQLite. */
export function parseStoreUrl(url: string): StoreUrl {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const u = new URL(url);
    const schema = u.searchParams.get('schema') ?? undefined;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    const pool = Number(u.searchParams.get('pool') ?? 10);
    if (!Number.isInteger(pool) || pool < 1 || pool > 200) throw new Error(`invalid pool size: ${pool}`);
    u.searchParams.delete('schema');
    u.searchParams.delete('pool');
    return { dialect: 'postgres', connectionString: u.toString(), schema, pool };
  }
  const path = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (path === '') throw new Error(`invalid civic store URL: ${url}`);
  return { dialect: 'sqlite', path };
}

/** The URL with any password masked, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/**
 * Keeps the embedded store to its owner: the database, its WAL and shared-memory files 0600
 * (SQLite gives the WAL the database file's mode), and the folder 0700 when Strata made it or it
 * is Strata's own `.strata` — a folder the user chose is left as it is.
 */
export function protectSqliteFiles(path: string): void {
  const dir = dirname(path);
  const made = mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined;
  if (made || basename(resolve(dir)) === '.strata') chmodSync(dir, 0o700);
  closeSync(openSync(path, 'a', 0o600));
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

function openSqlite(path: string): Kysely<CivicTables> {
  if (path !== ':memory:') protectSqliteFiles(path);
  return new Kysely<CivicTables>({ dialect: new ThreadSqliteDialect(path) });
}

/**
 * A reader on this thread: in WAL mode readers see every committed transaction and never wait
 * for the writer, so session lookups do not queue behind a commit. Statements are kept
 * prepared (statements.ts).
 */
function openSqliteReader(path: string): Kysely<CivicTables> {
  const database = new Database(path, { readonly: true });
  database.pragma('busy_timeout = 10000');
  const cached: SqliteDatabase = { close: () => database.close(), prepare: cachedPrepare(database) };
  return new Kysely<CivicTables>({ dialect: new SqliteDialect({ database: cached }) });
}

function openPostgres(u: Extract<StoreUrl, { dialect: 'postgres' }>): Kysely<CivicTables> {
  const pool = new pg.Pool({
    connectionString: u.connectionString,
    max: u.pool,
    ...(u.schema ? { options: `-c search_path=${u.schema}` } : {}),
  });
  return new Kysely<CivicTables>({ dialect: new PostgresDialect({ pool }) });
}

async function ensureSchema(u: Extract<StoreUrl, { dialect: 'postgres' }>): Promise<void> {
  if (!u.schema) return;
  const client = new pg.Client({ connectionString: u.connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${u.schema}`);
  } finally {
    await client.end();
  }
}

/** Opens (creating and migrating if needed) the civic store at `url`. */
export async function openCivicDb(url = DEFAULT_CIVIC_DB): Promise<CivicDb> {
  const parsed = parseStoreUrl(url);
  let db: Kysely<CivicTables>;
  try {
    if (parsed.dialect === 'postgres') await ensureSchema(parsed);
    db = parsed.dialect === 'sqlite' ? openSqlite(parsed.path) : openPostgres(parsed);
  } catch (e) {
    throw new Error(`cannot open civic store ${redactUrl(url)}: ${(e as Error).message.split('\n')[0]}`, {
      cause: e,
    });
  }
  const cdb: CivicDb = {
    db,
    read: db,
    dialect: parsed.dialect,
    label: redactUrl(url),
    close: () => db.destroy(),
  };
  try {
    await migrate(cdb);
  } catch (e) {
    await db.destroy();
    throw new Error(`cannot open civic store ${cdb.label}: ${(e as Error).message.split('\n')[0]}`, {
      cause: e,
    });
  }
  if (parsed.dialect === 'sqlite' && parsed.path !== ':memory:') {
    const read = openSqliteReader(parsed.path);
    cdb.read = read;
    cdb.close = async () => {
      await read.destroy();
      await db.destroy();
    };
  }
  return cdb;
}
