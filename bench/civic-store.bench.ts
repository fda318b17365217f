// Which embedded store for the civic ballot log? Durable single-ballot commits — each one reads
// the log head, inserts the entry (about 300 bytes), moves the head, and commits — timed on the
// same disk for SQLite (better-sqlite3 12, WAL, synchronous=FULL) and DuckDB (its WAL, synced at
// commit). Also the same in groups of 50 ballots per commit (the server's group commit), and,
// when STRATA_TEST_PG is set, PostgreSQL for reference. Prints throughput and latency.
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const N = Number(process.env.STRATA_BENCH_COMMITS ?? 3000);
const GROUP = 50;
const base = process.env.STRATA_BENCH_DIR ?? tmpdir();
const dir = mkdtempSync(join(base, 'strata-civic-store-'));
const row = (seq: number) => ({
  seq,
  prev: randomBytes(32).toString('hex'),
  voter: randomBytes(32).toString('hex'),
  ballot: '["A","C","F"]',
  hash: randomBytes(32).toString('hex'),
});
const DDL = [
  'CREATE TABLE ballots (consultation_id TEXT, seq INTEGER, prev_hash TEXT, voter TEXT, ballot TEXT, hash TEXT, PRIMARY KEY (consultation_id, seq))',
  'CREATE TABLE chain_heads (consultation_id TEXT PRIMARY KEY, seq INTEGER, hash TEXT)',
  "INSERT INTO chain_heads VALUES ('c', -1, 'genesis')",
];

interface Result {
  store: string;
  mode: string;
  perSecond: number;
  p50: number;
  p99: number;
}
const results: Result[] = [];

async function measure(
  store: string,
  mode: string,
  commits: number,
  perCommit: number,
  commit: (k: number) => Promise<void> | void,
): Promise<void> {
  const lat: number[] = [];
  const t0 = performance.now();
  for (let k = 0; k < commits; k++) {
    const a = performance.now();
    await commit(k);
    lat.push(performance.now() - a);
  }
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!;
  results.push({ store, mode, perSecond: (commits * perCommit) / seconds, p50: q(0.5), p99: q(0.99) });
}

function sqlite(): Database.Database {
  const db = new Database(join(dir, 'civic.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  for (const s of DDL) db.exec(s);
  return db;
}

async function benchSqlite(): Promise<void> {
  const db = sqlite();
  const head = db.prepare("SELECT seq, hash FROM chain_heads WHERE consultation_id = 'c'");
  const insert = db.prepare("INSERT INTO ballots VALUES ('c', ?, ?, ?, ?, ?)");
  const move = db.prepare("UPDATE chain_heads SET seq = ?, hash = ? WHERE consultation_id = 'c'");
  let seq = 0;
  const append = (n: number) =>
    db
      .transaction(() => {
        head.get();
        for (let i = 0; i < n; i++) {
          const r = row(seq++);
          insert.run(r.seq, r.prev, r.voter, r.ballot, r.hash);
          move.run(r.seq, r.hash);
        }
      })
      .immediate();
  await measure('SQLite (WAL, synchronous=FULL)', '1 ballot per commit', N, 1, () => append(1));
  await measure('SQLite (WAL, synchronous=FULL)', `${GROUP} ballots per commit`, N / 10, GROUP, () =>
    append(GROUP),
  );
  db.close();
}

async function benchDuckDb(): Promise<void> {
  const instance = await DuckDBInstance.create(join(dir, 'civic.duckdb'));
  const conn = await instance.connect();
  for (const s of DDL) await conn.run(s);
  const insert = await conn.prepare("INSERT INTO ballots VALUES ('c', $1, $2, $3, $4, $5)");
  const move = await conn.prepare("UPDATE chain_heads SET seq = $1, hash = $2 WHERE consultation_id = 'c'");
  let seq = 0;
  const append = async (n: number) => {
    await conn.run('BEGIN TRANSACTION');
    await conn.runAndReadAll("SELECT seq, hash FROM chain_heads WHERE consultation_id = 'c'");
    for (let i = 0; i < n; i++) {
      const r = row(seq++);
      insert.bind([r.seq, r.prev, r.voter, r.ballot, r.hash]);
      await insert.run();
      move.bind([r.seq, r.hash]);
      await move.run();
    }
    await conn.run('COMMIT');
  };
  await measure('DuckDB (WAL)', '1 ballot per commit', N, 1, () => append(1));
  await measure('DuckDB (WAL)', `${GROUP} ballots per commit`, N / 10, GROUP, () => append(GROUP));
  conn.closeSync();
  instance.closeSync();
}

async function benchPostgres(url: string): Promise<void> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}`);
  for (const s of DDL) await client.query(s);
  let seq = 0;
  const append = async (n: number) => {
    await client.query('BEGIN');
    await client.query("SELECT seq, hash FROM chain_heads WHERE consultation_id = 'c' FOR UPDATE");
    for (let i = 0; i < n; i++) {
      const r = row(seq++);
      await client.query("INSERT INTO ballots VALUES ('c', $1, $2, $3, $4, $5)", [
        r.seq,
        r.prev,
        r.voter,
        r.ballot,
        r.hash,
      ]);
      await client.query("UPDATE chain_heads SET seq = $1, hash = $2 WHERE consultation_id = 'c'", [
        r.seq,
        r.hash,
      ]);
    }
    await client.query('COMMIT');
  };
  try {
    await measure('PostgreSQL (reference)', '1 ballot per commit', N, 1, () => append(1));
    await measure('PostgreSQL (reference)', `${GROUP} ballots per commit`, N / 10, GROUP, () =>
      append(GROUP),
    );
  } finally {
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
}

try {
  await benchSqlite();
  await benchDuckDb();
  if (process.env.STRATA_TEST_PG) await benchPostgres(process.env.STRATA_TEST_PG);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `durable commits of ballot-log appends, ${N} single commits and ${N / 10} groups of ${GROUP}, in ${base}`,
);
console.log(
  [
    'store'.padEnd(32),
    'mode'.padEnd(22),
    'ballots/s'.padStart(10),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
  ].join('  '),
);
for (const r of results)
  console.log(
    [
      r.store.padEnd(32),
      r.mode.padEnd(22),
      r.perSecond.toFixed(0).padStart(10),
      r.p50.toFixed(2).padStart(8),
      r.p99.toFixed(2).padStart(8),
    ].join('  '),
  );
const single = (s: string) => results.find((r) => r.store.startsWith(s) && r.mode.startsWith('1 '))!;
console.log(
  `single-ballot commits: SQLite ${(single('SQLite').perSecond / single('DuckDB').perSecond).toFixed(1)}× DuckDB's throughput; ` +
    `p99 ${single('SQLite').p99.toFixed(2)} ms against ${single('DuckDB').p99.toFixed(2)} ms`,
);
