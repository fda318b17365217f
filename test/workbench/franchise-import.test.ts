import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { query, type Store } from '../../src/store/db.ts';
import { Workbench } from '../../src/workbench.ts';
import { tenderPackage } from '../helpers/ocds-fixture.ts';

const MCR = [
  'Body Name,Service Area,Expenses Type,Invoice Payment Date,Transaction Number,Net Amount,Supplier Name',
  'Manchester City Council,Adult Social Care,Electricity,2021-04-01,1,1773.66,Npower',
  'Manchester City Council,Corporate Services,Electricity,2021-04-12,2,-689.70,Npower',
  'Manchester City Council,Corporate Services,Professional fees,2021-05-02,3,812.50,Redacted Personal Information',
  'Manchester City Council,Adult Social Care,Payments for services,2021-05-03,4,5000.00,Northern Life Care Limited',
  'Manchester City Council,Adult Social Care,Payments for services,2021-05-03,4,5000.00,Northern Life Care Limited',
].join('\n');
const LEEDS = [
  'Payment Date,Amount,Organisational Unit,Beneficiary Name,Company Number,Charity Number',
  '2022-03-10,100.00,Strategic Landlord,REDACTED PERSONAL DATA,,',
  '2022-03-24,-387.00,Resources,A J H  Pump Supply & Repair Ltd,,',
].join('\n');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'strata-franchise-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function counts(store: Store) {
  const [r] = await query<{ files: bigint; lines: bigint; awards: bigint; history: bigint }>(
    store,
    `SELECT (SELECT count(*) FROM franchise_files) AS files, (SELECT count(*) FROM franchise_spend) AS lines,
            (SELECT count(*) FROM franchise_awards) AS awards, (SELECT count(*) FROM franchise_register_history) AS history`,
  );
  return {
    files: Number(r!.files),
    lines: Number(r!.lines),
    awards: Number(r!.awards),
    history: Number(r!.history),
  };
}

describe('franchiseImport', () => {
  let wb: Workbench;
  const good = folder({
    'manchester-2021-04.csv': MCR,
    'leeds_processed_2022-03.csv': LEEDS,
    'fts-2026-04.json': JSON.stringify(tenderPackage()),
    'index.json': '{"dir":"manchester","files":[]}',
  });
  before(async () => {
    wb = await Workbench.open(':memory:');
  });
  after(() => wb.close());

  it('imports spend files and release packages in one go, reporting layouts, duplicates and what it skipped', async () => {
    const r = await wb.franchiseImport(good);
    assert.deepEqual(
      r.files.map((f) => [f.file, f.kind, f.status, f.body, f.layout, f.rows, f.pence]),
      [
        ['fts-2026-04.json', 'ocds', 'imported', null, null, 4, null],
        [
          'leeds_processed_2022-03.csv',
          'spend',
          'imported',
          'Leeds City Council',
          'beneficiary-common',
          2,
          10000 - 38700,
        ],
        [
          'manchester-2021-04.csv',
          'spend',
          'imported',
          'Manchester City Council',
          'lgtc-common',
          5,
          177366 - 68970 + 81250 + 1000000,
        ],
      ],
    );
    assert.deepEqual(r.files[2]!.duplicates, { rows: 1, notCounted: 0, pence: 0 });
    assert.deepEqual(r.skipped, [
      { file: 'index.json', reason: 'JSON without releases: not an OCDS release package' },
    ]);
    assert.deepEqual(r.register, { appended: 2, conditions: 1 });
    assert.deepEqual(await counts(wb.store), { files: 3, lines: 7, awards: 4, history: 2 });
  });
  it('a second import of the same files changes nothing', async () => {
    const r = await wb.franchiseImport(good);
    assert.deepEqual(
      r.files.map((f) => f.status),
      ['unchanged', 'unchanged', 'unchanged'],
    );
    assert.deepEqual(await counts(wb.store), { files: 3, lines: 7, awards: 4, history: 2 });
  });
  it('a bad file anywhere in the folder is refused with file, line and value, and nothing is imported', async () => {
    const bad = folder({
      'manchester-2021-06.csv': MCR.replace(/2021-04/g, '2021-06'),
      'manchester-2021-07.csv': MCR.replace(/2021-04/g, '2021-07').replace('812.50', '8l2.50'),
    });
    await assert.rejects(
      wb.franchiseImport(bad),
      /manchester-2021-07\.csv:4:6: not an amount \(value "8l2\.50"\)/,
    );
    const mislabelled = folder({
      'manchester-2021-08.csv':
        'Organisation Label,Organisational Unit,Service Division Label,Purpose,Payment Date,Amount,Beneficiary Name\nLeeds City Council,a,b,c,01/08/2021,1.00,X\n',
    });
    await assert.rejects(
      wb.franchiseImport(mislabelled),
      /manchester-2021-08\.csv:1: a Leeds City Council layout, not Manchester City Council's: the file is mislabelled/,
    );
    const badDate = folder({
      'manchester-2021-06.csv': MCR.replace(/2021-04/g, '2021-06'),
      'manchester-2021-09.csv': MCR.replace(/2021-04/g, '2021-09').replace('2021-09-12', '2021-09-31'),
    });
    await assert.rejects(
      wb.franchiseImport(badDate),
      /manchester-2021-09\.csv:3:4: no such date \(value "2021-09-31"\)/,
    );
    const noAmount = folder({
      'manchester-2021-10.csv': MCR.replace(',Net Amount,', ',Amount net,'),
    });
    await assert.rejects(
      wb.franchiseImport(noAmount),
      /manchester-2021-10\.csv:1: not a known spend layout: missing column "Net Amount"/,
    );
    assert.deepEqual(await counts(wb.store), { files: 3, lines: 7, awards: 4, history: 2 });
  });
  it('a release that would rewrite the register’s history is refused, and the store is left as it was', async () => {
    const pkg = tenderPackage();
    const changed = structuredClone(pkg) as {
      releases: { contracts: { agreedMetrics?: { observations: { measure: string }[] }[] }[] }[];
    };
    changed.releases[0]!.contracts[0]!.agreedMetrics![0]!.observations[0]!.measure =
      '80% of eligible households';
    const rewrite = folder({
      'manchester-2021-09.csv': MCR.replace(/2021-04/g, '2021-09'),
      'fts-again.json': JSON.stringify(changed),
    });
    await assert.rejects(wb.franchiseImport(rewrite), /register history is append-only/);
    assert.deepEqual(await counts(wb.store), { files: 3, lines: 7, awards: 4, history: 2 });
    const reg = await wb.franchiseRegister();
    assert.deepEqual(
      reg.conditions.map((c) => [c.promised, c.latest]),
      [['95% of eligible households', 'approaching-target']],
    );
  });
  it('the summary reconciles with the files to the penny, by month and by payee class', async () => {
    const s = await wb.franchiseSummary({ body: 'manchester' });
    assert.deepEqual([s.total, s.rows, s.published.total, s.duplicates.rows], [11896.46, 5, 11896.46, 0]);
    assert.deepEqual(
      s.by_month.map((m) => [m.month, m.rows, m.total]),
      [
        ['2021-04', 2, 1083.96],
        ['2021-05', 3, 10812.5],
      ],
    );
    const classes = Object.values(s.classified);
    assert.equal(
      classes.reduce((t, c) => t + c.rows, 0),
      s.rows,
    );
    assert.equal(Math.round(classes.reduce((t, c) => t + c.total * 100, 0)), Math.round(s.total * 100));
    assert.deepEqual(
      [s.classified['individual-or-redacted'].total, s.classified.company.total, s.classified.unknown.total],
      [812.5, 10000, 1083.96],
    );
    assert.deepEqual(Object.keys(s.match_rate).slice(0, 3), ['by_suppliers', 'by_payments', 'by_value']);
    assert.equal(s.io, null);
    const p = await wb.franchiseSummary({
      body: 'Manchester City Council',
      period: '2021-05',
    });
    assert.deepEqual([p.total, p.rows], [10812.5, 3]);
  });
  it('suppliers carry contract awards where an award names them, and an unknown body is refused', async () => {
    const r = await wb.franchiseSuppliers({ body: 'manchester' });
    const nlc = r.suppliers.find((x) => x.supplier === 'Northern Life Care Limited')!;
    assert.deepEqual([nlc.total, nlc.awarded, nlc.company_number], [10000, 500000.01, '01867042']);
    await assert.rejects(
      wb.franchiseSummary({ body: 'Sheffield' }),
      /unknown body with spend in the store .*: Sheffield/,
    );
    await assert.rejects(
      wb.franchiseSummary({ body: 'manchester', period: '21/22' }),
      /invalid period: 21\/22/,
    );
  });
});
