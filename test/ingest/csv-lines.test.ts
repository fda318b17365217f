import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsv } from '../../src/ingest/csv.ts';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';

// Error messages name the line a record starts on, even when a quoted field spans lines
// (the gender pay gap files hold SIC codes and URLs over several lines).
describe('readCsv line numbers', () => {
  it('gives the start line of records with multi-line quoted fields', () => {
    const t = readCsv(sourceFromBytes('a.csv', 'a,b\n1,"x\ny"\n2,z\n3,"p\r\nq"\n\n4,w\n'));
    assert.deepEqual(t.lines, [2, 4, 5, 8]);
  });
  it('counts UTF-8 text, a BOM and CRLF correctly', () => {
    const t = readCsv(sourceFromBytes('a.csv', '\uFEFFa,b\r\n£1,"x\r\ny"\r\n\r\n2,z'));
    assert.deepEqual(t.lines, [2, 5]);
  });
  it('keeps absolute line numbers below title rows', () => {
    const t = readCsv(sourceFromBytes('a.csv', 'title\n\na,b\n1,2\n\n3,4\n'), { headerLine: 3 });
    assert.deepEqual(t.lines, [4, 6]);
  });
});
