// The page's workbook, in Chromium against the real server and the data pack: on an area profile
// the .xlsx download holds a sheet per table on the page, each with the page's columns and rows,
// the layer figures at the API's full precision, and a Sources sheet naming each table's source.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import type { BrowserContext } from 'playwright-core';
import { launch, serveApp, visitPage } from './helpers.ts';

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

describe('the page’s workbook', () => {
  it('an area profile downloads as a sheet per table with the API’s numbers and a Sources sheet', async () => {
    const profile = (await (await fetch(`${server.url}api/v1/areas/E06000001`)).json()) as {
      layers: { source: string; rows: { year: number; layer: string; value: number; share: number }[] };
    };
    await visitPage(browser.context, `${server.url}area/E06000001`, 'area-workbook', async (page) => {
      await page.waitForSelector('[data-testid=layers-table]', { state: 'attached' });
      await page.waitForLoadState('networkidle');
      const captions = (await page.locator('main table caption').allTextContents()).map((c) => c.trim());
      const rowCounts = await page
        .locator('main table')
        .evaluateAll((ts) => ts.map((t) => t.querySelectorAll('tbody tr').length));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('workbook').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'strata-area-E06000001.xlsx');
      const book = XLSX.read(readFileSync((await download.path())!));
      assert.equal(book.SheetNames.length, captions.length + 1);
      assert.equal(book.SheetNames.at(-1), 'Sources');
      const sources = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets.Sources!, { header: 1 });
      assert.deepEqual(
        sources.slice(1, captions.length + 1).map((r) => r[1]),
        captions,
        'a Sources row per table, in the page’s order',
      );
      captions.forEach((_, i) => {
        const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[i]!]!, { header: 1 });
        assert.equal(rows.length - 1, rowCounts[i], `rows of ${captions[i]}`);
      });
      // the layers table: every GVA figure and share exactly as the API sends it
      const i = captions.findIndex((c) => c.includes('by layer'));
      assert.ok(i >= 0, captions.join(' | '));
      assert.equal(sources[i + 1]![2], profile.layers.source);
      const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[book.SheetNames[i]!]!, {
        header: 1,
      });
      assert.deepEqual(rows[0], [
        'Year',
        'Layer',
        'GVA (£ million)',
        'Share of the area total',
        'Location quotient',
      ]);
      const sheet = new Map(rows.slice(1).map((r) => [`${r[0]}|${r[2]}`, r[3]]));
      for (const r of profile.layers.rows)
        assert.ok(sheet.has(`${r.year}|${r.value}`), `${r.year} ${r.layer} ${r.value}`);
      assert.equal(rows.length - 1, profile.layers.rows.length);
      assert.ok(profile.layers.rows.every((r) => sheet.get(`${r.year}|${r.value}`) === r.share));
    });
  });
});
