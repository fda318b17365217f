// The Scenario lab page in Chromium against the real server and the data pack: a scenario built in
// the page's form (a care contract and a productivity programme in Hartlepool) runs, and the page
// shows the API's own figures for it — the total per goal, the frontier with the portfolio, the
// vertical–horizontal comparison and where the effects land. Screenshots go to test-output/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { assertNear, launch, numberIn, screenshot, serveApp, tableRows, watchedPage } from './helpers.ts';

let server: { url: string; close: () => Promise<void> };
let browser: { context: BrowserContext; close: () => Promise<void> };

before(async () => {
  server = await serveApp();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('Scenario lab page', () => {
  it('builds a scenario in the page and shows the API’s numbers for it', async () => {
    const { page, problems } = await watchedPage(browser.context);
    try {
      page.setDefaultTimeout(120_000);
      await page.goto(server.url + 'scenarios');
      await page.getByRole('heading', { name: 'Scenario lab', level: 1 }).waitFor();
      const form = page.getByRole('form', { name: 'Add an intervention' });
      await form.getByLabel('Intervention id').fill('care');
      await form.getByLabel('Area (local authority code)').fill('E06000001');
      await form.getByLabel(/^Industry/).fill('Q87');
      await form.getByLabel('£ a year').fill('10000000');
      await form.getByLabel('Years').fill('3');
      await form.getByRole('button', { name: 'Add intervention' }).click();
      await form.getByLabel('Intervention id').fill('factory');
      await form.getByLabel('Kind').selectOption('productivity');
      await form.getByLabel(/^Industry/).fill('C29');
      await form.getByLabel(/^Rise in GVA per job/).fill('0.2');
      await form.getByRole('button', { name: 'Add intervention' }).click();
      assert.equal(await page.getByTestId('drafts').locator('li').count(), 2);
      const run = page.getByRole('form', { name: 'Run the scenario' });
      await run.getByLabel('Draws').fill('100');
      await run.getByRole('button', { name: 'Run the scenario' }).click();

      const rows = await tableRows(page, 'scn-outcome-table');
      const posted = JSON.parse(await page.getByTestId('scenario-text').inputValue()) as Record<
        string,
        unknown
      >;
      const body = {
        ...posted,
        model: { ...(posted['model'] as object), interregional: false },
        appraisal: { ...(posted['appraisal'] as object), draws: 100 },
      };
      const res = await fetch(server.url + 'api/v1/scenarios/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 200);
      const api = (await res.json()) as {
        rows: {
          intervention: string;
          areacd: string;
          goal: string;
          value: number;
          p05: number;
          p95: number;
        }[];
      };
      const total = (goal: string) =>
        api.rows.find((x) => x.intervention === 'all' && x.areacd === 'K02000001' && x.goal === goal)!;
      for (const goal of ['jobs', 'gva', 'compensation']) {
        const row = rows.find((r) => r[0] === goal)!;
        assert.ok(row, `${goal} row`);
        assertNear(numberIn(row[2]!), total(goal).value, 0.01, `${goal} value`);
        assertNear(numberIn(row[3]!), total(goal).p05, 0.01, `${goal} p05`);
        assertNear(numberIn(row[4]!), total(goal).p95, 0.01, `${goal} p95`);
      }

      const candidates = await tableRows(page, 'scn-frontier-table');
      assert.deepEqual(candidates.map((r) => r[0]).sort(), ['care', 'factory']);
      assert.ok(
        candidates.some((r) => r.at(-1) === 'yes'),
        'a portfolio is chosen within the budget',
      );
      const compare = await tableRows(page, 'scn-compare-table');
      assert.ok(compare.some((r) => r[0] === 'jobs'));
      // each area on its own: the effects stay in Hartlepool, listed rather than mapped
      await page.getByTestId('no-map').waitFor();
      const spread = await tableRows(page, 'scn-areas-table');
      assert.deepEqual(
        spread.map((r) => r[0]),
        ['E06000001'],
      );
      assertNear(numberIn(spread[0]![2]!), total('jobs').value, 0.01, 'jobs in Hartlepool');
      await page.waitForSelector('[data-figure=scn-frontier] svg');
      await screenshot(page, 'scenarios');
      for (const f of ['scn-outcome', 'scn-frontier', 'scn-compare'])
        await page.locator(`[data-figure=${f}] > figure`).screenshot({ path: `test-output/${f}.png` });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('with the interregional model ticked, maps where the effects spill and shows the API’s numbers', async () => {
    const { page, problems } = await watchedPage(browser.context);
    try {
      page.setDefaultTimeout(90_000);
      await page.goto(server.url + 'scenarios');
      const form = page.getByRole('form', { name: 'Add an intervention' });
      await form.getByLabel('Intervention id').fill('care');
      await form.getByLabel('Area (local authority code)').fill('E06000001');
      await form.getByLabel(/^Industry/).fill('Q87');
      await form.getByLabel('£ a year').fill('10000000');
      await form.getByLabel('Years').fill('3');
      await form.getByRole('button', { name: 'Add intervention' }).click();
      const run = page.getByRole('form', { name: 'Run the scenario' });
      await run.getByLabel('Draws').fill('50');
      await run.getByLabel(/Spillovers to every area/).check();
      await run.getByRole('button', { name: 'Run the scenario' }).click();
      await page.getByText('Interregional model: effects spill').waitFor();
      const map = page.locator('svg.map');
      await map.waitFor();

      const posted = JSON.parse(await page.getByTestId('scenario-text').inputValue()) as Record<
        string,
        unknown
      >;
      const body = {
        ...posted,
        model: { ...(posted['model'] as object), interregional: true },
        appraisal: { ...(posted['appraisal'] as object), draws: 50 },
      };
      const res = await fetch(server.url + 'api/v1/scenarios/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 200);
      const api = (await res.json()) as {
        rows: {
          intervention: string;
          areacd: string;
          goal: string;
          value: number;
          p05: number;
          p95: number;
        }[];
      };
      const jobs = api.rows.filter(
        (x) => x.intervention === 'all' && x.goal === 'jobs' && x.areacd !== 'K02000001',
      );
      // the effects reach every local authority, most of them in Hartlepool
      assert.ok(jobs.length > 300, `${jobs.length} areas`);
      const byArea = new Map(jobs.map((x) => [x.areacd, x]));
      const top = [...jobs].sort((a, b) => b.value - a.value);
      assert.equal(top[0]!.areacd, 'E06000001');
      assert.ok(top[1]!.value > 0 && top[1]!.value < top[0]!.value);

      // the table under the map: every area, each number the API's
      const spread = await tableRows(page, 'scn-areas-table');
      assert.equal(spread.length, jobs.length);
      for (const row of spread) {
        const want = byArea.get(row[0]!)!;
        assert.ok(want, `${row[0]} in the API's answer`);
        assertNear(numberIn(row[2]!), want.value, 0.01, `${row[0]} jobs`);
        assertNear(numberIn(row[3]!), want.p05, 0.01, `${row[0]} p05`);
        assertNear(numberIn(row[4]!), want.p95, 0.01, `${row[0]} p95`);
      }
      // the map: every area drawn and filled, and the largest effects read the API's numbers
      assert.ok(Number(await map.getAttribute('data-areas')) >= jobs.length);
      for (const x of top.slice(0, 5)) {
        const area = map.locator(`a:has(path[data-code=${x.areacd}])`);
        const label = (await area.getAttribute('aria-label'))!;
        assertNear(numberIn(label.slice(label.indexOf(': ') + 2)), x.value, 0.01, `${x.areacd} on the map`);
        assert.ok(label.includes(`ranked ${top.indexOf(x) + 1} of ${jobs.length}`), label);
      }
      const fills = await map
        .locator('path[data-code]')
        .evaluateAll((ps) => new Set(ps.map((p) => p.getAttribute('fill'))).size);
      assert.ok(fills >= 4, `${fills} fills`);
      await page.locator('[data-figure=scn-areas]').scrollIntoViewIfNeeded();
      await screenshot(page, 'scenarios-spillovers');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
