// Plans frozen on the data pack: a scenario's expected outcome (every goal for its area and the
// UK, with bands, and the goals a published indicator measures as levels) and a finance plan's
// path (capital and pots by year as percentiles), each with the file's checksum, method version
// and the datasets' checksums; forecast against outturn in parts that add up exactly, and plain
// words where no outturn can be observed. The report lists them, and one area's report is the
// bytes of its file in the batch.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { CivicService } from '../../src/civic/service.ts';
import { reportHtml } from '../../src/reports/page.ts';
import type { Workbench } from '../../src/workbench.ts';
import { readDataFile } from '../../src/workbench/data-file.ts';
import { ladPopulation } from '../../src/workbench/geography.ts';
import { areaSeries } from '../../src/workbench/area-series.ts';
import { planDetailOf } from '../../src/workbench/plans.ts';
import { inputFor, reportShared } from '../../src/workbench/report.ts';
import { packWorkbench } from '../helpers/pack.ts';
import { freshStore, storeKinds } from '../civic/stores.ts';

const SCENARIO = 'data/scenarios/examples/hartlepool-adult-social-care.yaml';
const FINANCE = 'data/finance/examples/public-capital.yaml';

/** A decimal string at most 9 places as an integer of billionths, to add exactly. */
function nano(s: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,9}))?$/.exec(s);
  assert.ok(m, `exact decimal: ${s}`);
  const v = BigInt(m[2]!) * 10n ** 9n + BigInt((m[3] ?? '').padEnd(9, '0'));
  return m[1] ? -v : v;
}

const dir = mkdtempSync(join(tmpdir(), 'strata-plans-'));
let wb: Workbench;
let civic: CivicService;
before(async () => {
  wb = await packWorkbench();
  civic = await CivicService.open(`sqlite:${join(dir, 'civic.sqlite')}`, { mail: null });
});
after(async () => {
  await civic?.close();
  wb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('plans on the data pack', () => {
  it('freezes a scenario’s expected outcome with its bands, checksums and the levels its linked goals imply', async () => {
    const file = readDataFile(SCENARIO);
    const p = await wb.freezePlan(civic.registers, {
      kind: 'scenario',
      file,
      year: 2023,
      frozenOn: '2026-01-05',
      who: 'Analyst',
    });
    assert.equal(p.id, 'S-2026-001');
    assert.equal(p.method, 'scenario-lab@1');
    assert.equal(p.fingerprint, createHash('sha256').update(JSON.stringify(file.value)).digest('hex'));
    assert.deepEqual(p.areas, ['E06000001', 'K02000001']);
    assert.deepEqual(
      {
        year: p.parameters.year,
        baseYear: p.parameters.baseYear,
        draws: p.parameters.draws,
        seed: p.parameters.seed,
      },
      { year: 2023, baseYear: 2026, draws: 1000, seed: 1 },
    );
    const current = (await wb.datasets()).datasets.filter((d) => d.current);
    assert.equal(p.vintages.length, current.length);
    assert.ok(p.vintages.every((v) => /^[0-9a-f]{64}$/.test(v.sha256)));
    // the run as the lab gives it, figure for figure
    const run = await wb.scenario(file);
    const jobs = run.rows.find((r) => r.areacd === 'E06000001' && r.goal === 'jobs')!;
    const point = p.points.find((x) => x.areacd === 'E06000001' && x.measure === 'jobs')!;
    assert.deepEqual([point.value, point.bands.p05, point.bands.p95], [jobs.value, jobs.p05, jobs.p95]);
    // jobs → the employment rate: jobs ÷ people aged 16–64, added to the latest rate by the base year
    const pop = await ladPopulation(wb);
    const { points } = await areaSeries(
      wb,
      'employment-rate:employment-rate',
      'E06000001',
      wb.defaultTaxonomy,
    );
    const base = points.filter((o) => o.period <= 2026).at(-1)!;
    const effect = (100 * jobs.value!) / pop.workingAge.get('E06000001')!;
    assert.equal(point.link!.indicator, 'employment-rate:employment-rate');
    assert.equal(point.link!.baseline, base.value);
    assert.equal(point.link!.effect, effect);
    assert.equal(point.link!.expected, base.value + effect);
    // goals no published series measures carry no link
    assert.equal(p.points.find((x) => x.measure === 'gva' && x.areacd === 'E06000001')!.link, null);
  });

  it('sets linked figures against outturn in parts that add up exactly, and says where there is none yet', async () => {
    const d = await wb.planDetail(civic.registers, 'S-2026-001');
    assert.ok(d.outturns.length >= 2);
    for (const o of d.outturns) {
      assert.ok(o.error, `${o.measure}: ${o.pending}`);
      const e = o.error!;
      assert.equal(nano(e.total.exact), nano(e.revision.exact) + nano(e.policy.exact) + nano(e.rest.exact));
      // the same data as when frozen: no revision, no declared policy
      assert.deepEqual([e.revision.exact, e.policy.exact], ['0', '0']);
    }
    assert.match(d.unmeasured!, /^no outturn yet: .*gva.* are model figures/);
    // a goal measured in a district is not among them, though the UK's figure of it has no link
    assert.doesNotMatch(d.unmeasured!, /[:,] (jobs|emissions|foundational_share_gva)[,]/);
    // as if frozen on older data: the baseline was 1.5 lower then, so the revision is +1.5
    const jobs = d.plan.points.find((x) => x.measure === 'jobs' && x.areacd === 'E06000001')!;
    const older = {
      ...d.plan,
      points: [
        {
          ...jobs,
          link: { ...jobs.link!, baseline: jobs.link!.baseline - 1.5, expected: jobs.link!.expected - 1.5 },
        },
      ],
    };
    const [o] = (await planDetailOf(wb, older, wb.defaultTaxonomy)).outturns;
    assert.equal(o!.error!.revision.exact, '1.5');
    assert.equal(
      nano(o!.error!.total.exact),
      nano(o!.error!.revision.exact) + nano(o!.error!.policy.exact) + nano(o!.error!.rest.exact),
    );
    // a year not yet published
    const later = { ...older, points: [{ ...jobs, year: 2031 }] };
    const [none] = (await planDetailOf(wb, later, wb.defaultTaxonomy)).outturns;
    assert.deepEqual([none!.outturn, none!.error], [null, null]);
    assert.match(
      none!.pending!,
      /^no outturn yet: employment-rate:employment-rate for E06000001 in 2031 is not in the store$/,
    );
  });

  it('freezes a finance plan’s path as percentiles by year, for the UK and one area, with no outturn invented', async () => {
    const file = readDataFile(FINANCE);
    const p = await wb.freezePlan(civic.registers, {
      kind: 'finance',
      file,
      area: 'E06000001',
      frozenOn: '2026-01-05',
      who: 'Analyst',
    });
    assert.equal(p.id, 'F-2026-001');
    assert.equal(p.method, 'finance-paths@1');
    assert.deepEqual(p.areas, ['E06000001', 'K02000001']);
    const run = await wb.finance(file);
    const row = run.rows.find(
      (r) => r.measure === 'bank_loans' && r.areacd === 'E06000001' && r.year === 2030,
    )!;
    const point = p.points.find(
      (x) => x.measure === 'bank_loans' && x.areacd === 'E06000001' && x.year === 2030,
    )!;
    assert.deepEqual(point.bands, {
      p05: row.p05,
      p10: row.p10,
      p25: row.p25,
      p50: row.p50,
      p75: row.p75,
      p90: row.p90,
      p95: row.p95,
      mean: row.mean,
    });
    assert.ok(p.points.every((x) => x.link === null && ['E06000001', 'K02000001'].includes(x.areacd)));
    const d = await wb.planDetail(civic.registers, p.id);
    assert.deepEqual(d.outturns, []);
    assert.match(d.unmeasured!, /^no outturn yet: capital mobilised and pension pots are simulated paths/);
    await assert.rejects(
      wb.freezePlan(civic.registers, {
        kind: 'finance',
        file,
        area: 'E99999999',
        frozenOn: '2026-01-05',
        who: 'A',
      }),
      /E99999999/,
    );
    assert.equal((await wb.plans(civic.registers)).plans.length, 2, 'a refused freeze writes nothing');
  });

  it('lists the plans in the area’s report, the same bytes alone as in the batch', async () => {
    const opts = { area: 'E06000001', asOf: '2026-02-01', version: 'strata 0.0.0 (commit test)' };
    const html = await wb.report(civic.registers, opts);
    assert.match(
      html,
      /<section id="plans" aria-labelledby="plans-h"><h2 id="plans-h">Scenarios and finance plans on record<\/h2>/,
    );
    assert.match(html, /<h3>S-2026-001: EXAMPLE — £50m a year into adult social care in Hartlepool<\/h3>/);
    assert.match(html, /<h3>F-2026-001: /);
    assert.match(html, /<td>jobs<\/td><td>employment-rate:employment-rate<\/td><td>2023<\/td>/);
    assert.match(html, /<p>No outturn yet: capital mobilised and pension pots are simulated paths/);
    assert.match(html, /<td>plan scenario-lab<\/td><td>1<\/td>/);
    // before they were frozen: none
    const earlier = await wb.report(civic.registers, { ...opts, asOf: '2026-01-04' });
    assert.match(earlier, /No scenario or finance plan for this area is frozen in the register/);
    const t = wb.defaultTaxonomy;
    const batch = await reportShared(wb, civic.registers, opts.asOf, t);
    for (const area of ['E06000001', 'uk', 'E08000003'])
      assert.equal(
        await wb.report(civic.registers, { ...opts, area }),
        reportHtml(await inputFor(wb, batch, { area, version: opts.version }, t)),
        area,
      );
  });

  it('freezes and reads the same plan on every civic store (SQLite, PostgreSQL)', async () => {
    const want = await wb.planDetail(civic.registers, 'S-2026-001');
    for (const kind of storeKinds().filter((k) => k !== 'sqlite')) {
      const store = freshStore(kind);
      const other = await CivicService.open(store.url, { mail: null });
      try {
        const p = await wb.freezePlan(other.registers, {
          kind: 'scenario',
          file: readDataFile(SCENARIO),
          year: 2023,
          frozenOn: '2026-01-05',
          who: 'Analyst',
        });
        assert.equal(p.id, 'S-2026-001');
        assert.deepEqual(await wb.planDetail(other.registers, p.id), want, kind);
      } finally {
        await other.close();
        await store.drop();
      }
    }
  });

  it('GET /api/v1/plans and /api/v1/plans/{id} answer JSON and CSV; a bad id is refused', async () => {
    const app = createApp({ workbench: wb, webDir: null, civic });
    const list = await app.request('/api/v1/plans?area=E06000001');
    assert.equal(list.status, 200);
    assert.deepEqual(
      ((await list.json()) as { plans: { id: string }[] }).plans.map((p) => p.id),
      ['F-2026-001', 'S-2026-001'],
    );
    const one = await app.request('/api/v1/plans/S-2026-001');
    assert.equal(one.status, 200);
    const body = (await one.json()) as { outturns: unknown[]; unmeasured: string };
    assert.deepEqual(body, await wb.planDetail(civic.registers, 'S-2026-001'));
    const csv = await (await app.request('/api/v1/plans/S-2026-001?format=csv')).text();
    assert.match(
      csv.split('\n')[0]!,
      /^series,measure,areacd,year,indicator,expected,outturn,total,revision,policy,rest,pending/,
    );
    assert.equal((await app.request('/api/v1/plans/P-2026-001')).status, 400);
    assert.equal((await app.request('/api/v1/plans/S-2026-099')).status, 404);
  });
});
