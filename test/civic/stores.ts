// The civic stores every store test runs against: SQLite always, PostgreSQL when STRATA_TEST_PG
// names a server (CI starts one; there its absence is a failure, not a skip). Each PostgreSQL
// store lives in a fresh schema, dropped afterwards, so runs never collide.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A store URL to test against and how to remove it afterwards. */
export interface TestStore {
  name: 'sqlite' | 'postgres';
  url: string;
  drop: () => Promise<void>;
}

/** The kinds of store to run against here. */
export function storeKinds(): ('sqlite' | 'postgres')[] {
  if (process.env.STRATA_TEST_PG) return ['sqlite', 'postgres'];
  if (process.env.CI)
    throw new Error('CI=1 but STRATA_TEST_PG is not set: the PostgreSQL store tests must run in CI');
  return ['sqlite'];
}

/** A fresh, empty store of the kind. */
export function freshStore(kind: 'sqlite' | 'postgres'): TestStore {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'strata-civic-'));
    return {
      name: kind,
      url: `sqlite:${join(dir, 'civic.sqlite')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.STRATA_TEST_PG!;
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const url = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    name: kind,
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A clock tests can move. */
export function testClock(start = '2026-05-01T10:00:00.000Z') {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => void (t = new Date(iso).getTime()),
    advance: (ms: number) => void (t += ms),
  };
}
