import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { readCouncilSpending } from '../../src/ingest/council-spending.ts';
import { readSourceFile } from '../../src/ingest/source-file.ts';
import { ioRetention } from '../../src/models/franchise/io-retention.ts';
import {
  FranchiseConditions,
  FranchiseRegister,
  FranchiseSummary,
  FranchiseSuppliers,
  FranchiseWhatIf,
} from '../../src/contract/franchise.ts';
import { payeesWithMatches } from '../../src/store/queries/franchise.ts';
import { Workbench } from '../../src/workbench.ts';
import { areaModel } from '../../src/workbench/franchise-io.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';
import { PACK, testSource } from '../helpers/source.ts';

const DIR = join(PACK, 'council-spending-manchester-leeds');

/** Expected totals by payment month, from the catalogue's own spend reader (a separate implementation). */
function expected(files: string[], options: Record<string, unknown> = {}) {
  const rows = readCouncilSpending({
    files: files.map((f) => readSourceFile(join(DIR, f))),
    source: testSource({ options }),
    retrieved: '2026-01-01',
  }).records.spending!;
  const months = new Map<string, { rows: number; pence: number }>();
  for (const r of rows) {
    const m = months.get(r.date.slice(0, 7)) ?? { rows: 0, pence: 0 };
    m.rows++;
    m.pence += Math.round(r.amount * 100);
    months.set(r.date.slice(0, 7), m);
  }
  return { rows: rows.length, pence: rows.reduce((t, r) => t + Math.round(r.amount * 100), 0), months };
}

describe('franchise engine on the data pack', () => {
  let wb: Workbench;
  let mcr: FranchiseSummary;
  before(async () => {
    (await packWorkbench()).close();
    const path = join(mkdtempSync(join(tmpdir(), 'strata-franchise-')), 'pack.duckdb');
    copyFileSync(PACK_DB, path);
    wb = await Workbench.open(path);
    await wb.franchiseImport(DIR);
    mcr = await wb.franchiseSummary({ body: 'manchester', period: '2021-22' });
  });
  after(() => wb.close());

  it('every answer is in its contract: the strict schemas the API and the web app read', async () => {
    const q = { body: 'manchester', period: '2021-22' };
    FranchiseSummary.parse(mcr);
    FranchiseSuppliers.parse(await wb.franchiseSuppliers(q));
    FranchiseConditions.parse(await wb.franchiseConditions(q));
    FranchiseWhatIf.parse(
      await wb.franchiseWhatIf({ ...q, category: '*', field: 'service', share: 0.1, target: 'local' }),
    );
    FranchiseRegister.parse(await wb.franchiseRegister());
  });

  it('Manchester 2021/22: totals reconcile with the files to the penny, in rows and £, by month and in total', () => {
    const months = readdirSync(DIR).filter((f) => /^20\d\d-\d\d\.csv$/.test(f));
    const e = expected(months);
    assert.deepEqual([mcr.rows, Math.round(mcr.total * 100)], [39_188, 83_747_243_569]);
    assert.deepEqual([e.rows, e.pence], [mcr.published.rows, Math.round(mcr.published.total * 100)]);
    assert.equal(mcr.by_month.length, 12);
    for (const m of mcr.by_month) {
      const x = e.months.get(m.month)!;
      assert.deepEqual([m.published_rows, Math.round(m.published_total * 100)], [x.rows, x.pence], m.month);
    }
  });
  it('Leeds March 2022: every line, payment months November to March, to the penny', async () => {
    const s = await wb.franchiseSummary({ body: 'leeds' });
    const e = expected(['leeds_processed_2022-03.csv'], { body: 'Leeds City Council' });
    assert.deepEqual([s.published.rows, Math.round(s.published.total * 100)], [29_223, 24_258_795_756]);
    assert.deepEqual([s.rows, Math.round(s.total * 100)], [e.rows, e.pence]);
    assert.deepEqual(
      s.by_month.map((m) => m.month),
      ['2021-11', '2021-12', '2022-01', '2022-02', '2022-03'],
    );
    for (const m of s.by_month)
      assert.deepEqual(
        [m.rows, Math.round(m.total * 100)],
        [e.months.get(m.month)!.rows, e.months.get(m.month)!.pence],
      );
  });
  it('classification covers every row: class totals add up to the file total, to the penny', async () => {
    for (const s of [mcr, await wb.franchiseSummary({ body: 'leeds' })]) {
      const classes = Object.values(s.classified);
      assert.equal(
        classes.reduce((t, c) => t + c.rows, 0),
        s.rows,
        s.body,
      );
      assert.equal(
        classes.reduce((t, c) => t + Math.round(c.total * 100), 0),
        Math.round(s.total * 100),
        s.body,
      );
      assert.ok(
        classes.every((c) => c.payees > 0),
        s.body,
      );
    }
  });
  it('matching: precision of at least 95 % on the hand-labelled sample of 250 payees', async () => {
    const labels = parse(
      readFileSync(new URL('../models/franchise/fixtures/payee-labels.csv', import.meta.url), 'utf8'),
      { columns: true },
    ) as { body: string; payee: string; label: string }[];
    assert.ok(labels.length >= 200);
    const found = new Map<string, { status: string; employerId: string | null }>();
    for (const body of ['Manchester City Council', 'Leeds City Council'])
      for (const p of await payeesWithMatches(wb.store, body)) found.set(`${body}|${p.name}`, p);
    let accepted = 0;
    let correct = 0;
    for (const l of labels) {
      const m = found.get(`${l.body}|${l.payee}`);
      assert.ok(m, `${l.payee} is a payee in the files`);
      if (m.status !== 'matched') continue;
      accepted++;
      if (m.employerId === l.label) correct++;
    }
    assert.ok(accepted >= 40, `${accepted} accepted matches`);
    assert.ok(correct / accepted >= 0.95, `precision ${correct}/${accepted}`);
  });
  it('match rates three ways, LM3 within 1–3 from its declared rounds', () => {
    const r = mcr.match_rate;
    for (const k of ['by_suppliers', 'by_payments', 'by_value'] as const)
      assert.ok(r[k].rate! > 0 && r[k].rate! < 1, k);
    assert.ok(r.by_suppliers.rate! < r.by_payments.rate!);
    const l = mcr.lm3;
    assert.ok(l.lm3! >= 1 && l.lm3! <= 3 && l.lm3IfUnknownLocal! >= l.lm3!);
    const r2 = l.byType.reduce((t, x) => t + x.r1 * l.parameters[x.type]!.r2, 0);
    assert.ok(Math.abs(l.r2 - r2) < 1e-6 && Math.abs(l.lm3! - (l.r1 + l.r2 + l.r3) / l.r1) < 1e-12);
  });
  it('IO view: a one-industry spend retains exactly the area’s regional multiplier for that industry', async () => {
    // One payment in January 2023 (outside the pack's year) to a supplier the returns place in one SIC code.
    const dir = mkdtempSync(join(tmpdir(), 'strata-franchise-'));
    writeFileSync(
      join(dir, 'manchester-2023-01.csv'),
      'Body Name,Service Area,Expenses Type,Invoice Payment Date,Transaction Number,Net Amount,Supplier Name\nManchester City Council,Highways Services,Works,2023-01-16,9,250000.00,Colas Limited\n',
    );
    await wb.franchiseImport(dir);
    const s = await wb.franchiseSummary({ body: 'manchester', period: '2023-01' });
    const { model } = await areaModel(wb, wb.defaultTaxonomy, 'E08000003');
    const j = model.codes.indexOf(s.io!.byIndustry[0]!.industry);
    assert.equal(s.io!.byIndustry.length, 1);
    assert.equal(s.io!.type1, model.multipliers.output.type1[j]);
    assert.equal(s.io!.type2, model.multipliers.output.type2[j]);
    assert.ok(s.io!.type1! > 1 && s.io!.type2! > s.io!.type1!);
    assert.equal(
      ioRetention(new Map([[model.codes[j]!, 1]]), {
        codes: model.codes,
        type1: model.multipliers.output.type1,
        type2: model.multipliers.output.type2,
      }).type1,
      s.io!.type1,
    );
  });
});
