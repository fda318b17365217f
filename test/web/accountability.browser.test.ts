// The Commitments and Reports pages in Chromium against the real server, the data pack and the
// example register: the register's rows, statuses and rules on the page are the API's; a
// commitment's history is the API's; the report page's layer GVA and forecast-against-outturn
// figures are the report input's, and the HTML report the page links to prints the same
// numbers as the API. Screenshots go to test-output/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type {
  CommitmentHistory,
  CommitmentList,
  ProjectionDetail,
} from '../../src/contract/accountability.ts';
import type { PlanDetail, PlanList } from '../../src/contract/plans.ts';
import type { ReportInput } from '../../src/contract/reports.ts';
import { Registers } from '../../src/civic/service.ts';
import { readDataFile } from '../../src/workbench/data-file.ts';
import { millions, pct } from '../../src/web/lib/format.ts';
import { fillRegisters, REGISTER_AS_OF } from '../helpers/registers.ts';
import { launch, screenshot, serveApp, tableRows, visitPage } from './helpers.ts';

let server: { url: string; close: () => Promise<void> };
let browser: { context: BrowserContext; close: () => Promise<void> };

before(async () => {
  server = await serveApp(async (wb, url) => {
    await fillRegisters(wb, url);
    // a scenario's expected outcome frozen as a plan, for the report's plans section
    const regs = await Registers.open(url);
    try {
      await wb.freezePlan(regs, {
        kind: 'scenario',
        file: readDataFile('data/scenarios/examples/hartlepool-adult-social-care.yaml'),
        year: 2023,
        frozenOn: '2025-12-01',
        who: 'Analyst',
      });
    } finally {
      await regs.close();
    }
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const api = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server.url}api/v1/${path}`);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as T;
};

describe('Commitments page in Chromium', () => {
  it('shows the API’s register with the rule beside each status, filtered, and a history', async () => {
    const all = await api<CommitmentList>('commitments');
    await visitPage(browser.context, `${server.url}commitments`, 'commitments', async (page) => {
      await page.getByTestId('commitments-table').waitFor();
      const rows = await page.getByTestId('commitments-table').locator('tbody tr').all();
      assert.equal(rows.length, all.commitments.length);
      for (const [i, c] of all.commitments.entries()) {
        const row = rows[i]!;
        assert.equal((await row.locator('th').innerText()).trim(), c.id);
        assert.equal(await row.locator('[data-status]').getAttribute('data-status'), c.status);
        assert.equal(await row.locator('[data-rule]').innerText(), c.rule);
      }
      assert.match(await page.getByTestId('example-note').innerText(), /EXAMPLE/);
    });

    const man = await api<CommitmentList>('commitments?area=E08000003');
    const history = await api<CommitmentHistory>(`commitments/${man.commitments[0]!.id}`);
    await visitPage(
      browser.context,
      `${server.url}commitments?area=E08000003&id=${man.commitments[0]!.id}`,
      'commitments-history',
      async (page) => {
        await page.getByTestId('history-table').waitFor();
        const ids = await page.getByTestId('commitments-table').locator('tbody th').allInnerTexts();
        assert.deepEqual(
          ids.map((x) => x.trim()),
          man.commitments.map((c) => c.id),
        );
        const rows = await tableRows(page, 'history-table');
        assert.deepEqual(
          rows.map((r) => r.slice(0, 4)),
          history.history.map((e) => [String(e.seq), e.date, e.status, e.rule]),
        );
      },
    );
  });
});

describe('Reports page in Chromium', () => {
  it('lists the plans on record, and an area’s plans against outturn as the API gives them', async () => {
    const list = await api<PlanList>('plans');
    assert.deepEqual(
      list.plans.map((p) => p.id),
      ['S-2025-001'],
    );
    const detail = await api<PlanDetail>('plans/S-2025-001');
    await visitPage(
      browser.context,
      `${server.url}reports?area=E06000001&asOf=${REGISTER_AS_OF}`,
      'reports-plans',
      async (page) => {
        await page.getByTestId('report').waitFor({ timeout: 120_000 });
        assert.match(await page.getByTestId('plans-on-record').innerText(), /S-2025-001: EXAMPLE/);
        const rows = await tableRows(page, 'report-plans-table');
        const mine = detail.outturns.filter((o) => o.areacd === 'E06000001');
        assert.ok(mine.length >= 2);
        assert.deepEqual(
          rows.map((r) => [r[0], r[3], r[4], r[5], r[6], r[7], r[8], r[9]]),
          mine.map((o) => [
            'S-2025-001',
            `${o.measure} → ${o.indicator}`,
            String(o.year),
            o.expected.toFixed(2),
            o.outturn!.toFixed(2),
            o.error!.revision.value.toFixed(2),
            o.error!.policy.value.toFixed(2),
            o.error!.rest.value.toFixed(2),
          ]),
        );
      },
    );
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.url}api/v1/reports/E06000001?asOf=${REGISTER_AS_OF}`);
      const cells = await page
        .locator('#plans table')
        .nth(1)
        .locator('tbody tr')
        .first()
        .locator('td')
        .allInnerTexts();
      const o = detail.outturns.find((x) => x.areacd === 'E06000001')!;
      assert.deepEqual(cells.slice(3, 6), [String(o.year), o.expected.toFixed(2), o.outturn!.toFixed(2)]);
      await page.locator('#plans').screenshot({ path: 'test-output/report-html-plans.png' });
    } finally {
      await page.close();
    }
  });

  it('shows the report input’s figures, and the HTML report prints the API’s numbers', async () => {
    const input = await api<ReportInput>(`reports/E08000003/input?asOf=${REGISTER_AS_OF}`);
    const detail = await api<ProjectionDetail>('projections/P-2023-001');
    await visitPage(
      browser.context,
      `${server.url}reports?area=E08000003&asOf=${REGISTER_AS_OF}`,
      'reports',
      async (page) => {
        await page.getByTestId('report').waitFor({ timeout: 120_000 });
        const layers = await tableRows(page, 'report-layers-table');
        const last = input.profile.layers.years.at(-1)!;
        const expected = input.profile.layers.rows.filter((x) => x.year === last);
        assert.ok(expected.length >= 4);
        for (const x of expected) {
          const row = layers.find((r) => r[0] === x.layer && r[1] === String(x.year))!;
          assert.deepEqual(row.slice(2, 4), [millions(x.value), pct(x.share)], `${x.layer} ${x.year}`);
        }
        const forecasts = await tableRows(page, 'report-forecasts-table');
        const o = detail.outturn!;
        assert.deepEqual(forecasts, [
          [
            'P-2023-001',
            'gross-median-weekly-pay',
            String(detail.projection.period),
            detail.projection.method,
            detail.projection.frozenOn,
            // shown to 2 decimals; the exact values stay in the API's answer and the CSV
            detail.projection.value.toFixed(2),
            o.outturn.toFixed(2),
            o.error.revision.value.toFixed(2),
            o.error.policy.value.toFixed(2),
            o.error.rest.value.toFixed(2),
          ],
        ]);
        const floors = await tableRows(page, 'report-entitlements-table');
        assert.deepEqual(
          floors.map((r) => [r[0], r[4]]),
          input.entitlements.rows.map((x) => [x.floor, x.status]),
        );
        const statuses = await page.getByTestId('report-statuses').innerText();
        for (const c of input.commitments) assert.ok(statuses.includes(c.rule), c.id);
      },
    );

    // The self-contained report, opened as a reader would, prints the same figures.
    const page = await browser.context.newPage();
    try {
      await page.goto(`${server.url}api/v1/reports/E08000003?asOf=${REGISTER_AS_OF}`);
      await screenshot(page, 'report-html');
      const cells = await page.locator('#forecasts table tbody tr').first().locator('td').allInnerTexts();
      assert.deepEqual(cells.slice(5), [
        detail.projection.value.toFixed(2),
        detail.outturn!.outturn.toFixed(2),
        detail.outturn!.error.revision.value.toFixed(2),
        detail.outturn!.error.policy.value.toFixed(2),
        detail.outturn!.error.rest.value.toFixed(2),
      ]);
      const layerRows = await page
        .locator('#layers table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
      const last = input.profile.layers.years.at(-1)!;
      for (const x of input.profile.layers.rows.filter((r) => r.year === last)) {
        const row = layerRows.find((r) => r[0] === x.layer && r[1] === String(last))!;
        assert.deepEqual(row.slice(2, 4), [x.value.toFixed(0), `${(x.share * 100).toFixed(1)}%`], x.layer);
      }
      const floorRows = await page
        .locator('#entitlements table tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
      assert.deepEqual(
        floorRows.map((r) => [r[0], r[3], r[4]]),
        input.entitlements.rows.map((x) => [x.floor, x.value === null ? '—' : x.value.toFixed(2), x.status]),
      );
      assert.equal(await page.locator('h1').innerText(), input.profile.area.areanm);
      assert.equal(await page.locator('script').count(), 0);
    } finally {
      await page.close();
    }
  });
});
