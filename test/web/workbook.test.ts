// A page's workbook without a browser: sheet names Excel accepts (at most 31 characters, none of
// \ / ? * [ ] :, unique, Sources kept for the sources), and the bytes read back with the same numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import { sheetNames, workbookBytes, workbookSheets } from '../../src/web/lib/workbook.ts';

describe('workbook', () => {
  it('names sheets as Excel requires', () => {
    const long = 'Gross value added by layer, Hartlepool, 1998–2023';
    assert.deepEqual(sheetNames([long, long, 'Jobs: by sex [2024]', 'sources', '']), [
      'Gross value added by layer, Har',
      'Gross value added by layer, H 2',
      'Jobs by sex 2024',
      'sources 2',
      'Table 5',
    ]);
    for (const n of sheetNames([long, long, long])) assert.ok(n.length <= 31, n);
  });

  it('writes a sheet per table and a Sources sheet that read back with the same numbers', async () => {
    const tables = [
      {
        caption: 'Shares',
        table: {
          columns: ['Layer', 'Share'],
          rows: [
            ['everyday', 0.1 + 0.2],
            ['other', null],
          ],
        },
        source: 'ONS, Regional GVA',
      },
      { caption: 'Pay', table: { columns: ['Area', '£ a week'], rows: [['Hartlepool', 576.1]] } },
    ];
    assert.deepEqual(
      workbookSheets(tables, 'http://x/area/E06000001').map((s) => s.name),
      ['Shares', 'Pay', 'Sources'],
    );
    const book = XLSX.read(new Uint8Array(await workbookBytes(tables, 'http://x/area/E06000001')));
    assert.deepEqual(book.SheetNames, ['Shares', 'Pay', 'Sources']);
    const shares = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Shares!, { header: 1 });
    assert.deepEqual(shares, [['Layer', 'Share'], ['everyday', 0.30000000000000004], ['other']]);
    const sources = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Sources!, { header: 1 });
    assert.deepEqual(sources, [
      ['Sheet', 'Table', 'Source'],
      ['Shares', 'Shares', 'ONS, Regional GVA'],
      ['Pay', 'Pay', ''],
      [],
      ['Page', 'http://x/area/E06000001'],
    ]);
  });
});
