import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NomisRecord } from '../../../src/core/records.ts';
import { employmentByIoat } from '../../../src/models/io/employment.ts';
import { relation, sicCovers } from '../../../src/models/io/ioat-sic.ts';

function bres(code: string, value: number | null, status = 'Employees'): NomisRecord {
  return {
    date: '2021',
    geographyCode: 'K03000001',
    geographyName: 'Great Britain',
    geographyType: 'countries',
    dims: { INDUSTRY: { code, name: code }, EMPLOYMENT_STATUS: { code: '1', name: status } },
    measures: 'Value',
    value,
    status: 'A',
    statusName: 'Normal Value',
  };
}

const CODES = [
  'C101',
  'C102_3',
  'C1101T1106 & C12',
  'C1107',
  'C20A',
  'C20B',
  'C23OTHER',
  'C235_6',
  'L683',
  'L68A',
  'L68BXL683',
  'T97',
];

describe('sicCovers', () => {
  const covers = new Map(sicCovers(CODES).map((c) => [c.code, c]));
  it('spells out groups, classes, the OTHER remainder and exclusions', () => {
    assert.deepEqual(covers.get('C102_3')!.include, ['102', '103']);
    assert.deepEqual(covers.get('C1101T1106 & C12')!.include, [
      '1101',
      '1102',
      '1103',
      '1104',
      '1105',
      '1106',
      '12',
    ]);
    assert.deepEqual(covers.get('C23OTHER')!.exclude, ['235', '236']);
    assert.deepEqual(covers.get('L68BXL683')!, {
      code: 'L68BXL683',
      include: ['68'],
      exclude: ['683'],
      imputedRent: false,
    });
    assert.equal(covers.get('L68A')!.imputedRent, true);
  });
  it('relates SIC prefixes to covers', () => {
    assert.equal(relation(covers.get('C23OTHER')!, '231'), 'all');
    assert.equal(relation(covers.get('C23OTHER')!, '235'), 'none');
    assert.equal(relation(covers.get('C23OTHER')!, '23'), 'part');
    assert.equal(relation(covers.get('C1101T1106 & C12')!, '11'), 'part');
    assert.equal(relation(covers.get('L68BXL683')!, '682'), 'all');
    assert.equal(relation(covers.get('L68A')!, '68'), 'none');
  });
});

describe('employmentByIoat', () => {
  it('sums codes inside one industry and splits a code spanning several, by the weights', () => {
    const weights = Float64Array.from(CODES, (_, k) => (k === 2 ? 3 : k === 3 ? 1 : 1));
    const got = employmentByIoat(
      CODES,
      [
        bres('101', 76000),
        bres('102', 16000),
        bres('103', 30000),
        bres('103', 99, 'Full-time employees'),
        bres('11', 80000),
        bres('12', 250),
        bres('2011', 2500),
        bres('2014', 7000),
        bres('231', 20000),
        bres('236', 25000),
        bres('681', 18000),
        bres('682', 268000),
        bres('683', 259000),
        bres('97', 0),
      ],
      { weights },
    );
    const e = (c: string) => got.employment[CODES.indexOf(c)];
    assert.equal(e('C101'), 76000);
    assert.equal(e('C102_3'), 46000);
    // Division 11 spans C1101T1106 & C12 (weight 3) and C1107 (weight 1): 60000 and 20000.
    assert.equal(e('C1101T1106 & C12'), 60000 + 250);
    assert.equal(e('C1107'), 20000);
    assert.equal(e('C20A'), 2500);
    assert.equal(e('C20B'), 7000);
    assert.equal(e('C23OTHER'), 20000);
    assert.equal(e('C235_6'), 25000);
    assert.equal(e('L68BXL683'), 286000);
    assert.equal(e('L683'), 259000);
    assert.equal(e('L68A'), 0);
    assert.deepEqual(got.byDivision['C1101T1106 & C12'], { '11': 60000, '12': 250 });
    assert.deepEqual(got.flags, [
      'BRES 11 spans C1101T1106 & C12, C1107: split by national shares',
      "L68A: 0 employees (owner-occupiers' imputed rental has no employees)",
      'BRES covers Great Britain; the IOAT covers the UK (Northern Ireland is missing)',
    ]);
  });
  it('refuses codes that match nothing or nest inside one another', () => {
    assert.throws(
      () => employmentByIoat(['C101'], [bres('01', 5)]),
      /BRES industry matches no IOAT industry: 01/,
    );
    assert.throws(
      () => employmentByIoat(['C101', 'C102_3'], [bres('10', 5), bres('101', 2)]),
      /overlapping BRES industries: 10 and 101/,
    );
    assert.throws(() => employmentByIoat(['C101'], [bres('1x', 5)]), /unknown industry code: 1x/);
  });
});
