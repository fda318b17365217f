import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCouncilSpending } from '../../src/ingest/council-spending.ts';
import { inputOf } from '../helpers/source.ts';

const MCR_HEADER =
  'Body Name,Service Area,Expenses Type,Invoice Payment Date,Transaction Number,Net Amount,Supplier Name';
const MCR_ROWS = [
  'Manchester City Council,Hospitality + Trading Services,Electricity,2021-04-01,1907193117,1773.66,Npower',
  'Manchester City Council,Corporate Services,Electricity,2021-04-01,1700116890,-689.70,Npower',
  'Manchester City Council,Childrens & Education Services,Professional fees,2021-04-01,1906824797,812.50,Redacted Personal Information',
];
const MCR = [MCR_HEADER, ...MCR_ROWS].join('\n') + '\n';
const LEEDS_HEADER = 'Payment Date,Amount,Organisational Unit,Beneficiary Name,Company Number,Charity Number';
const LEEDS_ROWS = [
  '2022-03-10,100.00,Strategic Landlord,REDACTED PERSONAL DATA,,',
  '2022-03-24,-387.00,Resources,A J H  Pump Supply & Repair Ltd,,',
  '2022-03-02,5400.00,Adults and Health,A & V TRANSITIONAL HOMES,,',
];
const LEEDS = [LEEDS_HEADER, ...LEEDS_ROWS].join('\n') + '\n';
const INDEX = '{"dir":"manchester","files":[]}';

const mcr = (text: string | Uint8Array) =>
  readCouncilSpending(inputOf({ '2021-04.csv': text, 'index.json': INDEX }));
const leeds = (
  text: string | Uint8Array,
  options: Record<string, unknown> = { body: 'Leeds City Council' },
) => readCouncilSpending(inputOf({ 'leeds_processed_2022-03.csv': text }, { options }));

describe('readCouncilSpending', () => {
  it('reads the Body Name layout, keeping credits and redactions, skipping the index', () => {
    const out = mcr(MCR);
    const rows = out.records.spending!;
    assert.equal(rows.length, 3);
    assert.deepEqual(rows[1], {
      body: 'Manchester City Council',
      serviceArea: 'Corporate Services',
      expensesType: 'Electricity',
      date: '2021-04-01',
      transaction: '1700116890',
      amount: -689.7,
      supplier: 'Npower',
      companyNumber: null,
      charityNumber: null,
    });
    assert.equal(rows[2]!.supplier, 'Redacted Personal Information');
    assert.deepEqual(out.provenance.files, ['2021-04.csv', 'index.json']);
  });
  it('reads the Beneficiary Name layout with the body from the catalogue', () => {
    const rows = leeds(LEEDS).records.spending!;
    assert.deepEqual(rows[0], {
      body: 'Leeds City Council',
      serviceArea: 'Strategic Landlord',
      expensesType: null,
      date: '2022-03-10',
      transaction: null,
      amount: 100,
      supplier: 'REDACTED PERSONAL DATA',
      companyNumber: null,
      charityNumber: null,
    });
    assert.equal(rows[1]!.amount, -387);
    assert.equal(rows[1]!.supplier, 'A J H  Pump Supply & Repair Ltd', 'names kept exactly as published');
  });
  it('turns day-first dates into ISO dates', () => {
    assert.equal(
      mcr(MCR.replace('2021-04-01,1907193117', '01/04/2021,1907193117')).records.spending![0]!.date,
      '2021-04-01',
    );
  });

  const M = '2021-04\\.csv';
  const L = 'leeds_processed_2022-03\\.csv';
  const bad: [string, () => unknown, RegExp][] = [
    [
      'an unknown layout',
      () => mcr('Date,Value,Payee\n2021-04-01,1,X\n'),
      new RegExp(`${M}:1: not a council spending layout \\(value "Date,Value,Payee"\\)`),
    ],
    [
      'a missing column',
      () => mcr(MCR.replace(',Transaction Number', ',Transaction Ref')),
      new RegExp(`${M}:1: missing column: Transaction Number`),
    ],
    [
      'a non-numeric amount',
      () => mcr(MCR.replace('1773.66', '£1773.66')),
      new RegExp(`${M}:2:6: not a number \\(value "£1773.66"\\)`),
    ],
    ['an empty amount', () => leeds(LEEDS.replace('5400.00', '')), new RegExp(`${L}:4:2: missing value`)],
    [
      'a date that is not a date',
      () => mcr(MCR.replace('2021-04-01,1700116890', 'April 2021,1700116890')),
      new RegExp(`${M}:3:4: not a date \\(YYYY-MM-DD or DD/MM/YYYY\\) \\(value "April 2021"\\)`),
    ],
    [
      'a date that does not exist',
      () => leeds(LEEDS.replace('2022-03-24', '2022-02-30')),
      new RegExp(`${L}:3:1: no such date \\(value "2022-02-30"\\)`),
    ],
    [
      'a missing supplier',
      () => mcr(MCR.replace(',Npower\nManchester', ',\nManchester')),
      new RegExp(`${M}:2:7: missing supplier`),
    ],
    [
      'a row with too few fields',
      () => leeds(LEEDS + '2022-03-31,12.00,Resources\n'),
      new RegExp(`${L}:5: wrong number of fields`),
    ],
    [
      'a truncated file',
      () => mcr(MCR + 'Manchester City Council,"Corporate'),
      new RegExp(`${M}:5: unclosed quote`),
    ],
    [
      'invalid UTF-8',
      () =>
        leeds(
          Buffer.concat([
            Buffer.from(LEEDS),
            Buffer.from('2022-03-01,10.00,Resources,Caf'),
            Buffer.from([0xe9, 0x2c, 0x2c, 0x0a]),
          ]),
        ),
      new RegExp(`${L}:5: not valid UTF-8 \\(value "0xe9"\\)`),
    ],
    [
      'UTF-16',
      () => mcr(Buffer.from('\uFEFF' + MCR_HEADER, 'utf16le')),
      new RegExp(`${M}:1: file is UTF-16 encoded`),
    ],
    ['an empty file', () => leeds(''), new RegExp(`${L}: empty file`)],
  ];
  for (const [name, run, pattern] of bad) it(`rejects ${name}`, () => assert.throws(run, pattern));
  it('needs the body for the Beneficiary Name layout', () => {
    assert.throws(() => leeds(LEEDS, {}), /council-spending needs options\.body/);
  });
});
