import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dottedPrefixes, intensityByIndustry } from '../../../src/models/scenarios/emissions.ts';

describe('GHG intensity by input–output industry', () => {
  it('reads the dotted codes of the ONS table as SIC prefixes', () => {
    assert.deepEqual(dottedPrefixes('10.2-3'), { include: ['102', '103'], exclude: [] });
    assert.deepEqual(dottedPrefixes('30.2+4+9').include, ['302', '304', '309']);
    assert.deepEqual(dottedPrefixes('11.01-6 &12').include, [
      '1101',
      '1102',
      '1103',
      '1104',
      '1105',
      '1106',
      '12',
    ]);
    assert.deepEqual(dottedPrefixes('20.14+20.16+20.17+20.6').include, ['2014', '2016', '2017', '206']);
    assert.deepEqual(dottedPrefixes('33 (not 33.15-16)'), { include: ['33'], exclude: ['3315', '3316'] });
    assert.deepEqual(dottedPrefixes('1').include, ['01']);
    assert.throws(() => dottedPrefixes('ten'), /unknown industry code: ten/);
  });
  it('gives each industry its group, the mean of several, 0 for [low], its section without a value', () => {
    const { value, notes } = intensityByIndustry(
      ['C102_3', 'C33OTHER', 'C3315', 'B06 & B07', 'K64', 'Q87 & Q88', 'L68A'],
      [
        { code: '10.2-3', value: 0.32, status: null },
        { code: '33 (not 33.15-16)', value: 0.06, status: null },
        { code: '33.15', value: 0.02, status: null },
        { code: '6', value: 0.39, status: null },
        { code: '7', value: null, status: '[z]' },
        { code: '64', value: null, status: '[low]' },
        { code: '87', value: 0.02, status: null },
        { code: '88', value: 0.04, status: null },
        { code: 'K', value: 0.001, status: null },
      ],
    );
    assert.deepEqual(
      [...value].map((x) => Math.round(x * 1000) / 1000),
      [0.32, 0.06, 0.02, 0.39, 0, 0.03, 0],
    );
    assert.ok(notes.some((n) => /Q87 & Q88: mean of 87, 88/.test(n)));
  });
});
