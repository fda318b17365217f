// The Finance page in Chromium against the real server and the data pack: it runs an example
// policy, its fan chart's table holds the API's percentiles for the same policy and paths, its
// risk table the API's probabilities with their intervals, the map draws every local authority,
// the builder reruns with a changed parameter, and nothing is logged as an error. Screenshots go
// to test-output/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { FinanceExamples, FinanceReport } from '../../src/contract/finance.ts';
import { fanRows, MAP_MEASURES, valueText } from '../../src/web/lib/finance-view.ts';
import { launch, screenshot, serveApp, tableRows, watchedPage } from './helpers.ts';

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

async function apiRun(policy: unknown, paths: number): Promise<FinanceReport> {
  const q = `paths=${paths}&level=lad&measure=${MAP_MEASURES.join(',')}`;
  const res = await fetch(`${server.url}api/v1/finance/run?${q}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(policy),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as FinanceReport;
}

describe('Finance page in Chromium', () => {
  it('a fan chart’s numbers are the API’s; the map draws every district; the builder reruns', async () => {
    const examples = (await (await fetch(`${server.url}api/v1/finance/examples`)).json()) as FinanceExamples;
    const policy = examples.examples.find((e) => e.id === 'local-sliver')!.policy;
    const { page, problems } = await watchedPage(browser.context);
    try {
      await page.goto(`${server.url}finance?example=local-sliver`);
      // the run takes seconds on an idle machine, longer on a shared one
      await page.getByTestId('fan-pot_median_saver-table').waitFor({ state: 'attached', timeout: 240_000 });
      const rows = await tableRows(page, 'fan-pot_median_saver-table');
      const api = await apiRun(policy, 2000);
      const fan = fanRows(api, 'local-5pc', 'pot_median_saver');
      assert.equal(rows.length, fan.length);
      assert.ok(fan.length >= 8);
      rows.forEach((cells, i) => {
        const x = fan[i]!;
        assert.equal(cells[0], String(x.year));
        assert.deepEqual(
          cells.slice(1),
          [x.p05, x.p10, x.p25, x.p50, x.p75, x.p90, x.p95, x.mean].map((v) => valueText(v, x.unit)),
          `year ${x.year}`,
        );
      });
      // the risk of the reform leaving a saver worse off, with its interval, as the API gives it
      const risk = fanRows(api, 'local-5pc', 'pot_below_baseline');
      assert.ok(risk.length >= 8);
      assert.deepEqual(
        await tableRows(page, 'risk-pot_below_baseline-table'),
        risk.map((x) => [String(x.year), ...[x.p50, x.p05, x.p95].map((v) => valueText(v, 'probability'))]),
      );
      await page.waitForSelector('svg.map path.area');
      assert.equal(await page.locator('svg.map path.area').count(), 361);
      assert.equal((await tableRows(page, 'finance-capital-table')).length, 361);
      await screenshot(page, 'finance');

      // the builder: a larger share mobilises more capital, and the page says so
      const before = (await tableRows(page, 'finance-capital-table'))[0]![3]!;
      await page.locator('#p-policies-0-share').fill('0.1');
      await page.locator('#p-policies-0-share').dispatchEvent('change');
      await page.getByRole('button', { name: 'Run' }).click();
      await page.getByRole('button', { name: 'Run' }).waitFor();
      for (let i = 0; i < 480 && (await tableRows(page, 'finance-capital-table'))[0]![3] === before; i++)
        await page.waitForTimeout(500);
      const changed = structuredClone(policy) as { policies: { share: number }[] };
      changed.policies[0]!.share = 0.1;
      const api2 = await apiRun(changed, 2000);
      const top = (await tableRows(page, 'finance-capital-table'))[0]!;
      const year = api2.years.at(-1)!;
      const row = api2.rows.find(
        (x) =>
          x.areacd === top[1] &&
          x.policy === 'local-5pc' &&
          x.measure === 'capital_mobilised' &&
          x.year === year,
      )!;
      assert.equal(top[3], valueText(row.p50, row.unit));
      await screenshot(page, 'finance-builder');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});
