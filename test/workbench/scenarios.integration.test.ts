// The scenario lab on the real data pack: consistent with `strata io shock`, zero without
// interventions, the roll-up equal to the interregional model's own answer, the same numbers for
// any number of worker threads, and every shipped example runs.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { interregionalShock } from '../../src/models/io/index.ts';
import type { Workbench } from '../../src/workbench.ts';
import { fromValue, parseText, readDataFile } from '../../src/workbench/data-file.ts';
import { prepareScenario, systemAt, type ScenarioRow } from '../../src/workbench/scenarios.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
before(async () => {
  wb = await packWorkbench();
});
after(() => wb.close());

const demand = (id: string, area: string | string[], industry: string, perYear: number) => ({
  id,
  kind: 'demand',
  area,
  target: { industry },
  cost: { perYear },
  timing: { start: 2026, years: 1 },
});
const file = (value: unknown, name = 'test.yaml') => fromValue(value, name);
const at = (rows: ScenarioRow[], goal: string, areacd = 'K02000001', intervention = 'all') =>
  rows.find((r) => r.goal === goal && r.areacd === areacd && r.intervention === intervention)!;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('scenario lab on the data pack', () => {
  it('£10m of demand in Q87 at TLC11, Type I, no additionality, regional: jobs, GVA, compensation equal strata io shock to 1e-9', async () => {
    const r = await wb.scenario(
      file({
        id: 'q87',
        title: 'Q87',
        model: { type: 1, interregional: false },
        interventions: [demand('care', 'TLC11', 'Q87', 10e6)],
      }),
      { draws: 50 },
    );
    const io = await wb.ioShock({ area: 'TLC11', industry: 'Q87', amount: 10e6 });
    const type1 = (s: { direct: number; indirect: number }) => s.direct + s.indirect;
    const pairs = [
      ['jobs', type1(io.totals.employment!)],
      ['gva', type1(io.totals.gva!)],
      ['compensation', type1(io.totals.compensation!)],
      ['output', type1(io.totals.output!)],
    ] as const;
    for (const [goal, want] of pairs)
      assert.ok(rel(at(r.rows, goal).value!, want) <= 1e-9, `${goal}: ${at(r.rows, goal).value} vs ${want}`);
    assert.equal(at(r.rows, 'jobs', 'TLC11', 'care').value, at(r.rows, 'jobs').value);
  });

  it('a scenario with no interventions gives 0 for every goal, area and band', async () => {
    const r = await wb.scenario(file({ id: 'none', title: 'Nothing', interventions: [] }));
    assert.ok(r.rows.length > 10);
    for (const row of r.rows) assert.deepEqual([row.value, row.p05, row.p95], [0, 0, 0], `${row.goal}`);
    assert.deepEqual([...new Set(r.rows.map((x) => `${x.intervention} ${x.areacd}`))], ['all K02000001']);
  });

  it('linear where the model is linear: two interventions together are the sum of each alone', async () => {
    const run = (ivs: unknown[]) =>
      wb.scenario(file({ id: 'lin', title: 'Linear', interventions: ivs }), {
        draws: 20,
      });
    const a = demand('a', 'E06000001', 'Q87', 10e6);
    const b = {
      ...demand('b', ['E06000002', 'E06000004'], 'C29', 25e6),
      additionality: { leakage: { value: 0.2, source: 'test' } },
    };
    const [ra, rb, both] = await Promise.all([run([a]), run([b]), run([a, b])]);
    for (const g of [
      'jobs',
      'jobs_female',
      'gva',
      'compensation',
      'emissions',
      'pv_gva',
      'pv_cost',
      'jobs:foundational-providential',
    ])
      assert.ok(rel(at(both.rows, g).value!, at(ra.rows, g).value! + at(rb.rows, g).value!) <= 1e-12, g);
  });

  it('gives the same numbers for any number of worker threads', async () => {
    const lads = [
      'E06000001',
      'E06000002',
      'E06000003',
      'E06000004',
      'E06000005',
      'E08000001',
      'E08000002',
      'E08000003',
      'E08000004',
      'E08000005',
      'E08000006',
      'E08000007',
    ];
    const f = file({
      id: 'w',
      title: 'Workers',
      interventions: [
        {
          ...demand('a', lads, 'C29', 50e6),
          additionality: { displacement: { value: 0.2, range: [0, 0.5], source: 'test' } },
        },
      ],
    });
    const one = await wb.scenario(f, { draws: 200, workers: 1 });
    const three = await wb.scenario(f, { draws: 200, workers: 3 });
    assert.deepEqual(three.rows, one.rows);
  });

  it('the roll-up of local plans equals the interregional model’s answer for the combined shock (1e-6)', async () => {
    const plan = (id: string, ivs: unknown[]) =>
      // central δ only (no band): the equality is of central figures, and each band point is one more solve
      parseText(
        JSON.stringify({
          id,
          title: id,
          model: { level: 'itl3', type: 1, interregional: true, band: null },
          interventions: ivs,
        }),
        `${id}.yaml`,
      );
    const plans = [
      plan('tees', [demand('care', 'TLC11', 'Q87', 10e6), demand('cars', 'TLC12', 'C29', 20e6)]),
      plan('manchester', [demand('digital', ['TLD33', 'TLD34'], 'J62', 30e6)]),
    ];
    const r = await wb.scenarioRollup(plans, { draws: 20 });
    const p = await prepareScenario(wb, wb.defaultTaxonomy, plans[0]!, { interregional: true });
    const sys = await systemAt(wb, p, 0.3);
    const ctx = p.national.ctx;
    const combined = interregionalShock(
      sys,
      ctx.national.factors,
      [
        { area: 'TLC11', industry: 'Q87 & Q88', amount: 10 },
        { area: 'TLC12', industry: 'C29', amount: 20 },
        ...['TLD33', 'TLD34'].map((area) => ({
          area,
          industry: 'J62',
          amount:
            30 *
            (p.areas.areas[p.areas.index.get(area)!]!.output[ctx.national.codes.indexOf('J62')]! /
              (p.areas.areas[p.areas.index.get('TLD33')!]!.output[ctx.national.codes.indexOf('J62')]! +
                p.areas.areas[p.areas.index.get('TLD34')!]!.output[ctx.national.codes.indexOf('J62')]!)),
        })),
      ],
      { tol: 1e-12 },
    );
    const n = sys.n;
    const byArea = (v: Float64Array, s: number) => v.subarray(s * n, (s + 1) * n).reduce((t, x) => t + x, 0);
    const type1 = (split: { direct: Float64Array; indirect: Float64Array }, s: number) =>
      byArea(split.direct, s) + byArea(split.indirect, s);
    let uk = 0;
    for (let s = 0; s < sys.areas.length; s++) {
      const want = type1(combined.employment!, s);
      uk += want;
      const got = at(r.rows, 'jobs', sys.areas[s]!).value!;
      assert.ok(
        Math.abs(got - want) <= 1e-6 * Math.max(Math.abs(want), 1),
        `${sys.areas[s]}: ${got} vs ${want}`,
      );
    }
    assert.ok(rel(at(r.rows, 'jobs').value!, uk) <= 1e-6);
    assert.ok(
      rel(
        at(r.rows, 'gva').value!,
        [...Array(sys.areas.length).keys()].reduce((t, s) => t + type1(combined.gva, s), 0),
      ) <= 1e-6,
    );
    // each plan spills to the other's areas, and the two plans add up to all of them
    const tees = r.plans.find((x) => x.id === 'tees')!;
    assert.ok(tees.jobs.elsewhere > 0 && tees.jobs.into.manchester! > 0);
    assert.ok(
      rel(
        r.plans.reduce((t, x) => t + x.jobs.total, 0),
        at(r.rows, 'jobs').value!,
      ) <= 1e-12,
    );
    assert.ok(r.rows.some((x) => x.areacd === 'TLC' && x.intervention === 'all'));
  });

  describe('bad input: a clear error naming the field (and its line), before anything is computed', () => {
    const lines = (ivs: string) =>
      parseText(['id: bad', 'title: Bad', 'interventions:', ivs].join('\n'), 'bad.yaml');
    const care = (over: Record<string, string> = {}) =>
      [
        '  - id: care',
        '    kind: demand',
        `    area: ${over.area ?? 'E06000001'}`,
        `    target: ${over.target ?? '{ industry: Q87 }'}`,
        `    cost: { perYear: ${over.cost ?? '1e7'} }`,
        '    timing: { start: 2026, years: 3 }',
      ].join('\n');
    const cases: [string, Record<string, string>, RegExp][] = [
      [
        'an unknown area',
        { area: 'E06999999' },
        /bad\.yaml:6:11: interventions\.0\.area: unknown area: E06999999/,
      ],
      [
        'an area at another level',
        { area: '[E06000001, TLC11]' },
        /interventions\.0\.area: unknown area: TLC11 \(this scenario's areas are local authorities/,
      ],
      [
        'a combined authority code',
        { area: 'E47000006' },
        /interventions\.0\.area: E47000006 is a combined authority: list its local authorities' codes instead/,
      ],
      [
        'an unknown industry',
        { target: '{ industry: Z99 }' },
        /bad\.yaml:7:\d+: interventions\.0\.target\.industry: unknown industry: Z99/,
      ],
      [
        'an unknown layer',
        { target: '{ layer: foundational-magic }' },
        /interventions\.0\.target\.layer: unknown layer: foundational-magic/,
      ],
      [
        'an unknown sector',
        { target: '{ sector: space-elevators }' },
        /interventions\.0\.target\.sector: unknown sector: space-elevators/,
      ],
      [
        'a negative cost',
        { cost: '-5' },
        /bad\.yaml:8:\d+: interventions\.0\.cost\.perYear: a cost cannot be negative/,
      ],
    ];
    for (const [what, over, message] of cases)
      it(`refuses ${what}`, async () => {
        await assert.rejects(wb.scenario(lines(care(over))), message);
      });
    it('refuses an unknown mission', async () => {
      const f = parseText(
        ['id: bad', 'title: Bad', 'missions: [no-such-mission]', 'interventions:', care()].join('\n'),
        'bad.yaml',
      );
      await assert.rejects(wb.scenario(f), /bad\.yaml:3:\d+: missions\.0: unknown mission: no-such-mission/);
    });
    it('refuses an unknown goal, weights that do not sum to one and a budget below every candidate', async () => {
      const two = lines(`${care()}\n${care().replace('id: care', 'id: more-care')}`);
      await assert.rejects(wb.scenarioFrontier(two, { x: 'happiness' }), /--x: unknown goal: happiness/);
      const weights = { file: parseText('weights: { jobs: 0.5, gva: 0.4 }', 'w.yaml') };
      await assert.rejects(
        wb.scenarioFrontier(two, { weights }),
        /w\.yaml: weights: weights sum to 0\.9, not 1/,
      );
      const ratio = { file: parseText('weights: { jobs: 0.5, cost_per_job: 0.5 }', 'w.yaml') };
      await assert.rejects(
        wb.scenarioFrontier(two, { weights: ratio }),
        /goal cost_per_job does not add up over candidates/,
      );
      await assert.rejects(
        wb.scenarioFrontier(two, { budget: 1000 }),
        /--budget: £1,000 is below every candidate's cost/,
      );
    });
  });

  it('runs every shipped example', async () => {
    const dir = 'data/scenarios/examples/';
    for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
      const r = await wb.scenario(readDataFile(dir + name), { draws: 100 });
      assert.ok(r.scenario.example, name);
      assert.ok(at(r.rows, 'jobs').value! !== 0, name);
      assert.ok(
        r.rows.every((x) => x.value === null || Number.isFinite(x.value)),
        name,
      );
    }
  });
});
