import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveIndustry, SIC_DIVISIONS } from '../../src/core/sic.ts';
import { readGhgIntensity } from '../../src/ingest/ghg-intensity.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const FILE = '04atmosphericemissionsghgintensity.xlsx';

describe('ONS atmospheric emissions: GHG and CO2 intensity by industry (real workbook)', () => {
  const started = performance.now();
  const out = readGhgIntensity({
    files: [readSourceFile(join(PACK, 'ons-ghg-intensity-by-industry', FILE))],
    source: testSource(),
    retrieved: '2026-01-01',
  });
  const ms = performance.now() - started;
  const recs = out.records.industry!;
  const get = (industry: string, period: number, measure = 'ghg_intensity') =>
    recs.find((r) => r.industry === industry && r.period === period && r.measure === measure)!;

  it('holds 20 sections, the total and 110 industry groups for 1990–2023, for both measures', () => {
    assert.equal(recs.length, 131 * 34 * 2);
    const ghg2023 = recs.filter((r) => r.measure === 'ghg_intensity' && r.period === 2023);
    assert.equal(ghg2023.filter((r) => r.parent === 'Total').length, 20);
    assert.equal(ghg2023.filter((r) => r.parent !== 'Total' && r.parent !== null).length, 110);
    const years = [...new Set(recs.map((r) => r.period))];
    assert.deepEqual([years.length, Math.min(...years), Math.max(...years)], [34, 1990, 2023]);
    assert.ok(ms < 3000, `took ${ms} ms`);
  });

  it('gives the published intensities (thousand tonnes CO2e per £ million GVA)', () => {
    assert.equal(get('Total', 1990).value, 0.56);
    assert.equal(get('Total', 2023).value, 0.16);
    assert.equal(get('A', 2023).value, 2.91);
    assert.equal(get('D', 1990).value, 9.79);
    assert.equal(get('5', 2023).value, 64.92);
    assert.equal(get('51', 1990).value, 18.96);
    assert.equal(get('Total', 1990, 'co2_intensity').value, 0.4);
    assert.equal(get('Total', 2023, 'co2_intensity').value, 0.13);
    assert.deepEqual([get('K', 2023).value, get('K', 2023).status], [null, '[low]']);
    assert.deepEqual([get('7', 1990).value, get('7', 1990).status], [null, '[z]']);
    assert.equal(recs.filter((r) => r.status === '[low]').length, 443);
    assert.equal(recs.filter((r) => r.status === '[z]').length, 204);
  });

  it('resolves every published group code; together they cover every division but 98 and 99', () => {
    const groups = [...new Set(recs.filter((r) => r.parent && r.parent !== 'Total').map((r) => r.industry))];
    const covered = new Set(groups.flatMap((g) => resolveIndustry(g).divisions));
    assert.deepEqual(
      SIC_DIVISIONS.filter((d) => !covered.has(d)),
      ['98', '99'],
    );
    assert.equal(get('11.01-6 &12', 2023).parent, 'C');
    assert.equal(get('68.1-2', 2023).parent, 'L');
  });

  it('finds the CO2 sheet exception: its group-table Total repeats the column before it', () => {
    const ghg = out.checks.filter((c) => c.name.startsWith('ghg_intensity'));
    assert.equal(ghg.length, 34);
    assert.ok(ghg.every((c) => c.expected === c.actual));
    assert.deepEqual(out.warnings, [
      `${FILE}!CO2 intensity!EE10:EE43: the group table's Total differs from the section table's in 34 of 34 years (1990…2023); the section table's is kept`,
    ]);
    const co2Total1990 = out.checks.find(
      (c) => c.name === 'co2_intensity 1990: group-table Total = section-table Total',
    )!;
    assert.deepEqual(
      [co2Total1990.expected, co2Total1990.actual],
      [0.4, get('97', 1990, 'co2_intensity').value],
    );
  });
});
