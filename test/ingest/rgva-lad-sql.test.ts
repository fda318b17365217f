// The import reads the LAD GVA Parquet table with DuckDB and validates in SQL; the row-by-row JS
// reader is the reference. Both must give the same rows, industry tree, published-total checks,
// warnings and, for a malformed file, the same error naming the same line and value.
import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SIC_DIVISIONS } from '../../src/core/sic.ts';
import type { ReadResult } from '../../src/ingest/reader.ts';
import { readRgvaLad } from '../../src/ingest/rgva-lad.ts';
import { readRgvaLadSql } from '../../src/ingest/rgva-lad-sql.ts';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';
import { Staging } from '../../src/ingest/staging-sql.ts';
import { closeStore, openStore, query, sqlSession, type Store } from '../../src/store/db.ts';
import { testSource } from '../helpers/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-rgva-sql-'));
let store: Store;
before(async () => {
  store = await openStore(':memory:');
});
after(() => {
  closeStore(store);
  rmSync(dir, { recursive: true, force: true });
});

type Row = [date: string, variable: string, area: string, industry: string, value: number | null];
const CP = 'GVA Current Prices £m';

/** Writes rows in the published long layout and returns the file's path. */
async function parquet(rows: Row[], dateType = 'DATE'): Promise<string> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.parquet`);
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(
    `CREATE TABLE t (dataset VARCHAR, "dates.date" ${dateType}, "dates.freq" VARCHAR, "variable.name" VARCHAR, "geography.code" VARCHAR, "geography.name" VARCHAR, "industry.code" VARCHAR, "industry.name" VARCHAR, value DOUBLE)`,
  );
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const values = rows.map(
    ([d, v, a, i, x]) =>
      `('RGVA_LAD', ${q(d)}, 'a', ${q(v)}, ${q(a)}, ${q('Area ' + a)}, ${q(i)}, ${q('Industry ' + i)}, ${x ?? 'NULL'})`,
  );
  if (values.length) await c.run(`INSERT INTO t VALUES ${values.join(',')}`);
  await c.run(`COPY t TO ${q(path)} (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
  return path;
}

const input = (path: string) => ({
  files: [sourceFromBytes('RGVA_LAD.parquet', readFileSync(path), path)],
  source: testSource({ id: 'ons-gva-lad', reader: 'rgva-lad' }),
  retrieved: '2026-01-01',
});

/** What a result puts in the store, in JS form, whichever way it was read. */
async function content(r: ReadResult) {
  const bulk = async (table: string) => {
    const b = r.bulk?.find((x) => x.table === table);
    return b ? query<Record<string, unknown>>(store, b.select) : [];
  };
  const industry = r.bulk
    ? (await bulk('industry_obs')).map((x) => Object.values(x))
    : r.records.industry!.map((x) => [x.areacd, x.industry, x.measure, x.period, x.value, x.status]);
  const checks = r.bulk
    ? (await bulk('checks')).map((x) => Object.values(x))
    : r.checks.map((c) => [c.name, c.expected, c.actual, c.tolerance]);
  const industries = r.industries ?? [
    ...new Map(
      r.records.industry!.map((x) => [
        x.industry,
        { code: x.industry, name: x.industryName, parent: x.parent },
      ]),
    ).values(),
  ];
  const sort = (rows: unknown[][]) => rows.map((x) => JSON.stringify(x)).sort();
  return {
    industry: sort(industry),
    checks: sort(checks),
    industries,
    areas: r.records.areas,
    warnings: r.warnings,
    provenance: r.provenance,
  };
}

async function bothAgree(rows: Row[], dateType?: string): Promise<void> {
  const path = await parquet(rows, dateType);
  const ref = await readRgvaLad(input(path)).then(content, (e: Error) => e.message);
  const sql = await readRgvaLadSql(input(path), new Staging(sqlSession(store))).then(
    (r) => content(r!),
    (e: Error) => e.message,
  );
  assert.deepEqual(sql, ref);
}

const d = '2023-01-01';
/** A small hierarchy: Total ⊃ A-E, G-T; one area off by more than rounding in 2022. */
const good: Row[] = [
  ...['E06000001', 'E06000002'].flatMap((a, k): Row[] => [
    [d, CP, a, 'Total', 100 + k],
    [d, CP, a, 'A-E', 40.25],
    [d, CP, a, 'G-T', 59.75 + k],
    ['2022-01-01', CP, a, 'Total', 90],
    ['2022-01-01', CP, a, 'A-E', 40],
    ['2022-01-01', CP, a, 'G-T', k ? null : 45],
    [d, 'CVM Index', a, 'Total', 101.5],
  ]),
];

describe('rgva-lad: DuckDB path against the reference reader', () => {
  it('agrees on rows, industries, checks and warnings', async () => {
    await bothAgree(good);
    await bothAgree(
      ['E06000001', 'E06000002'].flatMap((a) => SIC_DIVISIONS.map((x, k): Row => [d, CP, a, x, k])),
    );
  });
  it('agrees on a date given as text', () => bothAgree(good, 'VARCHAR'));
  const bad: [string, (rows: Row[]) => Row[]][] = [
    [
      'unknown measure',
      (r) => r.map((x, i): Row => (i === 3 ? [x[0], 'GVA per head', x[2], x[3], x[4]] : x)),
    ],
    ['not a LAD code', (r) => r.map((x, i): Row => (i === 4 ? [x[0], x[1], 'TLC11', x[3], x[4]] : x))],
    [
      'unknown industry code',
      (r) => r.map((x, i): Row => (i === 5 ? [x[0], x[1], x[2], 'ZZ (1-2)', x[4]] : x)),
    ],
    [
      'year out of range',
      (r) => r.map((x, i): Row => (i === 2 ? ['2150-01-01', x[1], x[2], x[3], x[4]] : x)),
    ],
    ['duplicate observation', (r) => [...r, r[1]!]],
    ['two faults: the earlier line wins', (r) => [...r.slice(0, 8), [d, 'nope', 'bad', 'Total', 1], r[1]!]],
    ['two faults on one line: measure before area', (r) => [...r, [d, 'nope', 'bad', 'Total', 1]]],
  ];
  for (const [name, change] of bad) it(`agrees on the error: ${name}`, () => bothAgree(change(good)));
  it('agrees on an empty table', () => bothAgree([]));
});
