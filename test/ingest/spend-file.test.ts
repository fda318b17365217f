import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { PublicBody } from '../../src/core/franchise.ts';
import { sourceFromBytes } from '../../src/ingest/source-file.ts';
import { readSpendFile } from '../../src/ingest/spend-file.ts';
import { loadLayouts } from '../../src/ingest/spend-layouts.ts';

const layouts = loadLayouts();
const bodies = (
  JSON.parse(readFileSync(new URL('../../data/franchise/bodies.json', import.meta.url), 'utf8')) as {
    bodies: PublicBody[];
  }
).bodies;
const read = (name: string, text: string, body?: string) =>
  readSpendFile(sourceFromBytes(name, text), { layouts, bodies, ...(body ? { body } : {}) });

// The common columns, as the cleaned Manchester files hold them.
const COMMON = [
  'Body Name,Service Area,Expenses Type,Invoice Payment Date,Transaction Number,Net Amount,Supplier Name',
  'Manchester City Council,Hospitality + Trading Services,Electricity,2021-04-01,1907193117,1773.66,Npower',
  'Manchester City Council,Corporate Services,Electricity,2021-04-01,1700116890,-689.70,Npower',
  'Manchester City Council,Childrens & Education Services,Professional fees,2021-04-01,1906824797,812.50,Redacted Personal Information',
].join('\n');
// Leeds as published since 2016 (dates dd/mm/yyyy), with company and charity numbers.
const LEEDS_2016 = [
  'Organisation Code,Organisation Label,Effective Date,Organisational Unit,Service Division Label,Category Internal Name,Purpose,Detailed Expenditure Code,Payment Date,Transaction Number,Irrecoverable VAT Amount,Amount,Capital Or Revenue,Beneficiary Name,Procurement Card,Company Number,Charity Number',
  'Http://opendatacommunities.org/id/metropolitan-district-council/leeds,Leeds City Council,31/03/2022,Adults and Health,Services For Older People Under 65 P/Dis,Third Party Payments,Sheltered Accommodation,569,24/03/2022,2203-00001,0.00,5400.00,R,A & V TRANSITIONAL HOMES,No,,',
  'Http://opendatacommunities.org/id/metropolitan-district-council/leeds,Leeds City Council as Accountable Body,31/03/2022,Resources,Leeds Building Services,Supplies and Services,Operational Materials,205,02/03/2022,2203-00002,0.00,-14.10,R,Wolseley UK Ltd,No,636445,',
  "Http://opendatacommunities.org/id/metropolitan-district-council/leeds,Leeds City Council,31/03/2022,Children and Families,Social Care,Third Party Payments,Services Rendered By Voluntary Sector,505,03/03/2022,2203-00003,0.00,950.40,R,St Anne's Community Services,No,,1101234",
].join('\n');
// Leeds as published 2010–2015 (dates 20-Dec-13).
const LEEDS_2010 = [
  'Body,BodyName,ServiceLabel,ServiceDivisionLabel,ExpenditureCategory,DetailedExpenditureType,DetailedExpenditureCode,DatePaid,TransactionNumber,NetAmount,CapitalOrRevenue,SupplierName',
  'http://statistics.data.gov.uk/doc/local-authority/00DA,Leeds City Council,City Development,Libraries  Arts & Heritage,Supplies and Services,Operational Materials,205,20-Dec-13,1312-00001,472.4,R,A C Entertainment Technologies Ltd',
].join('\n');
// Other names for the same columns, dates dd/mm/yyyy and credits in brackets or marked CR.
const VARIANT = [
  'Body name,Service area,Expense Type,Date paid,Invoice Date,Transaction number,Net amount,Supplier name',
  'Manchester City Council,Highways,Works,05/04/2021,01/03/2021,A1,"1,200.00",Colas Ltd',
  'Manchester City Council,Highways,Works,06/04/2021,,A2,(200.00),Colas Ltd',
  'Manchester City Council,Highways,Works,07/04/2021,,A3,15.25CR,Colas Ltd',
].join('\n');

describe('readSpendFile', () => {
  it('reads the common columns: pence exact, credits negative, redactions as published', () => {
    const f = read('2021-04.csv', COMMON);
    assert.equal(f.layout, 'lgtc-common');
    assert.equal(f.body, 'Manchester City Council');
    assert.deepEqual(
      f.lines.map((l) => [l.line, l.pence, l.supplier, l.date, l.transaction]),
      [
        [2, 177366, 'Npower', '2021-04-01', '1907193117'],
        [3, -68970, 'Npower', '2021-04-01', '1700116890'],
        [4, 81250, 'Redacted Personal Information', '2021-04-01', '1906824797'],
      ],
    );
    assert.equal(f.pence, 177366 - 68970 + 81250);
  });
  it('reads the reduced beneficiary columns for the body the file name or --body names', () => {
    const text =
      'Payment Date,Amount,Organisational Unit,Beneficiary Name,Company Number,Charity Number\n2022-03-10,100.00,Strategic Landlord,REDACTED PERSONAL DATA,,\n';
    assert.equal(read('leeds_processed_2022-03.csv', text).body, 'Leeds City Council');
    assert.equal(read('2022-03.csv', text, 'leeds').body, 'Leeds City Council');
    assert.throws(() => read('2022-03.csv', text), /2022-03\.csv: the file names no body: give --body/);
  });
  it('recognises the councils’ own layouts by header: Leeds 2016 with company numbers, Leeds 2010', () => {
    const f = read('leeds-2022-03.csv', LEEDS_2016);
    assert.equal(f.layout, 'leeds-2016');
    assert.deepEqual(
      f.lines.map((l) => [l.body, l.date, l.pence, l.companyNumber, l.charityNumber, l.expenseType]),
      [
        ['Leeds City Council', '2022-03-24', 540000, null, null, 'Sheltered Accommodation'],
        ['Leeds City Council', '2022-03-02', -1410, '636445', null, 'Operational Materials'],
        ['Leeds City Council', '2022-03-03', 95040, null, '1101234', 'Services Rendered By Voluntary Sector'],
      ],
    );
    const old = read('2013-12.csv', LEEDS_2010);
    assert.equal(old.layout, 'leeds-2010');
    assert.deepEqual(
      [old.lines[0]!.date, old.lines[0]!.pence, old.body],
      ['2013-12-20', 47240, 'Leeds City Council'],
    );
  });
  it('reads variant column names, invoice dates and bracketed or CR credits', () => {
    const f = read('manchester-2021-04.csv', VARIANT);
    assert.equal(f.layout, 'lgtc-variant');
    assert.deepEqual(
      f.lines.map((l) => [l.date, l.invoiceDate, l.pence]),
      [
        ['2021-04-05', '2021-03-01', 120000],
        ['2021-04-06', null, -20000],
        ['2021-04-07', null, -1525],
      ],
    );
  });
  it('refuses a file in another council’s layout filed under this body: mislabelled', () => {
    assert.throws(
      () => read('manchester-2022-03.csv', LEEDS_2016),
      /manchester-2022-03\.csv:1: a Leeds City Council layout, not Manchester City Council's: the file is mislabelled \(value "leeds-2016"\)/,
    );
    assert.throws(
      () => read('2022-03.csv', LEEDS_2016, 'manchester'),
      /a Leeds City Council layout, not Manchester City Council's/,
    );
    assert.throws(
      () => read('leeds-2021-04.csv', COMMON),
      /leeds-2021-04\.csv:2:1: the file is filed under Leeds City Council but this line names another body \(value "Manchester City Council"\)/,
    );
    assert.throws(
      () => read('leeds_2021.csv', COMMON, 'manchester'),
      /file name says Leeds City Council, not Manchester City Council/,
    );
  });
  it('refuses missing columns, bad amounts, bad dates and empty suppliers, naming file, line, column and value', () => {
    assert.throws(
      () => read('2021-04.csv', COMMON.replace('Net Amount', 'Gross')),
      /2021-04\.csv:1: not a known spend layout: missing column "Net Amount" \(closest layout lgtc-common\)/,
    );
    assert.throws(
      () => read('2021-04.csv', COMMON.replace('-689.70', '-68g.70')),
      /2021-04\.csv:3:6: not an amount \(value "-68g\.70"\)/,
    );
    assert.throws(
      () => read('2021-04.csv', COMMON.replace('812.50', '812.505')),
      /2021-04\.csv:4:6: amount finer than a penny/,
    );
    assert.throws(
      () => read('2021-04.csv', COMMON.replace('2021-04-01,1700116890', '2021-02-30,1700116890')),
      /2021-04\.csv:3:4: no such date \(value "2021-02-30"\)/,
    );
    assert.throws(
      () =>
        read(
          '2021-04.csv',
          COMMON.replace(
            ',Npower\nManchester City Council,Corporate',
            ',\nManchester City Council,Corporate',
          ),
        ),
      /2021-04\.csv:2:7: missing supplier/,
    );
    assert.throws(
      () => read('2021-04.csv', COMMON + '\nManchester City Council,x,y,2021-04-02,1,2.00'),
      /2021-04\.csv:5: wrong number of fields/,
    );
    assert.throws(() => read('2021-04.csv', 'a,b\n1,2\n'), /not a known spend layout/);
    assert.throws(() => read('2021-04.csv', COMMON, 'nowhere'), /unknown body: nowhere/);
  });
});
