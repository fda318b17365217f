import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { columnDecimals, excelCell, excelCsvText, sourceOf } from '../../src/contract/excel-csv.ts';
import { csvText } from '../../src/contract/table.ts';

const flat = {
  columns: ['areanm', 'year', 'value £m', 'share', 'lq'],
  records: [
    {
      areanm: 'Hartlepool',
      year: 2023,
      'value £m': 477.8806770574883,
      share: 0.53704912,
      lq: 1.0297158645541629,
    },
    { areanm: '=HYPERLINK("http://x")', year: 2023, 'value £m': -1.005, share: null, lq: NaN },
    { areanm: '-sum', year: 2022, 'value £m': 12, share: 0.1, lq: 1 },
  ],
};

describe('CSV made for Excel', () => {
  const text = excelCsvText(flat, 'Office for National Statistics, Regional GVA (April 2025)');

  it('starts with a UTF-8 byte-order mark, so Excel reads £ as £', () => {
    const bytes = Buffer.from(text, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(text.slice(1), /^areanm,year,value £m,share,lq\r\n/);
    // plain CSV carries none
    assert.notEqual(csvText(flat).charCodeAt(0), 0xfeff);
  });

  it('rounds to the published precision: ratios to 4 decimals, other values to 2, whole numbers as they are', () => {
    const rows = parse(text.slice(1), { relax_column_count: true }) as string[][];
    assert.deepEqual(rows[1], ['Hartlepool', '2023', '477.88', '0.537', '1.0297']);
    assert.deepEqual(rows[3], ["'-sum", '2022', '12', '0.1', '1']);
    assert.equal(columnDecimals('sinceStart'), 4);
    assert.equal(columnDecimals('value'), 2);
  });

  it('makes text Excel would run as a formula inert, and leaves negative numbers numbers', () => {
    const rows = parse(text.slice(1), { relax_column_count: true }) as string[][];
    assert.deepEqual(rows[2], [`'=HYPERLINK("http://x")`, '2023', '-1', '', '']);
    assert.equal(excelCell('@SUM(A1)', 2), "'@SUM(A1)");
    assert.equal(excelCell('\tx', 2), "'\tx");
    assert.equal(excelCell(-0.001, 2), '0');
  });

  it('ends with a blank line and the source', () => {
    assert.ok(
      text.endsWith('\r\n\r\n"Source: Office for National Statistics, Regional GVA (April 2025)"\r\n'),
      text.slice(-90),
    );
  });

  it('names the source from the answer, its sources, its layers, or else what asked for it', () => {
    assert.equal(sourceOf({ source: 'A' }, 'x'), 'A');
    assert.equal(sourceOf({ sources: [{ title: 'B' }, 'C', { title: 'B' }] }, 'x'), 'B; C');
    assert.equal(sourceOf({ layers: { source: 'D' } }, 'x'), 'D');
    assert.equal(sourceOf({ rows: [] }, 'Strata API /api/v1/x'), 'Strata API /api/v1/x');
  });
});
