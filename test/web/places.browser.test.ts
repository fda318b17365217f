// Combined authorities in the web app, in Chromium against the real server and the data pack:
// the atlas draws them, search offers them, a profile sums its districts, the indicator page maps
// figures published for them, and an ITL2 profile offers no dead link to layer interactions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { assertNear, launch, numberIn, serveApp, visitPage } from './helpers.ts';

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const api = async (path: string): Promise<any> => (await fetch(server.url + path.replace(/^\//, ''))).json();
const visit = (path: string, shot: string, check: (page: Page) => Promise<void>) =>
  visitPage(browser.context, server.url + path.replace(/^\//, ''), shot, check);

describe('combined authorities in the web app', () => {
  it('the atlas draws the combined authorities of the latest boundaries, each with its summed value', async () => {
    const topo = await api('/api/v1/boundaries/cauth');
    const features = Object.values(
      topo.objects as Record<string, { geometries: { properties: { areacd: string; end?: number } }[] }>,
    )[0]!.geometries;
    assert.equal(features.length, 18); // 20 in the ONS layer, less two Scottish council areas
    const current = features.filter((g) => g.properties.end === undefined).length;
    const layers = await api('/api/v1/layers?level=cauth&year=latest');
    await visit('/?level=cauth', 'atlas-cauth', async (page) => {
      await page.waitForSelector('svg.map path.area');
      assert.equal(await page.locator('svg.map path.area').count(), current);
      assert.match(await page.locator('#map-title').innerText(), /combined authorities/);
      await page.locator('svg.map a[href="/area/E47000006"]').focus();
      const tip = await page.locator('[data-testid=map-tooltip]').innerText();
      assert.match(tip, /Tees Valley/);
      const tv = layers.rows.find(
        (r: { areacd: string; layer: string }) =>
          r.areacd === 'E47000006' && r.layer === 'foundational-material',
      );
      assertNear(numberIn(tip.split('\n').find((l) => l.includes('%'))!), tv.share * 100, 0.1, 'share');
    });
  });

  it('search offers Tees Valley; its profile totals the five districts and links no dead end', async () => {
    const year = (await api('/api/v1/layers?level=lad&year=latest')).rows as {
      areacd: string;
      value: number;
    }[];
    const five = ['E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005'];
    const total = year.filter((r) => five.includes(r.areacd)).reduce((s, r) => s + r.value, 0);
    await visit('/area/E06000001', 'area-search-cauth', async (page) => {
      await page.waitForSelector('[data-testid=area-name]');
      await page.locator('#area-search').fill('Tees Valley');
      const option = page.getByRole('option', { name: /Tees Valley, E47000006, combined authority/ });
      await option.click();
      await page.waitForURL('**/area/E47000006');
      await page.getByText('Tees Valley', { exact: true }).first().waitFor();
      assert.match(await page.locator('.kicker').innerText(), /combined authority/i);
      const summary = await page.getByTestId('summary').innerText();
      assertNear(numberIn(/£[\d,.]+m/.exec(summary)![0]), total, 0.1, 'total GVA £m');
      assert.equal(await page.locator('.lads li').count(), 5);
      assert.equal(await page.locator('a[href^="/interactions?"]').count(), 0);
    });
    await visit('/area/TLC1', 'area-TLC1', async (page) => {
      await page.waitForSelector('[data-testid=area-name]');
      assert.equal(await page.locator('a[href^="/interactions?"]').count(), 0);
    });
  });

  it('the indicator page maps median pay as published for combined authorities', async () => {
    await visit('/indicators?id=gross-median-weekly-pay&level=cauth', 'indicator-cauth', async (page) => {
      await page.waitForSelector('svg.map path.area');
      assert.ok((await page.locator('input[name=ind-level][value=cauth]').isChecked()) === true);
      await page.locator('svg.map a[href="/indicators?area=E47000006"]').focus();
      assert.match(await page.locator('[data-testid=map-tooltip]').innerText(), /Tees Valley[\s\S]*576\.1/);
    });
  });

  it('builds a group from the search box; its address is the group, and its total is the sum of the members', async () => {
    const year = (await api('/api/v1/layers?level=lad&year=latest')).rows as {
      areacd: string;
      value: number;
    }[];
    const two = ['E06000001', 'E06000005'];
    const total = year.filter((r) => two.includes(r.areacd)).reduce((s, r) => s + r.value, 0);
    await visit('/area/E06000001', 'area-group-build', async (page) => {
      await page.waitForSelector('[data-testid=area-name]');
      await page.getByRole('link', { name: 'Start a group with it' }).click();
      await page.waitForURL('**/area/group?areas=E06000001*');
      await page.getByText('Add at least two areas').waitFor();
      await page.locator('#group-search').fill('Darlington');
      await page.getByRole('option', { name: /Darlington, E06000005/ }).click();
      await page.waitForURL(/areas=E06000001%2CE06000005/);
      await page.locator('#group-name').fill('Hartlepool and Darlington');
      await page.locator('#group-name').press('Enter');
      await page.locator('#group-name').blur();
      await page.waitForURL(/name=Hartlepool\+and\+Darlington/);
      await page.getByTestId('group-comparators').waitFor();
      assert.equal(await page.getByTestId('area-name').innerText(), 'Hartlepool and Darlington');
      assertNear(
        numberIn(/£[\d,.]+m/.exec(await page.getByTestId('summary').innerText())![0]),
        total,
        0.1,
        'group GVA £m',
      );
      const rows = await page.locator('[data-testid=group-comparators] tbody tr').allInnerTexts();
      assert.ok(rows.some((r) => /England/.test(r)) && rows.some((r) => /United Kingdom/.test(r)));
      // the address alone gives the same group
      const shared = page.url();
      await page.goto('about:blank');
      await page.goto(shared);
      await page.getByTestId('group-comparators').waitFor();
      assert.equal(await page.getByTestId('area-name').innerText(), 'Hartlepool and Darlington');
    });
    // an area inside another is refused with its reason (the refused request is the one console error)
    const page = await browser.context.newPage();
    try {
      await page.goto(server.url + 'area/group?areas=E47000006,E06000005&name=x');
      await page.getByText(/overlapping areas: E06000005 and E47000006/).waitFor();
      assert.equal(await page.locator('#group-search').count(), 1, 'the builder stays to mend the group');
    } finally {
      await page.close();
    }
  });

  it('Darlington’s profile says telecoms and IT, with falling prices, drives its +330%, and names the two releases', async () => {
    await visit('/area/E06000005', 'area-darlington-explain', async (page) => {
      await page.waitForSelector('[data-testid=area-name]');
      const driver = await page.getByTestId('driver-foundational-material').innerText();
      assert.match(driver, /Foundational: material: \+330\.3% in real terms since 1998/);
      assert.match(driver, /Telecommunications; information technology contributes \+372\.8 points/);
      assert.match(
        driver,
        /prices fell steeply \(−98\.4% since 1998\).*split into this layer by national shares/,
      );
      const cautions = await page.getByTestId('cautions').innerText();
      assert.match(cautions, /2022 is 53\.7% here and 51\.7% on the ITL3 profile/);
      assert.match(cautions, /real growth 1998–2023 of \+330\.3% is far outside its 361 peers/);
    });
  });
});
