import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchRates } from '../../../src/models/franchise/match-rates.ts';
import { divisionShares, ioatOf, realCodes } from '../../../src/models/franchise/industries.ts';
import { sicCovers } from '../../../src/models/io/ioat-sic.ts';

describe('match rates three ways', () => {
  it('differ by suppliers, payments and value', () => {
    const r = matchRates([
      { matched: true, rows: 10, pence: 900 },
      { matched: false, rows: 1, pence: 50 },
      { matched: false, rows: 9, pence: 50 },
      { matched: false, rows: 0, pence: 0 },
    ]);
    assert.deepEqual(r, {
      by_suppliers: { matched: 1, total: 4, rate: 0.25 },
      by_payments: { matched: 10, total: 20, rate: 0.5 },
      by_value: { matched: 900, total: 1000, rate: 0.9 },
    });
    assert.equal(matchRates([]).by_value.rate, null);
  });
});

describe('supplier industries from SIC codes', () => {
  it('drops the public-sector marker, restores a lost leading zero, shares spend equally', () => {
    assert.deepEqual(realCodes(['1', '1470', '84110', '']), ['01470', '84110']);
    assert.deepEqual(
      [...divisionShares(['41201', '42110', '43999', '1'])],
      [
        ['41', 1 / 3],
        ['42', 1 / 3],
        ['43', 1 / 3],
      ],
    );
  });
  it('places a code in the IOAT industry that holds it whole', () => {
    const covers = sicCovers(['A01', 'C101', 'C102_3', 'C20A', 'C20B', 'F41, F42  & F43', 'Q87 & Q88']);
    assert.equal(ioatOf('43210', covers), 'F41, F42  & F43');
    assert.equal(ioatOf('10130', covers), 'C101');
    assert.equal(ioatOf('10200', covers), 'C102_3');
    assert.equal(ioatOf('20130', covers), 'C20A');
    assert.equal(ioatOf('62020', covers), null);
  });
});
