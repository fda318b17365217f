// The import's DuckDB readers against their JS references on the published files of the data
// pack: the same rows in every table, the same checks and warnings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalogue, recognise } from '../../src/ingest/catalogue.ts';
import { readCouncilSpending } from '../../src/ingest/council-spending.ts';
import { readCouncilSpendingSql } from '../../src/ingest/council-spending-sql.ts';
import { readGvaItl3 } from '../../src/ingest/gva-itl3.ts';
import { readGvaItl3Sql } from '../../src/ingest/gva-itl3-sql.ts';
import type { ReaderInput } from '../../src/ingest/reader.ts';
import { readRgvaLad } from '../../src/ingest/rgva-lad.ts';
import { readRgvaLadSql } from '../../src/ingest/rgva-lad-sql.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { packAgrees } from '../helpers/native-agree.ts';
import { PACK } from '../helpers/source.ts';

const found = recognise(PACK, loadCatalogue()).datasets;

function packInput(key: string): ReaderInput {
  const ds = found.find((d) => d.key === key);
  assert.ok(ds, `${key} not found in ${PACK}`);
  return { files: ds.paths.map(readSourceFile), source: ds.source, retrieved: '2026-01-01' };
}

describe('native readers agree with their references on the data pack', () => {
  it('ITL3 GVA by industry, current prices (Table 3c)', async () => {
    assert.ok((await packAgrees(readGvaItl3Sql, readGvaItl3, packInput('ons-gva-itl3-cp'))) > 280_000);
  });
  it('ITL3 GVA by industry, chained volume (Table 3b)', async () => {
    assert.ok((await packAgrees(readGvaItl3Sql, readGvaItl3, packInput('ons-gva-itl3-cvm'))) > 270_000);
  });
  it('Manchester spending over £500, twelve monthly files', async () => {
    const n = await packAgrees(
      readCouncilSpendingSql,
      readCouncilSpending,
      packInput('manchester-spending-over-500-2021-22'),
    );
    assert.ok(n > 39_000);
  });
  it('Leeds spending, March 2022', async () => {
    const n = await packAgrees(
      readCouncilSpendingSql,
      readCouncilSpending,
      packInput('leeds-spending-2022-03'),
    );
    assert.ok(n > 29_000);
  });
  it('LAD GVA by industry (Parquet)', async () => {
    assert.ok((await packAgrees(readRgvaLadSql, readRgvaLad, packInput('ons-gva-lad'))) > 1_800_000);
  });
});
