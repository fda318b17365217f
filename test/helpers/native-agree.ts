// A native (DuckDB) reader against its JS reference: both write into a store, and the stores must
// hold the same rows in every table, the same provenance, rows count and warnings (in order); a
// malformed input must fail with the same message either way.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nativeOr, type NativeReader } from '../../src/ingest/native.ts';
import type { CatalogueSource, Reader, ReaderInput } from '../../src/ingest/reader.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { Staging } from '../../src/ingest/staging-sql.ts';
import { closeStore, openStore, query, sqlSession, type Store } from '../../src/store/db.ts';
import { DATA_TABLES } from '../../src/store/schema.ts';
import { writeDataset } from '../../src/store/write.ts';
import { testSource } from './source.ts';

/** Files on disk (the native path reads them with DuckDB), as a reader gets them. */
export function diskInput(
  files: Record<string, string | Uint8Array>,
  source: Partial<CatalogueSource> = {},
): { input: ReaderInput; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'strata-native-'));
  const paths = Object.entries(files).map(([name, body]) => {
    writeFileSync(join(dir, name), body);
    return join(dir, name);
  });
  return {
    input: { files: paths.map(readSourceFile), source: testSource(source), retrieved: '2026-01-01' },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Every table's rows (sorted, dataset id left out) and the dataset's provenance row. */
async function stored(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const t of DATA_TABLES) {
    const rows = await query<Record<string, unknown>>(store, `SELECT * EXCLUDE (dataset_id) FROM ${t}`);
    if (rows.length) out[t] = rows.map((r) => JSON.stringify(r, jsonSafe)).sort();
  }
  out.datasets = await query(
    store,
    `SELECT * EXCLUDE (id, imported_at, location), CAST(warnings AS VARCHAR) AS w FROM datasets`,
  );
  return JSON.parse(JSON.stringify(out, jsonSafe)) as Record<string, unknown>;
}

function jsonSafe(_k: string, v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Object.is(v, -0)) return '-0';
  return v;
}

let shared: Promise<Store> | null = null;
/** One in-memory store for the whole test file; every outcome is rolled back, so it stays empty. */
function store(): Promise<Store> {
  shared ??= openStore(':memory:');
  return shared;
}

/** Runs `fn` in a transaction that is always rolled back. */
async function rolledBack<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await store();
  await s.conn.run('BEGIN TRANSACTION');
  try {
    return await fn(s);
  } finally {
    await s.conn.run('ROLLBACK');
  }
}

/** What reading `input` puts in the store, or the error message. */
function outcome(read: Reader, input: ReaderInput, native: boolean): Promise<unknown> {
  return rolledBack(async (s) => {
    try {
      const result = await read({ ...input, sql: native ? sqlSession(s) : undefined });
      await writeDataset(s, { ...result, location: '/pack/' });
      return await stored(s);
    } catch (e) {
      return `error: ${(e as Error).message}`;
    }
  });
}

/**
 * The native path and the reference store the same content or fail alike. `expectNative`:
 * whether the native path must read the input itself (true for every well-formed fixture)
 * rather than give it to the reference.
 */
export async function bothAgree(
  native: NativeReader,
  reference: Reader,
  files: Record<string, string | Uint8Array>,
  source: Partial<CatalogueSource>,
  expectNative: boolean,
): Promise<unknown> {
  const { input, done } = diskInput(files, source);
  try {
    const ref = await outcome(reference, input, false);
    const got = await outcome(nativeOr(native, reference), input, true);
    assert.deepEqual(got, ref);
    const direct = await rolledBack((s) =>
      native({ ...input, sql: sqlSession(s) }, new Staging(sqlSession(s))),
    );
    assert.equal(
      direct !== null,
      expectNative,
      expectNative ? 'native path declined' : 'native path read it',
    );
    return ref;
  } finally {
    done();
  }
}

/** Closes the shared store (call in `after`). */
export async function closeShared(): Promise<void> {
  if (shared) closeStore(await shared);
  shared = null;
}

/**
 * The native path and the reference on a dataset of the data pack, both written into one store
 * (as two sources) and compared in SQL, table by table, row for row (EXCEPT ALL both ways), with
 * the same row counts and warnings. Returns the number of rows compared.
 */
export async function packAgrees(
  native: NativeReader,
  reference: Reader,
  input: ReaderInput,
): Promise<number> {
  const s = await openStore(':memory:');
  try {
    const ref = await reference({ ...input, sql: undefined });
    const staging = new Staging(sqlSession(s));
    const got = await native({ ...input, sql: sqlSession(s) }, staging);
    assert.ok(got, 'native path declined the published file');
    const a = await writeDataset(s, {
      ...ref,
      provenance: { ...ref.provenance, source: 'ref' },
      location: '/',
    });
    const b = await writeDataset(s, {
      ...got,
      provenance: { ...got.provenance, source: 'native' },
      location: '/',
      temp: staging.tables,
    });
    assert.equal(b.rows, a.rows);
    assert.deepEqual(got.warnings, ref.warnings);
    let compared = 0;
    for (const t of DATA_TABLES) {
      const side = (id: number) => `SELECT * EXCLUDE (dataset_id) FROM ${t} WHERE dataset_id = ${id}`;
      const [r] = await query<{ n: bigint; d: bigint }>(
        s,
        `SELECT (SELECT count(*) FROM ${t} WHERE dataset_id = ${a.datasetId}) AS n,
                (SELECT count(*) FROM ((${side(a.datasetId)} EXCEPT ALL ${side(b.datasetId)})
                 UNION ALL (${side(b.datasetId)} EXCEPT ALL ${side(a.datasetId)}))) AS d`,
      );
      assert.equal(Number(r!.d), 0, `${t}: rows that differ`);
      compared += Number(r!.n);
    }
    return compared;
  } finally {
    closeStore(s);
  }
}
