// What the API answers for a few representative routes, to the character (JSON pretty-printed,
// CSV as sent), and the OpenAPI document. A change shows as a diff of test/golden/api/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SCENARIO_EXAMPLE } from '../../src/api/analytics/scenario-example.ts';
import type { Workbench } from '../../src/workbench.ts';
import { appOver } from '../helpers/api.ts';
import { assertGolden } from '../helpers/golden.ts';
import { financeExamples } from '../../src/workbench/finance.ts';
import { packWorkbench } from '../helpers/pack.ts';

let wb: Workbench;
let app: ReturnType<typeof appOver>;
before(async () => {
  wb = await packWorkbench();
  app = appOver(wb);
});
after(() => wb.close());

const ROUTES: Record<string, string> = {
  'layers-itl1.json': '/api/v1/layers?level=itl1&year=2022',
  'area-hartlepool.json': '/api/v1/areas/E06000001',
  'areas-search.csv': '/api/v1/areas?q=hartle&format=csv',
  'registry-pay-rgn.json': '/api/v1/registry/gross-median-weekly-pay?level=rgn',
  'compare-hartlepool.csv': '/api/v1/compare/E06000001?format=csv',
  'entitlements-hartlepool.json': '/api/v1/entitlements?area=E06000001',
  'gender-sizes.csv': '/api/v1/gender?view=sizes&format=csv',
  'io-layers-tlc11.json': '/api/v1/io/layers?area=TLC11',
  'taxonomy.json': '/api/v1/taxonomies/foundational-economy-v1',
  'franchise-leeds-summary.csv': '/api/v1/franchise/summary?body=leeds&format=csv',
  'openapi.json': '/api/v1/openapi.json',
};

describe('API answers against golden files', () => {
  for (const [name, url] of Object.entries(ROUTES)) {
    it(`GET ${url}`, async () => {
      const res = await app.request(url);
      assert.equal(res.status, 200, await res.clone().text());
      const text = await res.text();
      assertGolden(
        `api/${name}`,
        name.endsWith('.json') ? JSON.stringify(JSON.parse(text), null, 2) + '\n' : text,
      );
    });
  }
  it('POST /api/v1/io/shock', async () => {
    const res = await app.request('/api/v1/io/shock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ area: 'TLC11', industry: 'Q87 & Q88', amount: 10_000_000 }),
    });
    assert.equal(res.status, 200);
    assertGolden('api/io-shock-tlc11.json', JSON.stringify(await res.json(), null, 2) + '\n');
  });
  it('POST /api/v1/scenarios/run?format=csv', async () => {
    const res = await app.request('/api/v1/scenarios/run?format=csv&draws=50', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SCENARIO_EXAMPLE),
    });
    assert.equal(res.status, 200, await res.clone().text());
    assertGolden('api/scenario-run-hartlepool.csv', await res.text());
  });

  it('POST /api/v1/finance/run (an example at 1,000 paths, Hartlepool and the UK, CSV)', async () => {
    const policy = financeExamples().examples.find((e) => e.id === 'public-capital')!.policy;
    const res = await app.request('/api/v1/finance/run?paths=1000&area=E06000001&format=csv', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(policy),
    });
    assert.equal(res.status, 200, await res.clone().text());
    assertGolden('api/finance-public-capital-hartlepool.csv', await res.text());
  });
});
