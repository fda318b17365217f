// The import reads council spending files with DuckDB's read_csv and checks every row in SQL; the
// JS reader is the reference. Both must store the same rows, and fail alike.
import { after, describe, it } from 'node:test';
import { readCouncilSpending } from '../../src/ingest/council-spending.ts';
import { readCouncilSpendingSql } from '../../src/ingest/council-spending-sql.ts';
import { bothAgree, closeShared } from '../helpers/native-agree.ts';

const MCR_HEADER =
  'Body Name,Service Area,Expenses Type,Invoice Payment Date,Transaction Number,Net Amount,Supplier Name';
const MCR = [
  MCR_HEADER,
  'Manchester City Council,Hospitality + Trading Services,Electricity,2021-04-01,1907193117,1773.66,Npower',
  'Manchester City Council,Corporate Services,Electricity,2021-04-01,1700116890,-689.70,Npower',
  'Manchester City Council,Childrens & Education Services,"Fees, professional",2021-04-01,,"1,812.50",Redacted Personal Information',
].join('\n');
const LEEDS = [
  'Payment Date,Amount,Organisational Unit,Beneficiary Name,Company Number,Charity Number',
  '10/03/2022,100.00,Strategic Landlord,REDACTED PERSONAL DATA,,',
  '2022-03-24,-387.00,Resources,A J H  Pump Supply & Repair Ltd, 01234567 ,',
  '29/02/2024,5400.00,,A & V TRANSITIONAL HOMES,,1100000',
].join('\r\n');
const INDEX = '{"dir":"manchester","files":[]}';

const agree = async (
  files: Record<string, string>,
  expectNative: boolean,
  options: Record<string, unknown> = {},
) => void (await bothAgree(readCouncilSpendingSql, readCouncilSpending, files, { options }, expectNative));
const leeds = { body: 'Leeds City Council' };

describe('council-spending: DuckDB path against the reference reader', () => {
  after(closeShared);
  it('agrees on the Body Name layout (credits, thousands, an empty transaction, an index skipped)', () =>
    agree({ '2021-04.csv': MCR + '\n', 'index.json': INDEX }, true));
  it('agrees on the beneficiary layout (DD/MM/YYYY, a leap day, CRLF, padded cells)', () =>
    agree({ 'leeds.csv': LEEDS + '\r\n' }, true, leeds));
  it('agrees on several files, in order', () =>
    agree(
      { '2021-04.csv': MCR, '2021-05.csv': MCR.replace(/2021-04-01/g, '2021-05-03'), 'leeds.csv': LEEDS },
      true,
      leeds,
    ));
  it('gives a date in year 0000 (which the reference reads) to the reference', () =>
    agree({ 'a.csv': MCR.replace('2021-04-01', '0000-01-01') }, false));
  const bad: [string, Record<string, string>, Record<string, unknown>?][] = [
    ['no CSV file', { 'index.json': INDEX }],
    ['unknown layout', { 'a.csv': MCR.replace('Invoice Payment Date', 'Date') }],
    ['missing column', { 'a.csv': MCR.replace('Net Amount', 'Net') }],
    ['no data rows', { 'a.csv': MCR_HEADER + '\n' }],
    ['missing supplier', { 'a.csv': MCR.replace(',Npower', ', ') }],
    ['missing body', { 'a.csv': MCR.replace('Manchester City Council,Corporate', ',Corporate') }],
    ['not a date', { 'a.csv': MCR.replace('2021-04-01', '1 April 2021') }],
    ['no such date', { 'a.csv': MCR.replace('2021-04-01', '2021-02-30') }],
    ['no such month', { 'a.csv': LEEDS.replace('10/03/2022', '10/13/2022') }, leeds],
    ['not a number', { 'a.csv': MCR.replace('1773.66', '£1773.66') }],
    ['empty amount', { 'a.csv': MCR.replace('1773.66', '') }],
    ['the second file bad', { 'a.csv': MCR, 'b.csv': MCR.replace('-689.70', 'x') }],
    ['no body option', { 'a.csv': LEEDS }, {}],
    ['a record too short', { 'a.csv': MCR.replace(',Npower', '') }],
  ];
  for (const [name, files, options] of bad)
    it(`agrees on the error: ${name}`, () => agree(files, false, options ?? leeds));
});
