// The embedded store's one connection, on its own thread: better-sqlite3 runs each statement
// synchronously, and with synchronous=FULL every COMMIT waits for the disk. Here that wait (and
// WAL checkpoints) block this thread only, not the server's event loop. Messages in:
// { id, sql, params } or { close: true }; out: { id, rows } | { id, changes, insertId } | { id, error }.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedPrepare } from './statements.ts';

const port = parentPort!;
const db = new Database((workerData as { path: string }).path);
// WAL with full sync: a COMMIT returns only after the log is on disk, so an acknowledged ballot
// survives a crash or power loss; readers never block the writer.
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
// Another process (the CLI beside a running server) may hold the write lock briefly.
db.pragma('busy_timeout = 10000');

const prepare = cachedPrepare(db);

port.on('message', (m: { id: number; sql: string; params: unknown[] } | { close: true }) => {
  if ('close' in m) {
    db.close();
    port.close();
    return;
  }
  try {
    const stmt = prepare(m.sql);
    if (stmt.reader) port.postMessage({ id: m.id, rows: stmt.all(m.params) });
    else {
      const r = stmt.run(m.params);
      port.postMessage({ id: m.id, changes: Number(r.changes), insertId: Number(r.lastInsertRowid) });
    }
  } catch (e) {
    const err = e as Error & { code?: string };
    port.postMessage({ id: m.id, error: { message: err.message, code: err.code } });
  }
});
port.postMessage({ ready: true });
