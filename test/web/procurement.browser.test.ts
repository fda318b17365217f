// The Procurement page in Chromium against the real server over the pack's councils' spend: the
// totals, classes, local shares and condition totals read off the page are the API's for the same
// query to the penny; a changed condition setting shows what the API answers for the changed file,
// in the suppliers table and its CSV download alike; the suppliers table searches and filters
// consistently; nothing is logged as an error.
// Screenshots (desktop and narrow) go to test-output/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type {
  FranchiseConditions,
  FranchiseSummary,
  FranchiseSupplierList,
  FranchiseWhatIf,
} from '../../src/contract/franchise.ts';
import { scenarioSchema } from '../../src/models/scenarios/schema.ts';
import type { FranchiseConditionSet } from '../../src/contract/franchise-conditions.ts';
import { pct } from '../../src/web/lib/format.ts';
import { CLASS_WORDS } from '../../src/web/lib/procurement-view.ts';
import { launch, numberIn, screenshot, serveApp, tableRows, watchedPage } from './helpers.ts';

let server: { url: string; close: () => Promise<void> };
let browser: { context: BrowserContext; close: () => Promise<void> };

before(async () => {
  // the test checks the page's costly requests against the API's own answers from the same
  // address: a bucket for both, so the page's what-if is not held back by the test's checks
  server = await serveApp(undefined, { costly: { concurrency: 2, waiting: 64, perMinute: 600, burst: 100 } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const QUERY = 'body=leeds';

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}api/v1/franchise/${path}`, {
    method: body ? 'POST' : 'GET',
    ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.json()) as T;
}

/** A route's answer as text (a CSV), posting a body when given. */
async function apiText(path: string, body?: unknown): Promise<string> {
  const res = await fetch(`${server.url}api/v1/franchise/${path}`, {
    method: body ? 'POST' : 'GET',
    ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.text();
}

/** Pence of an amount as the page prints it ("£1,234.56", "−£3.00"). */
const penceIn = (text: string) => Math.round(numberIn(text) * 100);
const pence = (v: number) => Math.round(v * 100);

/** The condition table's rows by condition name. */
async function conditionRows(page: Page): Promise<Map<string, string[]>> {
  return new Map((await tableRows(page, 'procurement-conditions-table')).map((r) => [r[0]!, r]));
}

describe('Procurement page in Chromium', () => {
  it('shows the API’s totals to the penny; a changed condition shows the API’s answer for it', async () => {
    const { page, problems } = await watchedPage(browser.context);
    try {
      await page.goto(`${server.url}procurement?${QUERY}`);
      const total = page.getByTestId('procurement-total');
      await total.waitFor({ timeout: 120_000 });
      const s = await api<FranchiseSummary>(`summary?${QUERY}`);
      assert.ok(s.total > 1e6);
      assert.equal(penceIn(await total.innerText()), pence(s.total));
      assert.equal(
        penceIn(await page.getByTestId('procurement-published').innerText()),
        pence(s.published.total),
      );
      assert.match(await page.getByTestId('procurement-reconcile').innerText(), /to the penny/);

      // every class: payees, lines and £ as the API's
      const classes = await tableRows(page, 'procurement-classes-table');
      assert.equal(classes.length, Object.keys(s.classified).length);
      for (const [k, c] of Object.entries(s.classified)) {
        const row = classes.find((r) => r[0] === CLASS_WORDS[k])!;
        assert.ok(row, k);
        assert.deepEqual(
          [numberIn(row[1]!), numberIn(row[2]!), penceIn(row[3]!)],
          [c.payees, c.rows, pence(c.total)],
        );
      }
      // the local share under each rule, and the layers
      const local = await tableRows(page, 'procurement-local-table');
      assert.equal(local.length, s.local_share.length);
      s.local_share.forEach((l, i) => {
        assert.equal(local[i]![1], l.area);
        assert.equal(penceIn(local[i]![2]!), pence(l.inside));
        assert.equal(local[i]![5], pct(l.shareOfKnown));
      });
      const layers = await tableRows(page, 'procurement-layers-table');
      assert.deepEqual(
        layers.map((r) => penceIn(r[1]!)),
        s.by_layer.map((l) => pence(l.total)),
      );

      // the conditions under the default settings
      await page.getByTestId('procurement-conditions-table').waitFor({ timeout: 120_000 });
      const base = await api<FranchiseConditions>(`conditions?${QUERY}`);
      const shown = await conditionRows(page);
      for (const t of base.totals) {
        const row = shown.get(t.name)!;
        assert.deepEqual(row.slice(1, 4).map(penceIn), [t.meets, t.fails, t.unknown].map(pence), t.name);
        assert.equal(pence(t.meets + t.fails + t.unknown), pence(base.total));
      }
      await page.getByTestId('procurement-suppliers-table').waitFor({ timeout: 120_000 });
      await screenshot(page, 'procurement');

      // a narrower local-supply rule: the council's own area instead of the region
      const set = await api<FranchiseConditionSet>('conditions/default');
      const changedSet = structuredClone(set);
      changedSet.conditions.find((c) => c.id === 'local-supply')!.params = { area: 'local' };
      await page.locator('#cond-local-supply-area').selectOption('local');
      await page.getByRole('button', { name: 'Apply settings' }).click();
      await page.getByRole('columnheader', { name: 'Meets £ (new settings)' }).waitFor({ timeout: 120_000 });
      const changed = await api<FranchiseConditions>(`conditions?${QUERY}`, changedSet);
      const after = await conditionRows(page);
      for (const t of changed.totals) {
        const was = base.totals.find((b) => b.condition === t.condition)!;
        // a condition whose settings changed is shown under its new name beside the old one
        const row = after.get(
          t.condition === 'local-supply'
            ? `${was.name} → Registered office in the council’s own area`
            : t.name,
        )!;
        assert.deepEqual(row.slice(5, 8).map(penceIn), [t.meets, t.fails, t.unknown].map(pence), t.name);
        assert.equal(penceIn(row[8]!), pence(t.meets) - pence(was.meets), t.name);
      }
      const localSupply = changed.totals.find((t) => t.condition === 'local-supply')!;
      const wasLocal = base.totals.find((t) => t.condition === 'local-supply')!;
      assert.ok(localSupply.meets < wasLocal.meets, 'fewer pounds meet the narrower rule');

      // the suppliers table follows the new settings: those meeting local supply, as the API counts them
      await page.locator('#supplier-condition').selectOption('local-supply');
      await page.locator('#supplier-status').selectOption('meets');
      const list = await api<FranchiseSupplierList>(
        `suppliers?${QUERY}&condition=local-supply&status=meets`,
        changedSet,
      );
      assert.equal(list.page.matched, localSupply.meets_suppliers);
      await page
        .getByTestId('supplier-count')
        .getByText(
          `${localSupply.meets_suppliers} of ${list.page.suppliers.toLocaleString('en-GB')} suppliers`,
        )
        .waitFor({ timeout: 60_000 });
      // the CSV download is that list under the new settings, as the API writes it, not the defaults'
      const [csvFile] = await Promise.all([
        page.waitForEvent('download'),
        page.getByText(/^Download CSV \(every supplier found/).click(),
      ]);
      const csvText = readFileSync((await csvFile.path())!, 'utf8');
      const query = `suppliers?${QUERY}&condition=local-supply&status=meets&sort=rank&order=asc&offset=0&limit=20000&format=csv`;
      assert.equal(csvText, await apiText(query, changedSet));
      assert.equal(csvText.trim().split('\n').length, 1 + localSupply.meets_suppliers);
      assert.notEqual(csvText, await apiText(query));
      assert.equal(
        await page.getByText(/^Download CSV \(every supplier found/).innerText(),
        'Download CSV (every supplier found, new settings)',
      );
      // search narrows by name, on the server
      await page.locator('#supplier-condition').selectOption('');
      const word = list.suppliers[0]!.supplier.split(' ')[0]!;
      await page.locator('#supplier-search').fill(word);
      const found = await api<FranchiseSupplierList>(
        `suppliers?${QUERY}&search=${encodeURIComponent(word)}`,
        changedSet,
      );
      await page
        .getByTestId('supplier-count')
        .getByText(new RegExp(`^${found.page.matched.toLocaleString('en-GB')} of `))
        .waitFor({ timeout: 60_000 });
      const rows = await tableRows(page, 'procurement-suppliers-table');
      assert.equal(rows[0]![1], found.suppliers[0]!.supplier);

      // what if half of the largest service's spend moved to local suppliers: the API's demand change,
      // offered as a scenario file the scenario lab accepts
      const service = [...s.by_service].sort((a, b) => b.total - a.total)[0]!.service;
      await page.locator('#whatif-category').selectOption(service);
      await page.locator('#whatif-share').fill('0.5');
      await page.getByRole('button', { name: 'Show the demand change' }).click();
      await page.getByTestId('procurement-whatif-table').waitFor({ timeout: 120_000 });
      const w = await api<FranchiseWhatIf>(
        `whatif?${QUERY}&category=${encodeURIComponent(service)}&share=0.5&target=local`,
      );
      assert.equal(penceIn(await page.getByTestId('whatif-moved').innerText()), pence(w.moved));
      const changes = await tableRows(page, 'procurement-whatif-table');
      assert.deepEqual(
        changes.map((r) => [r[0], penceIn(r[2]!)]),
        w.changes.map((c) => [c.industry, pence(c.gbpPerYear)]),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download as a scenario file' }).click(),
      ]);
      const file = scenarioSchema.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
      assert.equal(file.interventions.length, w.changes.length);
      await screenshot(page, 'procurement-changed');
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('reads at a phone’s width, and the sort buttons work from the keyboard', async () => {
    const narrow = await launch({ width: 390, height: 844 });
    try {
      const { page, problems } = await watchedPage(narrow.context);
      await page.goto(`${server.url}procurement?${QUERY}`);
      await page.getByTestId('procurement-suppliers-table').waitFor({ timeout: 120_000 });
      const table = page.getByTestId('procurement-suppliers-table');
      const sort = table.getByRole('button', { name: /^£/ });
      await sort.focus();
      await page.keyboard.press('Enter');
      const header = table.getByRole('columnheader', { name: /^£/ });
      assert.equal(await header.getAttribute('aria-sort'), 'descending');
      const list = await api<FranchiseSupplierList>(`suppliers?${QUERY}&sort=total&order=desc&limit=1`);
      await table
        .getByRole('rowheader', { name: list.suppliers[0]!.supplier })
        .first()
        .waitFor({ timeout: 60_000 });
      assert.equal(
        (await tableRows(page, 'procurement-suppliers-table'))[0]![1],
        list.suppliers[0]!.supplier,
      );
      // nothing wider than the screen but the tables' own scrolling boxes
      const overflow = await page.locator('html').evaluate((html) => html.scrollWidth);
      assert.ok(overflow <= 390, `page is ${overflow}px wide`);
      await screenshot(page, 'procurement-narrow');
      assert.deepEqual(problems, []);
    } finally {
      await narrow.close();
    }
  });
});
