import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excelCsv, toCsv } from '../../src/web/lib/csv-text.ts';

const t = { columns: ['Area', 'Pay (£)'], rows: [['Hartlepool, Town', 577.9]] };

describe('CSV downloads', () => {
  it('start with a UTF-8 byte-order mark so Excel reads "£", and end with the source', () => {
    const text = excelCsv(t, 'Office for National Statistics, "ASHE" 2025');
    const bytes = new TextEncoder().encode(text);
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(
      text,
      '\uFEFFArea,Pay (£)\r\n"Hartlepool, Town",577.9\r\n\r\n"Source: Office for National Statistics, ""ASHE"" 2025"\r\n',
    );
    assert.equal(new TextDecoder('utf-8').decode(bytes.slice(3)).split('\r\n')[0], 'Area,Pay (£)');
  });

  it('keeps Excel from running a text cell as a formula, numbers left as they are', () => {
    const evil = {
      columns: ['Payee', 'Amount'],
      rows: [
        ['=HYPERLINK("http://x","y")', -12.5],
        ['@SUM(A1)', 3],
        ['+1', 0],
      ],
    };
    assert.equal(
      excelCsv(evil),
      '\uFEFFPayee,Amount\r\n"\'=HYPERLINK(""http://x"",""y"")",-12.5\r\n\'@SUM(A1),3\r\n\'+1,0\r\n',
    );
  });

  it('without a source: the mark and the table alone', () => {
    assert.equal(excelCsv(t), `\uFEFF${toCsv(t)}`);
  });
});
