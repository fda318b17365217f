// The finance simulator on the real pack: every example file runs for all 361 districts and
// 179 ITL3 areas; additive results sum to the UK (reference check 6); the same seed gives the
// same answer with one thread or two; bad policy files are refused at their path and line.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { FinanceReport } from '../../src/contract/finance.ts';
import type { Workbench } from '../../src/workbench.ts';
import { DataFileError, parseText, readDataFile } from '../../src/workbench/data-file.ts';
import { policyFromValue } from '../../src/workbench/finance.ts';
import { financeAreas } from '../../src/workbench/finance-areas.ts';
import { financeData } from '../../src/workbench/finance-data.ts';
import { query } from '../../src/store/db.ts';
import { financeExamples } from '../../src/workbench/finance.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const EXAMPLES = 'data/finance/examples/';
const run = (file: string, paths = 400, workers = 2) => wb.finance(readDataFile(file), { paths, workers });

function checkSums(r: FinanceReport): number {
  let checked = 0;
  const additive = new Set(r.measures.filter((m) => m.additive).map((m) => `${m.policy}:${m.measure}`));
  const groups = new Map<string, { uk: number; lad: number; itl3: number; lads: number; itl3s: number }>();
  for (const x of r.rows) {
    if (!additive.has(`${x.policy}:${x.measure}`)) continue;
    const k = `${x.policy}:${x.measure}:${x.year}`;
    const g = groups.get(k) ?? { uk: NaN, lad: 0, itl3: 0, lads: 0, itl3s: 0 };
    if (x.level === 'uk') g.uk = x.p50;
    else if (x.level === 'lad') {
      g.lad += x.p50;
      g.lads++;
    } else {
      g.itl3 += x.p50;
      g.itl3s++;
    }
    groups.set(k, g);
  }
  for (const [k, g] of groups) {
    if (g.lads)
      assert.ok(
        Math.abs(g.lad - g.uk) <= 1e-9 * Math.max(1, Math.abs(g.uk)),
        `${k}: districts ${g.lad} vs UK ${g.uk}`,
      );
    if (g.itl3s)
      assert.ok(
        Math.abs(g.itl3 - g.uk) <= 1e-9 * Math.max(1, Math.abs(g.uk)),
        `${k}: ITL3 ${g.itl3} vs UK ${g.uk}`,
      );
    checked++;
  }
  return checked;
}

describe('finance simulator on the real pack', () => {
  it('runs every example file; additive results by district and by ITL3 area sum to the UK', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 4);
    for (const f of files) {
      const r = await run(EXAMPLES + f);
      assert.equal(r.example, true, `${f} is marked as an example`);
      assert.ok(
        r.notes.some((n) => /illustrative/.test(n)),
        'says the returns are assumptions',
      );
      const sums = checkSums(r);
      assert.ok(sums > 0 || r.measures.every((m) => !m.additive), f);
      assert.ok(r.rows.length > 0, f);
      for (const x of r.rows)
        assert.ok(
          x.p05 <= x.p50 + 1e-9 * Math.abs(x.p50) && x.p50 <= x.p95 + 1e-9 * Math.abs(x.p95),
          `${f} ${x.measure} ${x.areacd}`,
        );
    }
  });

  it('counts savers in all 361 districts from the published statistics', async () => {
    const r = await run(EXAMPLES + 'local-sliver.yaml');
    assert.equal(r.areas.filter((a) => a.level === 'lad').length, 361);
    assert.equal(r.areas.filter((a) => a.level === 'itl3').length, 179);
    // ASHE 2025 (provisional): UK median weekly pay £642.50, so £33,410 a year
    assert.equal(r.savers.medianPay, 642.5 * 52);
    // broad checks against DWP's statistics (about 22 million eligible employees, 89 % saving)
    assert.ok(r.savers.eligible > 17e6 && r.savers.eligible < 26e6, `eligible ${r.savers.eligible}`);
    assert.ok(Math.abs(r.savers.savers / r.savers.eligible - 0.89) < 1e-12);
    assert.ok(
      r.savers.contributions > 25e9 && r.savers.contributions < 60e9,
      `contributions ${r.savers.contributions}`,
    );
    // Hartlepool's median saver: the area's own median pay under the 2025-26 rules
    const hartlepool = r.rows.find(
      (x) => x.areacd === 'E06000001' && x.measure === 'pot_median_saver' && x.year === 2030,
    )!;
    assert.ok(hartlepool.p05 < hartlepool.p50 && hartlepool.p50 < hartlepool.p95);
    // a flat 30 % relief costs more than today's for basic-rate savers and less for higher-rate
    const change = (band: string) =>
      r.rows.find(
        (x) =>
          x.policy === 'flat-relief-30' &&
          x.measure === `tax_relief_change_${band}` &&
          x.areacd === 'K02000001',
      )!.p50;
    assert.ok(change('basic') > 0 && change('higher') < 0);
  });

  it('the same seed gives the same answer with one thread or two', async () => {
    const one = await run(EXAMPLES + 'public-capital.yaml', 1200, 1);
    const two = await run(EXAMPLES + 'public-capital.yaml', 1200, 2);
    const { rows: a, ...restOne } = one;
    const { rows: b, ...restTwo } = two;
    assert.deepEqual(restOne, restTwo);
    assert.equal(a.length, b.length);
    const first = a.findIndex((x, i) => JSON.stringify(x) !== JSON.stringify(b[i]));
    assert.equal(first, -1, `row ${first}: ${JSON.stringify(a[first])} vs ${JSON.stringify(b[first])}`);
  });

  it('refuses bad policy files at their path and line, before any work', async () => {
    const text = (await import('node:fs')).readFileSync(EXAMPLES + 'local-sliver.yaml', 'utf8');
    const bad = async (edit: (s: string) => string, pattern: RegExp) => {
      const file = parseText(edit(text), 'bad.yaml');
      await assert.rejects(wb.finance(file, { paths: 100 }), (e: unknown) => {
        assert.ok(e instanceof DataFileError, String(e));
        assert.match(e.message, pattern);
        return true;
      });
    };
    await bad(
      (s) => s.replace('    share: 0.05', '    share: -0.05'),
      /bad\.yaml:\d+:\d+: policies\.0\.share: must be at least 0/,
    );
    await bad(
      (s) => s.replace('    share: 0.05', '    share: 1.2'),
      /bad\.yaml:\d+:\d+: policies\.0\.share: must be at most 1/,
    );
    await bad(
      (s) => s.replace('weights: { equities: 0.6,', 'weights: { bitcoin: 0.6,'),
      /fund\.weights\.bitcoin: unknown asset: bitcoin/,
    );
    await bad(
      (s) =>
        s.replace(
          'with: { equities: 0.5, infrastructure: 0.6, private_equity: 0.5 }',
          'with: { equities: 0.99, gilts: -0.9 }',
        ),
      /policies\.0\.asset\.correlations: correlations of local_productive .* not positive definite/,
    );
    await bad(
      (s) => s.replace('    destination: local', '    destination: local\n    areas: [E06000001, E99999999]'),
      /bad\.yaml:\d+:\d+: policies\.0\.areas\.1: unknown area: E99999999/,
    );
    await bad(
      (s) => s.replace('mandate: { housing: 0.4,', 'mandate: { casinos: 0.4,'),
      /mandate\.casinos: unknown mandate priority: casinos/,
    );
  });
});

describe('savers against the Census', () => {
  it('people in employment by district agree with Census 2021 residents in employment (England and Wales) within 10 %', async () => {
    const data = financeData();
    const sv = data.savers;
    const share = sv.employeeShare.value;
    const params = {
      employeeShare: share,
      participation: sv.participation.value,
      sigmaLow: sv.pay.sigmaLow.value,
      sigmaHigh: sv.pay.sigmaHigh.value,
      weeksPerYear: sv.pay.weeksPerYear,
      relief: sv.relief.value,
      rates: { total: 0.08, employer: 0.03 },
    };
    const areas = await financeAreas(wb, wb.defaultTaxonomy, data, { taxYear: '2025-26', params });
    const modelled = areas.data.savers
      .filter((x) => /^[EW]/.test(x.areacd))
      .reduce((t, x) => t + x.employees / share, 0);
    const [census] = await query<{ total: number }>(
      wb.store,
      `SELECT sum(value) AS total FROM industry_obs
        WHERE dataset_id = (SELECT id FROM current_datasets WHERE source = 'ons-census2021-ts060-ltla')`,
    );
    // people aged 16–64 (mid-2021) × the APS employment rate against every resident in employment
    // aged 16 and over on Census day: the Census counts workers over 64 that the model leaves out
    const ratio = modelled / census!.total;
    assert.ok(ratio > 0.9 && ratio < 1.1, `modelled ${Math.round(modelled)} vs Census ${census!.total}`);
  });
});

describe('finance examples and requests', () => {
  it('lists the shipped examples, each a valid policy file marked as an example', () => {
    const list = financeExamples().examples;
    assert.deepEqual(
      list.map((e) => e.id),
      ['collective-dc', 'local-sliver', 'mansion-house', 'public-capital'],
    );
    assert.ok(list.every((e) => e.policy['example'] === true && e.file.startsWith('data/finance/examples/')));
  });
  it('a policy sent as a value may not name a returns file on disk', async () => {
    const value = {
      id: 'x',
      returns: '/etc/passwd',
      fund: { weights: { cash: 1 } },
      policies: [{ id: 'r', kind: 'tax-relief', flatRate: 0.25 }],
    };
    await assert.rejects(
      wb.finance(policyFromValue(value), { paths: 100, readReturnsFile: false }),
      /returns: a returns file cannot be named here/,
    );
  });
});
