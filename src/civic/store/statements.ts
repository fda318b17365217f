// Prepared statements kept by SQL text, for the embedded store's connections (the writer on its
// thread, the reader on the server's): Kysely prepares each query afresh, and preparing costs
// more than running the small statements a ballot or a session lookup needs. Bounded: multi-row
// inserts have one text per row count (at most a few hundred).
import type Database from 'better-sqlite3';

/** `database.prepare`, remembering each statement by its SQL text. */
export function cachedPrepare(database: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= 1000) cache.clear();
      stmt = database.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
}
