import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSpendDate } from '../../src/ingest/spend-dates.ts';

const at = { file: 'f.csv', line: 3, column: 4 };

describe('parseSpendDate', () => {
  it('reads each declared form as ISO', () => {
    assert.equal(parseSpendDate('2022-03-10', ['iso'], at), '2022-03-10');
    assert.equal(parseSpendDate('2022-03-10 00:00:00', ['iso'], at), '2022-03-10');
    assert.equal(parseSpendDate('10/03/2022', ['dmy'], at), '2022-03-10');
    assert.equal(parseSpendDate('1/3/2022', ['dmy'], at), '2022-03-01');
    assert.equal(parseSpendDate('10-03-2022', ['dmy-dash'], at), '2022-03-10');
    assert.equal(parseSpendDate('20-Dec-13', ['d-mon-yy'], at), '2013-12-20');
    assert.equal(parseSpendDate('01 April 2021', ['d-mon-yyyy'], at), '2021-04-01');
    assert.equal(parseSpendDate('29/02/2024', ['iso', 'dmy'], at), '2024-02-29');
  });
  it('refuses dates that do not exist and forms the layout does not declare', () => {
    assert.throws(
      () => parseSpendDate('29/02/2022', ['dmy'], at),
      /f\.csv:3:4: no such date \(value "29\/02\/2022"\)/,
    );
    assert.throws(() => parseSpendDate('31-Apr-21', ['d-mon-yy'], at), /no such date/);
    assert.throws(() => parseSpendDate('2022-13-01', ['iso'], at), /no such date/);
    assert.throws(
      () => parseSpendDate('10/03/2022', ['iso'], at),
      /f\.csv:3:4: not a date \(iso\) \(value "10\/03\/2022"\)/,
    );
    assert.throws(() => parseSpendDate('20-Foo-13', ['d-mon-yy'], at), /no such date/);
    assert.throws(() => parseSpendDate('', ['iso', 'dmy'], at), /not a date \(iso, dmy\)/);
  });
});
