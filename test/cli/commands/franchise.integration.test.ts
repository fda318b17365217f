import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { strata as run } from '../../helpers/cli.ts';
import { PACK_DB, packWorkbench } from '../../helpers/pack.ts';
import { PACK } from '../../helpers/source.ts';

const dir = mkdtempSync(join(tmpdir(), 'strata-franchise-cli-'));
const db = join(dir, 'pack.duckdb');
const strata = (...args: string[]) => run(args, db);

describe('strata franchise on the real pack', () => {
  before(async () => {
    (await packWorkbench()).close();
    copyFileSync(PACK_DB, db);
  });

  it('import of files already held reports each unchanged and writes no new generation of the store', async () => {
    const before = statSync(db);
    const r = await strata('franchise', 'import', join(PACK, 'council-spending-manchester-leeds'));
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /2021-04\.csv: unchanged \(Manchester City Council\): 3021 lines, £65033028\.95, layout lgtc-common/,
    );
    assert.match(r.out, /leeds_processed_2022-03\.csv: unchanged \(Leeds City Council\): 29223 lines/);
    assert.match(r.out, /index\.json: skipped: JSON without releases/);
    const now = statSync(db);
    assert.deepEqual([now.ino, now.mtimeMs], [before.ino, before.mtimeMs]);
  });
  it('import of a new file writes a new generation and matches the body’s payees again', async () => {
    const before = statSync(db).ino;
    const file = join(dir, 'manchester-2023-02.csv');
    writeFileSync(
      file,
      'Body Name,Service Area,Expenses Type,Invoice Payment Date,Transaction Number,Net Amount,Supplier Name\nManchester City Council,Highways Services,Works,2023-02-16,9,1200.00,Colas Limited\n',
    );
    const r = await strata('franchise', 'import', file);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /manchester-2023-02\.csv: imported \(Manchester City Council\): 1 lines, £1200\.00/);
    assert.match(r.out, /Manchester City Council: 3617 payees; matched \d+, review \d+/);
    assert.notEqual(statSync(db).ino, before);
  });
  it('summary --format json has total, rows, classified totals by payee type and match_rate three ways', async () => {
    const r = await strata(
      'franchise',
      'summary',
      '--body',
      'manchester',
      '--period',
      '2021-22',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.err);
    const s = JSON.parse(r.out) as Record<string, unknown> & {
      classified: Record<string, { total: number }>;
      match_rate: Record<string, { rate: number }>;
    };
    assert.equal(s.total, 837472435.69);
    assert.equal(s.rows, 39188);
    assert.deepEqual(Object.keys(s.classified), [
      'company',
      'charity',
      'public-body',
      'individual-or-redacted',
      'unknown',
    ]);
    for (const k of ['by_suppliers', 'by_payments', 'by_value']) assert.ok(s.match_rate[k]!.rate > 0, k);
  });
  it('summary as CSV and table; suppliers, the review list and conditions as CSV', async () => {
    const csv = parse((await strata('franchise', 'summary', '--body', 'leeds', '--format', 'csv')).out, {
      columns: true,
    }) as Record<string, string>[];
    assert.equal(csv[0]!['section'], 'total');
    assert.equal(csv[0]!['total'], '242587957.56');
    const sup = parse(
      (await strata('franchise', 'suppliers', '--body', 'manchester', '--format', 'csv')).out,
      {
        columns: true,
      },
    ) as Record<string, string>[];
    assert.ok(sup.length > 3000);
    assert.equal(sup[0]!['rank'], '1');
    const review = parse(
      (await strata('franchise', 'suppliers', '--body', 'manchester', '--review', '--format', 'csv')).out,
      { columns: true },
    ) as Record<string, string>[];
    assert.ok(review.length > 0 && review.every((x) => x['reason'] !== ''));
    const c = await strata(
      'franchise',
      'conditions',
      '--body',
      'manchester',
      '--period',
      '2021-22',
      '--format',
      'csv',
    );
    assert.equal(c.code, 0, c.err);
    const totals = parse(c.out, { columns: true }) as Record<string, string>[];
    assert.deepEqual(
      totals.map((t) => t['condition']),
      [
        'real-living-wage',
        'gender-pay-gap',
        'local-supply',
        'low-emissions-industry',
        'prompt-payment',
        'service-coverage',
      ],
    );
    for (const t of totals)
      assert.equal(
        Math.round((Number(t['meets']) + Number(t['fails']) + Number(t['unknown'])) * 100),
        83747243569,
        t['condition'],
      );
  });
  it('whatif gives the demand change in the area by industry, £ a year', async () => {
    const r = await strata(
      'franchise',
      'whatif',
      '--body',
      'manchester',
      '--category',
      'Highways Services',
      '--share',
      '0.5',
      '--format',
      'json',
    );
    assert.equal(r.code, 0, r.err);
    const w = JSON.parse(r.out) as {
      area: string;
      moved: number;
      changes: { area: string; industry: string; gbpPerYear: number }[];
    };
    assert.equal(w.area, 'E08000003');
    assert.ok(
      w.moved > 0 &&
        w.changes.length > 0 &&
        w.changes.every((c) => c.area === 'E08000003' && c.gbpPerYear > 0),
    );
  });
  it('usage errors exit 2 with one line; a mislabelled file exits 1 naming it and imports nothing', async () => {
    const bad = await strata('franchise', 'summary', '--body', 'manchester', '--period', 'last year');
    assert.equal(bad.code, 2);
    assert.equal(
      bad.err,
      'strata: invalid period: last year (a financial year 2021-22, a month 2021-04 or a year 2021)\n',
    );
    const file = join(dir, 'manchester-2022-04.csv');
    writeFileSync(file, 'Payment Date,Amount,Organisational Unit,Beneficiary Name\n2022-04-01,1.00,X,Y\n');
    const before = statSync(db);
    const r = await strata('franchise', 'import', file, '--body', 'leeds');
    assert.equal(r.code, 1);
    // The store file is the same generation: not rewritten, not renamed over.
    const now = statSync(db);
    assert.deepEqual([now.ino, now.size, now.mtimeMs], [before.ino, before.size, before.mtimeMs]);
    assert.match(
      r.err,
      /^strata: manchester-2022-04\.csv: file name says Manchester City Council, not Leeds City Council/,
    );
  });
  it('condition parameters are checked at every option and file; a refused command changes nothing', async () => {
    const file = join(dir, 'conditions.yaml');
    writeFileSync(
      file,
      'id: c\nversion: 1\ntitle: C\nconditions:\n  - id: pay\n    name: Pay\n    rule: paid-within-days\n    evidence: dates\n    params: { share: 2 }\n',
    );
    const before = statSync(db);
    const cases: [string[], string][] = [
      [
        ['conditions', file, '--body', 'leeds'],
        `strata: invalid ${file}: ${file}:9:22: conditions.0.params.share: Too big: expected number to be <=1 (value: 2)\n`,
      ],
      [
        ['whatif', '--body', 'leeds', '--category', '*', '--share', '1.5'],
        'strata: invalid share: 1.5 (0–1)\n',
      ],
      [
        ['whatif', '--body', 'leeds', '--category', '*', '--share', 'half'],
        'strata: invalid share: half (0–1)\n',
      ],
      [
        ['whatif', '--body', 'leeds', '--category', '*', '--target', 'fair-tax'],
        'strata: invalid target: fair-tax (local, or one of real-living-wage, gender-pay-gap, local-supply, low-emissions-industry, prompt-payment, service-coverage)\n',
      ],
      [
        ['whatif', '--body', 'leeds', '--category', '*', '--conditions', file],
        `strata: invalid ${file}: ${file}:9:22: conditions.0.params.share: Too big: expected number to be <=1 (value: 2)\n`,
      ],
      [['whatif', '--body', 'leeds', '--category', '*', '--field', 'colour'], ''],
      [['import', PACK, '--duplicates', 'never'], ''],
    ];
    for (const [args, err] of cases) {
      const r = await strata('franchise', ...args);
      assert.equal(r.code, 2, args.join(' '));
      if (err) assert.equal(r.err, err);
      else assert.match(r.err, /^strata: invalid (field|duplicates rule): (colour|never)/);
      assert.equal(r.out, '');
    }
    const now = statSync(db);
    assert.deepEqual([now.ino, now.size, now.mtimeMs], [before.ino, before.size, before.mtimeMs]);
  });
});
