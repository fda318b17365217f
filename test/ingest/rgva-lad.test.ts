import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SIC_DIVISIONS } from '../../src/core/sic.ts';
import { readRgvaLad } from '../../src/ingest/rgva-lad.ts';
import { inputOf } from '../helpers/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-rgva-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Row = [area: string, industry: string, value: number];

/** The long Parquet layout of the LAD GVA table, written with DuckDB. */
async function parquet(rows: Row[]): Promise<Uint8Array> {
  const path = join(dir, `t${Math.random().toString(36).slice(2)}.parquet`);
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(
    `CREATE TABLE t ("dates.date" DATE, "variable.name" VARCHAR, "geography.code" VARCHAR, "geography.name" VARCHAR, "industry.code" VARCHAR, "industry.name" VARCHAR, value DOUBLE)`,
  );
  const values = rows
    .map(
      ([a, i, v]) =>
        `(DATE '2023-01-01', 'GVA Current Prices £m', '${a}', 'Area ${a}', '${i}', 'Division ${i}', ${v})`,
    )
    .join(',');
  await c.run(`INSERT INTO t VALUES ${values}`);
  await c.run(`COPY t TO '${path}' (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
  return readFileSync(path);
}

/** Every area with a value in each of the 88 SIC divisions. */
const divisionRows = (areas: string[]): Row[] =>
  areas.flatMap((a) => SIC_DIVISIONS.map((d, k): Row => [a, d, k + 1]));

describe('rgva-lad reader', () => {
  it('reads a table with more than 64 industry codes without mistaking rows for duplicates', async () => {
    const bytes = await parquet(divisionRows(['E06000001', 'E06000002', 'E06000003']));
    const r = await readRgvaLad(inputOf({ 'RGVA_LAD.parquet': bytes }));
    assert.equal(r.records.industry!.length, 3 * 88);
    assert.equal(r.records.areas!.length, 3);
  });

  it('still refuses a repeated area, industry, measure and year', async () => {
    const rows = divisionRows(['E06000001', 'E06000002']);
    const bytes = await parquet([...rows, ['E06000002', '99', 5]]);
    await assert.rejects(
      readRgvaLad(inputOf({ 'RGVA_LAD.parquet': bytes })),
      /RGVA_LAD\.parquet:177: duplicate observation \(value "E06000002 99 GVA Current Prices £m 2023"\)/,
    );
  });
});
