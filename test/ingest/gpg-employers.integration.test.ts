import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readGpgEmployers } from '../../src/ingest/gpg-employers.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { PACK, testSource } from '../helpers/source.ts';

const read = (years: string, options: Record<string, unknown> = {}) =>
  readGpgEmployers({
    files: [readSourceFile(join(PACK, 'gender-pay-gap-employers', `UK Gender Pay Gap Data - ${years}.csv`))],
    source: testSource({ id: 'geo-gpg', options }),
    retrieved: '2026-01-01',
  });

describe('readGpgEmployers on the gender pay gap service downloads', () => {
  it('2019-20: 6,918 rows, one employer filed twice, 6,917 returns', () => {
    const out = read('2019 to 2020');
    const all = out.records.gpgEmployers!;
    assert.equal(all.length, 6917);
    assert.ok(all.every((e) => e.period === '2019-20'));
    assert.deepEqual(out.warnings, [
      'UK Gender Pay Gap Data - 2019 to 2020.csv:8379: employer 11766 filed again (line 8377); the later return is kept',
    ]);
    assert.equal(all.filter((e) => e.employerSize === '250 to 499').length, 2835 - 1);
  });
  it('2021-22: 10,498 returns, SIC codes split, one published proportion above 100', () => {
    const out = read('2021 to 2022');
    const all = out.records.gpgEmployers!;
    assert.equal(all.length, 10498);
    const aber = all.find((e) => e.employerId === '19070')!;
    assert.deepEqual([aber.diffMeanHourly, aber.diffMedianHourly, aber.femaleTopQuartile], [8.5, 3.7, 44.4]);
    assert.equal(all.filter((e) => e.sicCodes.length > 1).length, 3254);
    assert.equal(all.filter((e) => e.sicCodes.length === 0).length, 732);
    assert.equal(all.filter((e) => e.submittedLate).length, 692);
    assert.deepEqual(
      [
        'Less than 250',
        '250 to 499',
        '500 to 999',
        '1000 to 4999',
        '5000 to 19,999',
        '20,000 or more',
        'Not Provided',
      ].map((band) => all.filter((e) => e.employerSize === band).length),
      [558, 4447, 2575, 2172, 469, 62, 215],
    );
    assert.deepEqual(out.warnings, [
      'UK Gender Pay Gap Data - 2021 to 2022.csv:4896: employer 19998 FemaleBonusPercent is 100.4, outside 0-100',
    ]);
  });
  it('2022-23: the partial early download of 1,345 returns is flagged', () => {
    const out = read('2022 to 2023', { partial: true });
    assert.equal(out.records.gpgEmployers!.length, 1345);
    assert.match(out.warnings[0]!, /a partial download/);
  });
});
