// A Kysely SQLite dialect whose one connection lives on a worker thread (sqlite-worker.ts), so
// durable commits never stall the event loop serving HTTP. Statements run one at a time, in
// order, as with Kysely's own SQLite driver: this process has a single writer.
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { Worker } from 'node:worker_threads';
import { workerSource } from '../../core/worker-source.ts';

type Reply =
  | { ready: true }
  | { id: number; rows: unknown[] }
  | { id: number; changes: number; insertId: number }
  | { id: number; error: { message: string; code?: string } };

/** Starts the worker with the TypeScript loader (as the CLI runs), opening the database at `path`. */
function startWorker(path: string): Worker {
  return new Worker(workerSource(import.meta.url, 'sqlite-worker'), {
    eval: true,
    execArgv: [],
    workerData: { path },
  });
}

class ThreadConnection implements DatabaseConnection {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (r: QueryResult<unknown>) => void; reject: (e: Error) => void }
  >();
  #next = 0;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (m: Reply) => {
      if ('ready' in m) return;
      const p = this.#pending.get(m.id)!;
      this.#pending.delete(m.id);
      if ('error' in m) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else if ('rows' in m) p.resolve({ rows: m.rows });
      else p.resolve({ rows: [], numAffectedRows: BigInt(m.changes), insertId: BigInt(m.insertId) });
    });
    const fail = (e: Error) => {
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => fail(new Error('the civic store thread has stopped')));
  }

  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (r: QueryResult<unknown>) => void, reject });
      this.#worker.postMessage({ id, sql: q.sql, params: q.parameters });
    });
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the civic store');
  }
}

class ThreadDriver implements Driver {
  readonly #path: string;
  #worker?: Worker;
  #conn?: ThreadConnection;
  #lock: Promise<void> = Promise.resolve();
  #release?: () => void;

  constructor(path: string) {
    this.#path = path;
  }

  async init(): Promise<void> {
    const worker = startWorker(this.#path);
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    this.#worker = worker;
    this.#conn = new ThreadConnection(worker);
  }

  /** One connection: callers queue for it (a transaction holds it from BEGIN to COMMIT). */
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#lock;
    let release!: () => void;
    this.#lock = new Promise((r) => (release = r));
    await previous;
    this.#release = release;
    return this.#conn!;
  }

  async releaseConnection(): Promise<void> {
    this.#release?.();
  }

  async beginTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('BEGIN'));
  }

  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async destroy(): Promise<void> {
    const w = this.#worker;
    if (!w) return;
    const exited = new Promise((r) => w.once('exit', r));
    w.postMessage({ close: true });
    await exited;
  }
}

/** Kysely's SQLite dialect (compiler, adapter, introspector) over a connection on a worker thread. */
export class ThreadSqliteDialect extends SqliteDialect {
  readonly #path: string;

  constructor(path: string) {
    super({ database: () => Promise.reject(new Error('unused: the database opens on the worker')) });
    this.#path = path;
  }

  override createDriver(): Driver {
    return new ThreadDriver(this.#path);
  }
}
