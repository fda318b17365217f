// The scenario routes on the data pack: the answers hold to their contract schemas, CSV is the
// lab's one row shape, a run equals the workbench's own answer, every cap and bad input is refused
// naming the field, and weights agreed in a closed consultation choose the portfolio.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../src/api/app.ts';
import { SCENARIO_EXAMPLE } from '../../../src/api/analytics/scenario-example.ts';
import { COSTLY_LIMITS, COSTLY_ROUTES } from '../../../src/api/limits.ts';
import { checkConsultationFile } from '../../../src/civic/consultation-file.ts';
import { CivicService } from '../../../src/civic/service.ts';
import {
  CompareReport,
  FrontierReport,
  ScenarioExamples,
  ScenarioReport,
} from '../../../src/contract/scenarios.ts';
import { type Workbench } from '../../../src/workbench.ts';
import { fromValue } from '../../../src/workbench/data-file.ts';
import { packWorkbench } from '../../helpers/pack.ts';

const ADMIN = { subject: 'api:test', role: 'admin' as const };
let wb: Workbench;
let civic: CivicService;
let app: ReturnType<typeof createApp>;

/** A goal-weighting consultation over jobs and GVA per job, closed with one ballot. */
async function consultation(
  id: string,
  ballot: Record<string, number>,
  svc: CivicService,
  clock: { now: Date },
) {
  clock.now = new Date('2026-05-02T10:00:00Z');
  await svc.createConsultation(
    ADMIN,
    checkConsultationFile({
      id,
      title: `Goals ${id}`,
      area: 'E06000001',
      electorate: 'codes',
      opens: '2026-05-01T09:00:00Z',
      closes: '2026-05-15T17:00:00Z',
      ballot: 'points',
      rule: 'mean',
      options: [
        { id: 'jobs', name: 'Jobs' },
        { id: 'gva_per_job', name: 'Productivity' },
      ],
    }),
  );
  await svc.openConsultation(ADMIN, id);
  const batch = await svc.issueCodes(ADMIN, id, { count: 1, expiresAt: '2026-05-16T00:00:00Z' });
  const { session } = await svc.redeem({ consultationId: id, code: batch.codes[0]!, ip: 'test' });
  await svc.submitBallot({ consultationId: id, session, ballot });
  clock.now = new Date('2026-05-16T10:00:00Z');
  await svc.closeConsultation(ADMIN, id);
}

before(async () => {
  wb = await packWorkbench();
  const clock = { now: new Date() };
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'strata-scenario-api-')), 'civic.sqlite')}`;
  civic = await CivicService.open(url, { now: () => clock.now });
  await consultation('for-jobs', { jobs: 90, gva_per_job: 10 }, civic, clock);
  await consultation('for-productivity', { jobs: 10, gva_per_job: 90 }, civic, clock);
  // the limits as served, but a bucket big enough for this file's requests from one address
  const costly = { ...COSTLY_LIMITS, perMinute: 6000, burst: 1000 };
  app = createApp({ workbench: wb, webDir: null, civic, costly });
});
after(async () => {
  await civic.close();
  wb.close();
});

const post = (url: string, body: unknown) =>
  app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const small = { ...SCENARIO_EXAMPLE, appraisal: { draws: 50, seed: 3 } };

describe('/api/v1/scenarios', () => {
  it('lists the example scenarios with their files, and as CSV', async () => {
    const r = ScenarioExamples.parse(await (await app.request('/api/v1/scenarios/examples')).json());
    assert.ok(r.examples.length >= 4);
    assert.ok(r.examples.some((e) => e.id === 'hartlepool-adult-social-care' && e.file['example'] === true));
    const csv = await (await app.request('/api/v1/scenarios/examples?format=csv')).text();
    assert.equal(csv.split('\n')[0], 'id,title,description,interventions');
  });

  it('POST run answers the workbench’s own figures, to its schema, and CSV in the lab’s columns', async () => {
    const res = await post('/api/v1/scenarios/run', small);
    assert.equal(res.status, 200, await res.clone().text());
    const r = ScenarioReport.parse(await res.json());
    const own = await wb.scenario(fromValue(small, 'x'), { draws: 50, seed: 3 });
    assert.deepEqual(r.rows, own.rows);
    const total = r.rows.find(
      (x) => x.intervention === 'all' && x.areacd === 'K02000001' && x.goal === 'jobs',
    )!;
    assert.ok(total.p05! < total.value! && total.value! < total.p95!);
    const csv = await (await post('/api/v1/scenarios/run?format=csv', small)).text();
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'scenario,intervention,areacd,goal,value,p05,p95');
    assert.equal(lines.length - 1, r.rows.length);
  });

  it('POST frontier: weights agreed in a closed consultation choose the portfolio they say', async () => {
    const choose = async (weightsFrom: string) => {
      const res = await post('/api/v1/scenarios/frontier', { scenario: small, budget: 3e7, weightsFrom });
      assert.equal(res.status, 200, await res.clone().text());
      return FrontierReport.parse(await res.json());
    };
    assert.deepEqual((await choose('for-jobs')).portfolio!.chosen, ['care']);
    assert.deepEqual((await choose('for-productivity')).portfolio!.chosen, ['productivity']);
    const body = await post('/api/v1/scenarios/frontier', {
      scenario: small,
      budget: 3e7,
      weights: { jobs: 0.9, gva_per_job: 0.1 },
    });
    assert.deepEqual(FrontierReport.parse(await body.json()).portfolio!.chosen, ['care']);
    const csv = await (await post('/api/v1/scenarios/frontier?format=csv', { scenario: small })).text();
    assert.match(csv.split('\n')[0]!, /^candidate,kind,jobs,jobs_p05,jobs_p95,gva_per_job,/);
  });

  it('POST compare: a vertical scenario beside its horizontal twin, the same money', async () => {
    const one = { ...small, interventions: [small.interventions[0]] };
    const res = await post('/api/v1/scenarios/compare', { a: one });
    assert.equal(res.status, 200, await res.clone().text());
    const r = CompareReport.parse(await res.json());
    assert.equal(r.mode, 'vertical-horizontal');
    const cost = r.rows.find((x) => x.goal === 'pv_cost')!;
    assert.ok(Math.abs(cost.a! - cost.b!) <= 1e-6 * cost.a!, 'the same money');
    const jobs = r.rows.find((x) => x.goal === 'jobs')!;
    assert.ok(jobs.a! > jobs.b!, 'care work is more job-rich than the economy at large');
  });

  const refused: [string, string, unknown, RegExp][] = [
    [
      'too many draws',
      '/api/v1/scenarios/run',
      { ...small, appraisal: { draws: 50000 } },
      /appraisal\.draws: 50000/,
    ],
    ['too many draws in the query', '/api/v1/scenarios/run?draws=9000', small, /draws/],
    [
      'too many area codes',
      '/api/v1/scenarios/run',
      {
        ...small,
        interventions: [
          { ...small.interventions[0], area: 'all' },
          { ...small.interventions[1], area: 'all' },
        ],
      },
      /interventions: 722 area codes/,
    ],
    [
      'a floors file on disk',
      '/api/v1/scenarios/run',
      { ...small, appraisal: { floors: '/etc/passwd' } },
      /appraisal\.floors/,
    ],
    [
      'a mission file on disk',
      '/api/v1/scenarios/run',
      { ...small, missions: ['/etc/passwd'] },
      /missions\.0/,
    ],
    [
      'an unknown area',
      '/api/v1/scenarios/run',
      { ...small, interventions: [{ ...small.interventions[0], area: 'E06999999' }] },
      /interventions\.0\.area: unknown area: E06999999/,
    ],
    [
      'a negative cost',
      '/api/v1/scenarios/run',
      { ...small, interventions: [{ ...small.interventions[0], cost: { perYear: -1 } }] },
      /interventions\.0\.cost\.perYear/,
    ],
    ['an unknown body field', '/api/v1/scenarios/frontier', { scenario: small, budgett: 1 }, /budgett/],
    [
      'a weighting that is not closed',
      '/api/v1/scenarios/frontier',
      { scenario: small, weightsFrom: 'nope' },
      /nope/,
    ],
  ];
  for (const [what, url, body, message] of refused)
    it(`refuses ${what}, naming the field`, async () => {
      const res = await post(url, body);
      assert.ok(res.status >= 400 && res.status < 500, `${res.status}`);
      assert.match(JSON.stringify(await res.json()), message);
    });

  it('puts every scenario POST on the costly-route list', () => {
    for (const r of ['run', 'frontier', 'compare'])
      assert.ok(COSTLY_ROUTES.includes(`POST /api/v1/scenarios/${r}`));
  });
});
