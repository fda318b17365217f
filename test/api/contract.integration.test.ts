// Every analytics route on the real pack, its body validated against the response schema its
// route declares (contract/): a field the server adds, drops or retypes fails here, and a route
// added without a case here fails the coverage check. Table routes also answer CSV.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { z } from 'zod';
import type { Workbench } from '../../src/workbench.ts';
import { SCENARIO_EXAMPLE } from '../../src/api/analytics/scenario-example.ts';
import { createApp } from '../../src/api/app.ts';
import type { appOver } from '../helpers/api.ts';
import { financeExamples } from '../../src/workbench/finance.ts';
import { packWorkbench } from '../helpers/pack.ts';
import { registersService } from '../helpers/registers.ts';
import { readDataFile } from '../../src/workbench/data-file.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
let closeRegisters: () => Promise<void>;
const SCENARIO = { ...SCENARIO_EXAMPLE, appraisal: { draws: 50, seed: 1 } };
before(async () => {
  wb = await packWorkbench();
  const registers = await registersService(wb);
  closeRegisters = registers.close;
  // one frozen plan for the plans routes (S-2026-001)
  await wb.freezePlan(registers.civic.registers, {
    kind: 'scenario',
    file: readDataFile('data/scenarios/examples/hartlepool-adult-social-care.yaml'),
    year: 2030,
    frozenOn: '2026-06-01',
    who: 'Analyst',
  });
  // every costly route is called here from one address: a bucket for all of them
  app = createApp({
    workbench: wb,
    webDir: null,
    civic: registers.civic,
    costly: { concurrency: 2, waiting: 64, perMinute: 600, burst: 100 },
  });
});
after(async () => {
  await closeRegisters?.();
  wb?.close();
});

const SHOCK = { area: 'TLC11', industry: 'Q87 & Q88', amount: 10_000_000 };
const COMPOSITE = {
  id: 'two-indicators',
  indicators: [
    { id: 'gross-median-weekly-pay', direction: 1 },
    { id: 'greenhouse-gas-emissions', direction: -1 },
  ],
  imputation: { method: 'mean' },
  uncertainty: { runs: 200 },
};
const MISSION = {
  id: 'net-zero',
  title: 'Net zero',
  goal: 'Emissions on a straight line to zero',
  indicators: [
    {
      id: 'greenhouse-gas-emissions',
      unit: 'Tonnes of CO2 equivalent',
      baseline: { year: 2005 },
      target: { year: 2050, value: 0 },
    },
  ],
};

const CONDITIONS = {
  id: 'local-only',
  version: 1,
  title: 'Local supply only',
  conditions: [
    {
      id: 'local-supply',
      name: 'Registered office in the area',
      rule: 'registered-office-local',
      evidence: 'registered-office postcode in the gender pay gap return',
      params: { area: 'local' },
    },
  ],
};

/** Requests that reach every analytics route, keyed by `METHOD /path` as the OpenAPI document names it. */
const CASES: Record<string, { url: string; body?: () => unknown }[]> = {
  'GET /api/v1/areas': [{ url: '/api/v1/areas?level=itl3' }, { url: '/api/v1/areas?q=hartle&year=2023' }],
  'GET /api/v1/areas/{code}': [
    { url: '/api/v1/areas/E06000001' },
    { url: '/api/v1/areas/TLC11' },
    { url: '/api/v1/areas/K02000001' },
  ],
  'GET /api/v1/areas/group': [
    { url: '/api/v1/areas/group?areas=E06000001,E06000004&name=Two' },
    { url: '/api/v1/areas/group?areas=E47000006,E06000047&name=Tees%20and%20Durham' },
    { url: '/api/v1/areas/group?areas=TLC11,TLC12&name=ITL3%20pair' },
  ],
  'POST /api/v1/areas/group': [
    { url: '/api/v1/areas/group', body: () => ({ name: 'Two', areas: ['E06000001', 'E06000004'] }) },
  ],
  'GET /api/v1/layers': [{ url: '/api/v1/layers?level=itl1' }, { url: '/api/v1/layers?level=lad&year=all' }],
  'GET /api/v1/indicators': [{ url: '/api/v1/indicators' }],
  'GET /api/v1/indicators/{id}': [
    { url: '/api/v1/indicators/gross-median-weekly-pay?level=lad' },
    { url: '/api/v1/indicators/gross-disposable-household-income-per-head?level=itl3' },
  ],
  'GET /api/v1/datasets': [{ url: '/api/v1/datasets' }],
  'GET /api/v1/boundaries/{level}': [{ url: '/api/v1/boundaries/lad' }, { url: '/api/v1/boundaries/itl3' }],
  'GET /api/v1/io/multipliers': [
    { url: '/api/v1/io/multipliers' },
    { url: '/api/v1/io/multipliers?area=TLC11&type=1' },
  ],
  'GET /api/v1/io/layers': [{ url: '/api/v1/io/layers?area=E06000001' }],
  'GET /api/v1/io/extract': [{ url: '/api/v1/io/extract?layer=foundational-material&area=TLC11' }],
  'POST /api/v1/io/shock': [
    { url: '/api/v1/io/shock', body: () => SHOCK },
    { url: '/api/v1/io/shock', body: () => ({ ...SHOCK, interregional: true }) },
  ],
  'GET /api/v1/taxonomies': [{ url: '/api/v1/taxonomies' }],
  'GET /api/v1/taxonomies/{id}': [{ url: '/api/v1/taxonomies/foundational-economy-v1' }],
  'GET /api/v1/registry': [{ url: '/api/v1/registry' }],
  'GET /api/v1/registry/{id}': [
    { url: '/api/v1/registry/gross-median-weekly-pay' },
    { url: '/api/v1/registry/foundational-share-gva?level=itl3' },
  ],
  'GET /api/v1/registry/{id}/series': [
    { url: '/api/v1/registry/gross-median-weekly-pay/series?area=E06000001' },
    { url: '/api/v1/registry/foundational-share-gva/series?area=TLC11' },
  ],
  'GET /api/v1/compare/{code}': [
    { url: '/api/v1/compare/E06000001?with=E06000002,E06000003&nearest=5&profile=gva-per-head' },
  ],
  'POST /api/v1/composite': [{ url: '/api/v1/composite', body: () => COMPOSITE }],
  'GET /api/v1/composite/example': [{ url: '/api/v1/composite/example' }],
  'GET /api/v1/missions': [{ url: '/api/v1/missions' }],
  'GET /api/v1/missions/{id}': [{ url: '/api/v1/missions/decarbonisation?area=E06000001' }],
  'POST /api/v1/missions/status': [{ url: '/api/v1/missions/status', body: () => MISSION }],
  'GET /api/v1/entitlements': [{ url: '/api/v1/entitlements' }],
  'GET /api/v1/entitlements/floors': [{ url: '/api/v1/entitlements/floors' }],
  'POST /api/v1/entitlements': [{ url: '/api/v1/entitlements?area=E06000001', body: () => wb.floors() }],
  'GET /api/v1/franchise/bodies': [{ url: '/api/v1/franchise/bodies' }],
  'GET /api/v1/franchise/summary': [
    { url: '/api/v1/franchise/summary?body=leeds' },
    { url: '/api/v1/franchise/summary?body=manchester&period=2021-06&view=local' },
  ],
  'GET /api/v1/franchise/suppliers': [
    { url: '/api/v1/franchise/suppliers?body=leeds' },
    { url: '/api/v1/franchise/suppliers?body=manchester&sort=total&order=desc&gap=reported&limit=20' },
  ],
  'POST /api/v1/franchise/suppliers': [
    {
      url: '/api/v1/franchise/suppliers?body=leeds&condition=local-supply&status=fails&limit=20',
      body: () => CONDITIONS,
    },
  ],
  'GET /api/v1/franchise/conditions': [{ url: '/api/v1/franchise/conditions?body=leeds&view=verdicts' }],
  'GET /api/v1/franchise/conditions/default': [{ url: '/api/v1/franchise/conditions/default' }],
  'POST /api/v1/franchise/conditions': [
    { url: '/api/v1/franchise/conditions?body=leeds', body: () => CONDITIONS },
  ],
  'GET /api/v1/franchise/register': [
    { url: '/api/v1/franchise/register' },
    { url: '/api/v1/franchise/register?view=history' },
  ],
  'POST /api/v1/franchise/tender': [
    {
      url: '/api/v1/franchise/tender',
      body: () => ({
        criteria: [
          { id: 'price', name: 'Price', weight: 0.5, kind: 'price' },
          { id: 'quality', name: 'Quality', weight: 0.35, kind: 'quality' },
          { id: 'social-value', name: 'Social value', weight: 0.15, kind: 'social-value' },
        ],
        bids: [
          { bidder: 'A', price: 900000, marks: { quality: 70, 'social-value': 40 } },
          { bidder: 'B', price: 1000000, marks: { quality: 80, 'social-value': 90 } },
        ],
        priceMethod: 'linear',
      }),
    },
  ],
  'GET /api/v1/franchise/whatif': [
    { url: '/api/v1/franchise/whatif?body=leeds&category=*&share=0.2' },
    { url: '/api/v1/franchise/whatif?body=leeds&category=*&share=0.2&target=gender-pay-gap' },
  ],
  'GET /api/v1/gender': [{ url: '/api/v1/gender' }, { url: '/api/v1/gender?area=E06000001&statistic=mean' }],
  'GET /api/v1/scenarios/examples': [{ url: '/api/v1/scenarios/examples' }],
  'POST /api/v1/scenarios/run': [{ url: '/api/v1/scenarios/run?draws=50', body: () => SCENARIO }],
  'POST /api/v1/scenarios/frontier': [
    {
      url: '/api/v1/scenarios/frontier',
      body: () => ({ scenario: SCENARIO, budget: 3e7, weights: { jobs: 0.5, gva_per_job: 0.5 } }),
    },
  ],
  'POST /api/v1/scenarios/compare': [
    {
      url: '/api/v1/scenarios/compare',
      body: () => ({ a: { ...SCENARIO, interventions: [SCENARIO.interventions[0]] } }),
    },
  ],
  'GET /api/v1/finance/examples': [{ url: '/api/v1/finance/examples' }],
  'POST /api/v1/finance/run': [
    { url: '/api/v1/finance/run?paths=300', body: () => example('collective-dc') },
    { url: '/api/v1/finance/run?paths=300&area=E06000001', body: () => example('public-capital') },
  ],
  'GET /api/v1/commitments': [
    { url: '/api/v1/commitments' },
    { url: '/api/v1/commitments?area=E08000003&dueBy=2027-01-01' },
  ],
  'GET /api/v1/commitments/{id}': [{ url: '/api/v1/commitments/UK-2024-001' }],
  'GET /api/v1/projections': [{ url: '/api/v1/projections' }],
  'GET /api/v1/projections/{id}': [{ url: '/api/v1/projections/P-2023-001' }],
  'GET /api/v1/plans': [{ url: '/api/v1/plans' }, { url: '/api/v1/plans?area=E06000001' }],
  'GET /api/v1/plans/{id}': [{ url: '/api/v1/plans/S-2026-001' }],
  'GET /api/v1/reports/{area}/input': [
    { url: '/api/v1/reports/E08000003/input?asOf=2026-01-01' },
    { url: '/api/v1/reports/uk/input?asOf=2026-01-01' },
  ],
};

/** A shipped example policy as JSON, as the policy builder posts it. */
function example(id: string): unknown {
  return financeExamples().examples.find((e) => e.id === id)!.policy;
}

interface RouteDefinition {
  type: string;
  route?: {
    method: string;
    path: string;
    responses: Record<string, { content?: Record<string, { schema: z.ZodType }> }>;
  };
}

/** Every documented route's 200 schemas by `METHOD /path`, from the app's own OpenAPI registry. */
function documented(): Map<string, { json: z.ZodType; csv: boolean }> {
  const defs = (app.openAPIRegistry as unknown as { definitions: RouteDefinition[] }).definitions;
  const out = new Map<string, { json: z.ZodType; csv: boolean }>();
  for (const d of defs) {
    if (d.type !== 'route' || !d.route) continue;
    const content = d.route.responses['200']?.content ?? {};
    const json = content['application/json']?.schema;
    if (json)
      out.set(`${d.route.method.toUpperCase()} ${d.route.path}`, { json, csv: 'text/csv' in content });
  }
  return out;
}

const request = async (c: { url: string; body?: () => unknown }, format?: 'csv') => {
  const url = format ? c.url + (c.url.includes('?') ? '&' : '?') + 'format=csv' : c.url;
  return c.body
    ? app.request(url, {
        method: 'POST',
        body: JSON.stringify(await c.body()),
        headers: { 'content-type': 'application/json' },
      })
    : app.request(url);
};

describe('every analytics route answers in its contract', () => {
  it('has a case for every documented analytics route (civic routes are the civic module’s)', () => {
    const routes = [...documented().keys()].filter((k) => !k.includes('/api/v1/civic/'));
    assert.deepEqual(routes.filter((k) => !(k in CASES)).sort(), []);
    assert.deepEqual(
      Object.keys(CASES)
        .filter((k) => !routes.includes(k))
        .sort(),
      [],
    );
  });

  for (const [key, cases] of Object.entries(CASES)) {
    for (const c of cases) {
      it(`${key.split(' ')[0]} ${c.url}`, async () => {
        const schema = documented().get(key)!;
        const res = await request(c);
        assert.equal(res.status, 200, await res.clone().text());
        const result = schema.json.safeParse(await res.json());
        assert.ok(
          result.success,
          JSON.stringify(
            result.error?.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })),
          ),
        );
        if (schema.csv) {
          const csv = await request(c, 'csv');
          assert.equal(csv.status, 200, key);
          assert.match(csv.headers.get('content-type')!, /^text\/csv/);
          const text = await csv.text();
          assert.ok(!text.includes('[object Object]'), key);
          assert.ok(text.split('\n')[0]!.length > 0, key);
        }
      });
    }
  }
});
