import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsvRows } from '../../src/ingest/csv-rows.ts';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';

const read = (text: string | Uint8Array) => readCsvRows(sourceFromBytes('x.csv', text));

describe('readCsvRows', () => {
  it('keeps the line each row starts on, across quoted line breaks and blank lines', () => {
    const t = read('\uFEFFa,b\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n');
    assert.deepEqual(t.header, ['a', 'b']);
    assert.deepEqual(t.rows, [
      ['1', 'two\r\nlines'],
      ['3', '4'],
    ]);
    assert.deepEqual(t.lines, [2, 5]);
  });
  it('refuses a row of the wrong width, an unclosed quote, an empty file and bad UTF-8', () => {
    assert.throws(
      () => read('a,b\n1,2\n3\n'),
      /x\.csv:3: wrong number of fields: 1, the header has 2 \(value 1\)/,
    );
    assert.throws(() => read('a,b\n1,"2\n'), /unclosed quote/);
    assert.throws(() => read(''), /x\.csv: empty file/);
    assert.throws(
      () => read(Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0xff, 0x2c, 0x31, 0x0a])),
      /x\.csv:2: not valid UTF-8/,
    );
  });
});
