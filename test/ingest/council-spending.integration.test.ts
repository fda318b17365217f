import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { SpendingRecord } from '../../src/core/records.ts';
import { readCouncilSpending } from '../../src/ingest/council-spending.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const DIR = join(PACK, 'council-spending-manchester-leeds');
const read = (names: string[], options: Record<string, unknown> = {}) =>
  readCouncilSpending({
    files: names.map((n) => readSourceFile(join(DIR, n))),
    source: testSource({ options }),
    retrieved: '2026-01-01',
  }).records.spending!;
const pence = (rows: SpendingRecord[]) => rows.reduce((s, r) => s + Math.round(r.amount * 100), 0);

describe('readCouncilSpending on the published files', () => {
  it('Manchester, April 2021 to March 2022: 39,188 payments netting £837,472,435.69', () => {
    const months = readdirSync(DIR).filter((f) => /^20\d\d-\d\d\.csv$/.test(f));
    assert.equal(months.length, 12);
    const rows = read([...months, 'index.json']);
    assert.equal(rows.length, 39_188);
    assert.equal(pence(rows), 83_747_243_569);
    assert.ok(
      rows.every(
        (r) => r.body === 'Manchester City Council' && r.date >= '2021-04-01' && r.date <= '2022-03-31',
      ),
    );
    assert.equal(rows.filter((r) => r.amount < 0).length, 2187);
    const april = read(['2021-04.csv']);
    assert.deepEqual([april.length, pence(april)], [3021, 6_503_302_895]);
    assert.equal(april.filter((r) => r.supplier === 'Redacted Personal Information').length, 172);
  });
  it('Leeds, March 2022: 29,223 payments netting £242,587,957.56', () => {
    const rows = read(['leeds_processed_2022-03.csv'], { body: 'Leeds City Council' });
    assert.equal(rows.length, 29_223);
    assert.equal(pence(rows), 24_258_795_756);
    assert.equal(rows.filter((r) => r.supplier === 'REDACTED PERSONAL DATA').length, 3515);
    assert.equal(rows.filter((r) => r.amount < 0).length, 458);
    assert.ok(rows.every((r) => r.body === 'Leeds City Council' && r.companyNumber === null));
  });
});
