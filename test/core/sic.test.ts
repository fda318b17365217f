import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveIndustry, SIC_DIVISIONS } from '../../src/core/sic.ts';

const divs = (code: string) => resolveIndustry(code).divisions;

describe('resolveIndustry', () => {
  it('resolves every form of published code to SIC divisions', () => {
    assert.equal(SIC_DIVISIONS.length, 88);
    assert.equal(divs('Total').length, 88);
    assert.deepEqual(divs('CA (10-12)'), ['10', '11', '12']);
    assert.deepEqual(divs('AB (1-9)'), ['01', '02', '03', '05', '06', '07', '08', '09']);
    assert.deepEqual(divs('CD-CG (19-23)'), ['19', '20', '21', '22', '23']);
    assert.deepEqual(divs('A-E'), [...divs('AB (1-9)'), ...divs('C (10-33)'), ...divs('DE (35-39)')]);
    assert.deepEqual(divs('49-51'), ['49', '50', '51']);
    assert.deepEqual(divs('1'), ['01']);
    assert.deepEqual(divs('101'), ['10']);
    assert.equal(resolveIndustry('101').partial, true);
    assert.deepEqual(divs('T (97-98)'), ['97', '98']);
    assert.equal(resolveIndustry('68IMP').imputedRent, true);
  });
  it('resolves IOAT codes', () => {
    assert.deepEqual(divs('C1101T1106 & C12'), ['11', '12']);
    assert.equal(resolveIndustry('C1101T1106 & C12').partial, true);
    assert.deepEqual(divs('B06 & B07'), ['06', '07']);
    assert.equal(resolveIndustry('B06 & B07').partial, false);
    assert.deepEqual(divs('C101'), ['10']);
    assert.equal(resolveIndustry('L68A').imputedRent, true);
    assert.deepEqual(divs('L68BXL683'), ['68']);
  });
  it('rejects unknown codes', () => {
    assert.throws(() => resolveIndustry('ZZ'), /unknown industry code: ZZ/);
    assert.throws(() => resolveIndustry('04'), /unknown industry code: 04/);
    assert.throws(() => resolveIndustry('X (1-2)'), /unknown industry code/);
  });
});

describe('resolveIndustry: dotted SIC codes (ONS atmospheric emissions workbooks)', () => {
  const partial = (code: string) => resolveIndustry(code).partial;
  it('resolves groups, classes, ranges and lists to their divisions', () => {
    assert.deepEqual(divs('10.1'), ['10']);
    assert.deepEqual(divs('11.07'), ['11']);
    assert.deepEqual(divs('10.2-3'), ['10']);
    assert.deepEqual(divs('11.01-6 &12'), ['11', '12']);
    assert.deepEqual(divs('20.11+20.13+20.15'), ['20']);
    assert.deepEqual(divs('23.1-4 & 23.7-9'), ['23']);
    assert.deepEqual(divs('30.2+4+9'), ['30']);
    assert.deepEqual(divs('33 (not 33.15-16)'), ['33']);
    assert.equal(partial('10.1'), true);
    assert.equal(partial('33 (not 33.15-16)'), true);
    assert.equal(partial('11.01-6 &12'), true);
  });
  it('rejects dotted codes outside SIC 2007', () => {
    assert.throws(() => resolveIndustry('04.1'), /unknown industry code: 04\.1/);
    assert.throws(() => resolveIndustry('10.1+x'), /unknown industry code: 10\.1\+x/);
  });
});
