import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readGpgEmployers } from '../../src/ingest/gpg-employers.ts';
import { inputOf } from '../helpers/source.ts';

const HEADER =
  '"EmployerName","EmployerId","Address","PostCode","CompanyNumber","SicCodes","DiffMeanHourlyPercent","DiffMedianHourlyPercent","DiffMeanBonusPercent","DiffMedianBonusPercent","MaleBonusPercent","FemaleBonusPercent","MaleLowerQuartile","FemaleLowerQuartile","MaleLowerMiddleQuartile","FemaleLowerMiddleQuartile","MaleUpperMiddleQuartile","FemaleUpperMiddleQuartile","MaleTopQuartile","FemaleTopQuartile","CompanyLinkToGPGInfo","ResponsiblePerson","EmployerSize","CurrentName","SubmittedAfterTheDeadline","DueDate","DateSubmitted"';
const ABER =
  '"\'PRIFYSGOL ABERYSTWYTH\' AND \'ABERYSTWYTH UNIVERSITY\'","19070","Aberystwyth University, Penglais, Ceredigion, SY23 3FL","SY23 3FL","RC000641","","8.5","3.7","","","0","0","51.7","48.3","40.4","59.6","40.9","59.1","55.6","44.4","https://www.aber.ac.uk/en/equality/equality-reports/genderpaygapreporting2022/","Dylan Jones (Diversity and Inclusion Manager)","1000 to 4999","\'PRIFYSGOL ABERYSTWYTH\' AND \'ABERYSTWYTH UNIVERSITY\'","False","2022/04/05 00:00:00","2022/03/31 13:09:40"';
const RGS =
  '"1509 GROUP","15320","Royal Grammar School, High Street, Guildford, Surrey, GU1 3BB","GU1 3BB","04104101","85200,\n85310","18.0","16.0","","","0.0","0.0","36.0","64.0","36.0","64.0","50.0","50.0","71.0","29.0","https://www.rgsg.co.uk","Ann Mortimer (Payroll Manager)","Less than 250","1509 GROUP","False","2022/04/05 00:00:00","2022/02/02 11:06:02"';
const STROUD =
  '"Stroud District Council","11766","Ebley Mill, Westward Road, Stroud, Gloucestershire, United Kingdom, GL5 4UB","GL5 4UB","","1,\n84110","14.2","16.1","","","0.0","0.0","26.0","74.0","31.0","69.0","46.0","54.0","54.0","46.0","https://www.stroud.gov.uk/media/1716911/2021-sdc-gender-pay-gap-report.pdf","","250 to 499","Stroud District Council","False","2022/03/31 00:00:00","2021/10/04 11:55:58"';
const GOOD = [HEADER, ABER, RGS, STROUD].join('\n') + '\n';
const F = 'UK Gender Pay Gap Data - 2021 to 2022.csv';
const read = (text: string | Uint8Array, options: Record<string, unknown> = {}, name = F) =>
  readGpgEmployers(inputOf({ [name]: text }, { id: 'geo-gpg-2021-22', options }));

describe('readGpgEmployers', () => {
  it('reads returns, with the period from the file name and SIC codes as a list', () => {
    const out = read(GOOD);
    const [aber, rgs, stroud] = out.records.gpgEmployers!;
    assert.equal(aber!.period, '2021-22');
    assert.deepEqual(aber!.sicCodes, []);
    assert.equal(aber!.diffMeanHourly, 8.5);
    assert.equal(aber!.diffMeanBonus, null);
    assert.equal(aber!.companyNumber, 'RC000641');
    assert.equal(aber!.employerSize, '1000 to 4999');
    assert.deepEqual(rgs!.sicCodes, ['85200', '85310']);
    assert.equal(rgs!.employerSize, 'Less than 250');
    assert.deepEqual(stroud!.sicCodes, ['1', '84110']);
    assert.equal(stroud!.companyNumber, null);
    assert.equal(stroud!.femaleTopQuartile, 46);
    assert.equal(stroud!.submittedLate, false);
    assert.deepEqual(out.warnings, []);
  });
  it('takes the period from the catalogue when given', () => {
    assert.equal(read(GOOD, { period: '2021-22' }, 'gpg.csv').records.gpgEmployers![0]!.period, '2021-22');
  });
  it('keeps the later of two returns from one employer, and says so', () => {
    const again = STROUD.replace('2021/10/04 11:55:58', '2021/10/05 09:00:00').replace('"14.2"', '"14.3"');
    const out = read(GOOD + again + '\n');
    const stroud = out.records.gpgEmployers!.filter((e) => e.employerId === '11766');
    assert.deepEqual(
      stroud.map((e) => e.diffMeanHourly),
      [14.3],
    );
    assert.deepEqual(out.warnings, [`${F}:7: employer 11766 filed again (line 5); the later return is kept`]);
  });
  it('warns that a partial download is partial', () => {
    assert.deepEqual(read(GOOD, { partial: true }).warnings, [
      "geo-gpg-2021-22: a partial download, not every employer's return for the year",
    ]);
  });
  it('warns about proportions the publisher printed outside 0-100 or not summing to 100', () => {
    const out = read(
      GOOD.replace('"0","0","51.7"', '"0","100.4","51.7"').replace('"40.9","59.1"', '"40.9","58.1"'),
    );
    assert.deepEqual(out.warnings, [
      `${F}:2: employer 19070 FemaleBonusPercent is 100.4, outside 0-100`,
      `${F}:2: employer 19070 MaleUpperMiddleQuartile + FemaleUpperMiddleQuartile = 99, not 100`,
    ]);
  });

  const f = F.replace(/[.]/g, '\\.');
  const bad: [string, string | Uint8Array, RegExp, string?][] = [
    [
      'a missing column',
      GOOD.replace('"SicCodes"', '"SICCodes"'),
      new RegExp(`${f}:1: missing column: SicCodes`),
    ],
    [
      'a non-numeric percentage',
      GOOD.replace('"14.2"', '"14,2%"'),
      new RegExp(`${f}:5:7: not a number \\(value "14,2%"\\)`),
    ],
    [
      'an unknown size band',
      GOOD.replace('"250 to 499"', '"250-499"'),
      new RegExp(`${f}:5:23: unknown employer size band \\(value "250-499"\\)`),
    ],
    [
      'a malformed SIC code',
      GOOD.replace('85200,\n85310', '85200,\n8531O'),
      new RegExp(`${f}:3:6: not a SIC code \\(value "8531O"\\)`),
    ],
    [
      'a duplicate return',
      GOOD + STROUD + '\n',
      new RegExp(`${f}:7: duplicate return \\(first at line 5\\) \\(value "11766"\\)`),
    ],
    [
      'a malformed employer id',
      GOOD.replace('"15320"', '"15320A"'),
      new RegExp(`${f}:3:2: not an employer id \\(value "15320A"\\)`),
    ],
    [
      'a late flag that is not True or False',
      GOOD.replace('"False","2022/03/31 00:00:00"', '"Yes","2022/03/31 00:00:00"'),
      new RegExp(`${f}:5:25: not True or False \\(value "Yes"\\)`),
    ],
    [
      'a malformed submission time',
      GOOD.replace('2022/02/02 11:06:02', '02/02/2022'),
      new RegExp(`${f}:3:27: not a submission time \\(value "02/02/2022"\\)`),
    ],
    [
      'a file name without a year',
      GOOD,
      /gpg\.csv: no reporting year in the file name \(set options\.period\)/,
      'gpg.csv',
    ],
    ['a truncated file', GOOD.slice(0, GOOD.indexOf('84110')), new RegExp(`${f}:5: unclosed quote`)],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(HEADER + '\n'), Buffer.from('"Caf'), Buffer.from([0xe9, 0x22, 0x0a])]),
      new RegExp(`${f}:2: not valid UTF-8 \\(value "0xe9"\\)`),
    ],
    ['UTF-16', Buffer.from('\uFEFF' + HEADER, 'utf16le'), new RegExp(`${f}:1: file is UTF-16 encoded`)],
    ['an empty file', '', new RegExp(`${f}: empty file`)],
  ];
  for (const [name, text, pattern, fileName] of bad) {
    it(`rejects ${name}`, () => assert.throws(() => read(text, {}, fileName ?? F), pattern));
  }
});
