// The web app in Chromium against the real server and the data pack: the atlas draws one path
// per area, search opens a profile, the numbers on the page are the API's, compare works, and
// no page logs an error. Screenshots of every page go to test-output/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { IoShockPlaces } from '../../src/contract/io.ts';
import { assertNear, launch, numberIn, serveApp, tableRows, visitPage } from './helpers.ts';

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

/** Opens a path, runs the checks, screenshots, and fails on any console error on the way. */
const visit = (path: string, shot: string, check: (page: Page) => Promise<void>) =>
  visitPage(browser.context, server.url + path.replace(/^\//, ''), shot, check);

const close = assertNear;

describe('web app in Chromium', () => {
  it('atlas: one path per LAD in 2023, tooltip with the API value and rank, Enter opens the area', async () => {
    const layers = await api('/api/v1/layers?level=lad&year=latest');
    const mine = layers.rows.filter((r: { layer: string }) => r.layer === 'foundational-material');
    const hartlepool = mine.find((r: { areacd: string }) => r.areacd === 'E06000001');
    const rank = 1 + mine.filter((r: { share: number }) => r.share > hartlepool.share).length;
    await visit('/', 'atlas-lad', async (page) => {
      await page.waitForSelector('svg.map path.area');
      assert.equal(await page.locator('svg.map path.area').count(), 361);
      assert.match(await page.locator('#map-title').innerText(), /2023/);
      assert.equal((await page.locator('[data-testid=legend-classes] li').count()) >= 5, true);
      await page.locator('svg.map a[href="/area/E06000001"]').focus();
      const tip = await page.locator('[data-testid=map-tooltip]').innerText();
      assert.match(tip, /Hartlepool/);
      close(numberIn(tip.split('\n').find((l) => l.includes('%'))!), hartlepool.share * 100, 0.1, 'share');
      assert.match(tip, new RegExp(`Ranked ${rank} of ${mine.length}`));
      // the table's value column holds the value alone (the layer's name has a colon of its own)
      const row = (await tableRows(page, 'atlas-table')).find((r) => r[2] === 'E06000001')!;
      assert.match(row[3]!, /^[\d.]+%$/);
      close(numberIn(row[3]!), hartlepool.share * 100, 0.1, 'share in the table');
      await page.locator('svg.map path[data-code=S12000017]').hover();
      assert.match(await page.locator('[data-testid=map-tooltip]').innerText(), /Highland/);
      await page.locator('svg.map a[href="/area/E06000001"]').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/area/E06000001');
      await page.waitForSelector('[data-testid=area-name]');
      await page.goBack();
      await page.waitForSelector('svg.map path.area');
    });
  });

  it('atlas: 179 ITL3 areas, location quotients, and an indicator with intervals', async () => {
    await visit('/?level=itl3&layer=tradeable&stat=lq', 'atlas-itl3-lq', async (page) => {
      await page.waitForSelector('svg.map path.area');
      assert.equal(await page.locator('svg.map path.area').count(), 179);
      assert.match(await page.locator('.legend').innerText(), /Location quotient/);
    });
    const pay = await api('/api/v1/registry/gross-median-weekly-pay?level=lad');
    const h = pay.rows.find((r: { areacd: string }) => r.areacd === 'E06000001');
    await visit('/?indicator=gross-median-weekly-pay&classes=jenks', 'atlas-indicator', async (page) => {
      await page.waitForSelector('svg.map path.area');
      await page.locator('svg.map a[href="/area/E06000001"]').focus();
      const tip = await page.locator('[data-testid=map-tooltip]').innerText();
      const nums = [...tip.matchAll(/£([\d,.]+)/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
      close(nums[0]!, h.value, 0.01, 'pay');
      close(nums[1]!, h.lci95, 0.01, 'lower limit');
      close(nums[2]!, h.uci95, 0.01, 'upper limit');
      // the link's name, which is what a screen reader reads, carries the interval too
      const name = await page.locator('svg.map a[href="/area/E06000001"]').getAttribute('aria-label');
      assert.match(name!, /^Hartlepool: £[\d,.]+, 95% CI £[\d,.]+ to £[\d,.]+, ranked \d+ of \d+\./);
      assert.match(await page.locator('.legend').innerText(), /Natural breaks/);
    });
  });

  it('atlas: every registry indicator by area in the menu by its label; the foundational share of GVA mapped', async () => {
    const reg = await api('/api/v1/registry');
    const byArea = reg.indicators.filter((i: { kind: string }) => i.kind !== 'industry');
    const share = await api('/api/v1/registry/foundational-share-gva?level=lad');
    const h = share.rows.find((r: { areacd: string }) => r.areacd === 'E06000001');
    await visit('/?indicator=foundational-share-gva', 'atlas-foundational-share', async (page) => {
      await page.waitForSelector('svg.map path.area');
      assert.equal(await page.locator('svg.map path.area').count(), 361);
      assert.match(
        await page.locator('#map-title').innerText(),
        /^Foundational economy's share of GVA \(material \+ providential\), \d{4}/,
      );
      const options = await page
        .locator('#atlas-show option')
        .evaluateAll((os) =>
          os.map((o) => [o.getAttribute('value') ?? '', (o.textContent ?? '').trim()] as [string, string]),
        );
      const text = new Map<string, string>(options);
      for (const i of byArea)
        assert.equal(text.get(`indicator:${i.id}`)?.replace(/ \(not for these areas\)$/, ''), i.label, i.id);
      // no option reads as a raw id
      for (const [value, label] of options)
        assert.notEqual(label, value.replace(/^(indicator|layer):/, ''), value);
      await page.locator('svg.map a[href="/area/E06000001"]').focus();
      const tip = await page.locator('[data-testid=map-tooltip]').innerText();
      close(numberIn(tip.split('\n').find((l) => l.includes('%'))!), h.value, 0.1, 'foundational share');
    });
    const series = await api('/api/v1/registry/gross-median-weekly-pay/series?area=E06000001');
    await visit('/?indicator=gross-median-weekly-pay&area=E06000001', 'atlas-series', async (page) => {
      await page.waitForSelector('[data-figure=area-series] svg');
      assert.match(
        await page.locator('#area-series-title').innerText(),
        /^Gross median weekly pay \(residence-based\), Hartlepool, 2008–2025$/,
      );
      const rows = await tableRows(page, 'area-series-table');
      assert.equal(rows.length, series.rows.length);
      rows.forEach((r, k) => close(numberIn(r[1]!), series.rows[k].value, 0.1, `pay ${r[0]}`));
      await page.selectOption('#atlas-series-area', 'E06000002');
      await page.waitForURL(/area=E06000002/);
    });
    await visit('/?indicator=population', 'atlas-not-at-level', async (page) => {
      await page.getByTestId('atlas-empty').waitFor();
      assert.match(await page.getByTestId('atlas-empty').innerText(), /published for: itl1, itl2, itl3, uk/);
    });
  });

  it('search finds an area and opens its profile; the numbers on the page equal the API', async () => {
    const p = await api('/api/v1/areas/E06000001');
    const names = new Map(
      (await api('/api/v1/taxonomies/foundational-economy-v1')).layers.map(
        (l: { id: string; name: string }) => [l.name, l.id],
      ),
    );
    await visit('/', 'area-E06000001', async (page) => {
      const search = page.getByRole('combobox', { name: 'Search for an area' });
      await search.fill('Hartlep');
      await page.getByRole('option', { name: /^Hartlepool, E06000001/ }).waitFor();
      await search.press('Enter');
      await page.waitForURL('**/area/E06000001');
      assert.equal(await page.locator('[data-testid=area-name]').innerText(), 'Hartlepool');

      // the summary: total GVA and the foundational share in the latest year
      const year = p.layers.years.at(-1);
      const latest = p.layers.rows.filter((r: { year: number }) => r.year === year);
      const strong = await page.locator('[data-testid=summary] strong').allInnerTexts();
      close(
        numberIn(strong[0]!),
        latest.reduce((s: number, r: { value: number }) => s + r.value, 0),
        0.1,
        'total',
      );
      const foundational = latest
        .filter((r: { layer: string }) => r.layer.startsWith('foundational'))
        .reduce((s: number, r: { share: number }) => s + r.share, 0);
      close(numberIn(strong[1]!), foundational * 100, 0.1, 'foundational share');

      // every row of the layers table: £m, share and LQ, every year
      const rows = await tableRows(page, 'layers-table');
      assert.equal(rows.length, p.layers.rows.length);
      for (const [y, layer, value, share, lq] of rows) {
        const r = p.layers.rows.find(
          (x: { year: number; layer: string }) => x.year === Number(y) && x.layer === names.get(layer),
        );
        assert.ok(r, `row ${y} ${layer}`);
        close(numberIn(value!), r.value, 0.1, `${y} ${layer} £m`);
        close(numberIn(share!), r.share * 100, 0.1, `${y} ${layer} share`);
        close(numberIn(lq!), r.lq, 0.01, `${y} ${layer} LQ`);
      }

      // specialisations: LQs and the £m behind them
      const spec = await tableRows(page, 'specialisations-table');
      assert.deepEqual(
        spec.map((r) => r[0]),
        p.specialisations.rows.map((r: { industry: string }) => r.industry),
      );
      spec.forEach((r, i) => {
        close(numberIn(r[3]!), p.specialisations.rows[i].value, 0.1, `${r[0]} £m`);
        close(numberIn(r[5]!), p.specialisations.rows[i].lq, 0.01, `${r[0]} LQ`);
      });

      // real growth rates by layer
      for (const [layer, last, five, since] of await tableRows(page, 'growth-rates')) {
        const g = p.growth.layers.find((x: { layer: string }) => x.layer === names.get(layer));
        close(numberIn(last!), g.lastYear * 100, 0.1, `${layer} last year`);
        close(numberIn(five!), g.fiveYearAnnual * 100, 0.1, `${layer} five-year`);
        close(numberIn(since!), g.sinceStart * 100, 0.1, `${layer} since start`);
      }

      // headline indicators with their intervals
      for (const i of p.indicators.filter((x: { value: number | null }) => x.value !== null)) {
        const card = page.locator(`[data-indicator="${i.indicator}"]`);
        close(
          numberIn(await card.locator('[data-testid=indicator-value]').innerText()),
          i.value,
          0.01,
          i.indicator,
        );
        if (i.lci95 !== null) {
          const ci = [...(await card.locator('.ci').innerText()).matchAll(/([\d,]+\.?\d*)/g)].map((m) =>
            Number(m[1]!.replace(/,/g, '')),
          );
          close(ci[1]!, i.lci95, 0.01, `${i.indicator} lower`);
          close(ci[2]!, i.uci95, 0.01, `${i.indicator} upper`);
        }
      }
      await page.waitForSelector('[data-figure=distribution] svg');
      await page.waitForSelector('[data-figure=growth] svg');
    });
  });

  it('an ITL3 profile lists the LADs inside and draws its charts', async () => {
    await visit('/area/TLC11', 'area-TLC11', async (page) => {
      await page.waitForSelector('[data-figure=layers] svg');
      assert.match(await page.locator('.lads summary').innerText(), /local authority districts inside/);
      await page.waitForSelector('[data-figure=distribution] svg');
    });
  });

  it('compare: two areas on one scale, a third added by search, never more than five', async () => {
    const [a, b] = await Promise.all([api('/api/v1/areas/E06000001'), api('/api/v1/areas/E08000026')]);
    await visit('/compare?areas=E06000001,E08000026', 'compare', async (page) => {
      const rows = await tableRows(page, 'compare-composition-table');
      assert.deepEqual(
        rows.map((r) => r[1]),
        ['E06000001', 'E08000026'],
      );
      const year = Math.min(a.layers.years.at(-1), b.layers.years.at(-1));
      rows.forEach((r, k) => {
        const share = [a, b][k].layers.rows.find(
          (x: { year: number; layer: string }) => x.year === year && x.layer === 'foundational-material',
        ).share;
        close(numberIn(r[2]!), share * 100, 0.1, `${r[0]} foundational-material`);
      });
      await page.waitForSelector('[data-figure=compare-composition] svg');
      const add = page.getByRole('combobox', { name: /Add an area/ });
      await add.fill('Sunderland');
      // the ITL3 area of the same name comes first: pick the local authority with the mouse
      await page.getByRole('option', { name: /^Sunderland, E08000024/ }).click();
      await page.waitForURL(/areas=E06000001%2CE08000026%2CE08000024|areas=E06000001,E08000026,E08000024/);
      await page
        .locator('[data-testid=compare-composition-table] tbody tr')
        .nth(2)
        .waitFor({ state: 'attached' });
      await page.waitForSelector('[data-figure=compare-growth] svg');
    });
    await visit(
      '/compare?areas=E06000001,E06000002,E06000003,E06000004,E06000005,E06000006',
      'compare-five',
      async (page) => {
        await page.waitForSelector('[data-testid=compare-composition-table] tbody tr');
        assert.equal(await page.locator('[data-testid=compare-chosen] li').count(), 5);
        assert.equal(await page.locator('[data-testid=compare-composition-table] tbody tr').count(), 5);
        assert.equal(await page.getByRole('combobox', { name: /Add an area/ }).count(), 0);
      },
    );
  });

  it('layer interactions: Λ, extraction and a shock equal the API', async () => {
    const io = await api('/api/v1/io/layers?area=TLC11');
    const lost = await api(`/api/v1/io/extract?area=TLC11&layer=${io.layers[0]}`);
    const shock = (await (
      await fetch(server.url + 'api/v1/io/shock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ area: 'TLC11', industry: 'Q87 & Q88', amount: 10_000_000 }),
      })
    ).json()) as { total: number };
    await visit('/interactions?area=TLC11', 'interactions', async (page) => {
      await page.waitForSelector('[data-figure=io-matrix] svg');
      const rows = await tableRows(page, 'io-matrix-table');
      rows.forEach((r, k) =>
        r.slice(1).forEach((cell, j) => close(Number(cell), io.matrix[k][j], 0.0001, `Λ[${k}][${j}]`)),
      );
      close(numberIn(await page.getByTestId('io-lost').innerText()), lost.lostOutput, 0.1, 'output lost');
      await page.waitForSelector('[data-figure=io-multipliers] svg');
      await page.selectOption('#shock-industry', 'Q87 & Q88');
      await page.fill('#shock-amount', '10');
      await page.getByRole('button', { name: 'Calculate' }).click();
      const total = await page.getByTestId('io-shock-total').innerText();
      close(numberIn(total), shock.total, 0.1, 'shock total');
      assert.match(total, /^Output in Hartlepool and Stockton-on-Tees/);
      await page.waitForSelector('[data-figure=io-shock] svg');
      // with spill-overs: the headline is the local part, and the split by place is the API's
      await page.getByLabel(/Follow spill-overs/).check();
      await page.getByRole('button', { name: 'Calculate' }).click();
      await page.waitForSelector('[data-testid=io-shock-places] tbody tr');
      const wide = (await (
        await fetch(server.url + 'api/v1/io/shock', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            area: 'TLC11',
            industry: 'Q87 & Q88',
            amount: 10_000_000,
            interregional: true,
          }),
        })
      ).json()) as { places: IoShockPlaces };
      const local = wide.places.parts[0]!;
      const headline = await page.getByTestId('io-shock-total').innerText();
      assert.match(headline, /^Output in Hartlepool and Stockton-on-Tees: /);
      close(numberIn(headline), local.output.value, 0.1, 'local output');
      const placeRows = await tableRows(page, 'io-shock-places');
      assert.deepEqual(
        placeRows.map((r) => r[0]),
        [
          'Hartlepool and Stockton-on-Tees',
          'Elsewhere in Tees Valley (combined authority)',
          'Rest of the UK',
          'UK total',
        ],
      );
      placeRows.forEach((r, k) =>
        close(numberIn(r[1]!), wide.places.parts[k]!.output.value, 0.1, `output ${r[0]}`),
      );
      assert.doesNotMatch(await page.locator('#io-shock-h').locator('..').innerText(), /\bJobs\b|\bjobs\b/);
    });
  });

  it('data & sources: every dataset with its checksum', async () => {
    const { datasets } = await api('/api/v1/datasets');
    await visit('/data', 'data', async (page) => {
      await page.waitForSelector('[data-testid=datasets-table] tbody tr');
      assert.equal(await page.locator('[data-testid=datasets-table] tbody tr').count(), datasets.length);
      const text = await page.locator('[data-testid=datasets-table]').innerText();
      for (const d of datasets) assert.ok(text.includes(d.sha256), d.source);
      const csv = await page.getByRole('link', { name: 'Download CSV' }).first().getAttribute('href');
      const res = await fetch(server.url + csv!.slice(1));
      assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
      await page.waitForSelector('dl.layers dt');
    });
  });
});
