// The beyond-GDP pages in Chromium against the real server and the data pack: Indicators,
// Missions, Entitlements and Gender each load, show the API's numbers for Hartlepool, draw one
// map path per local authority, have their tables and CSV downloads, and log no error.
// Screenshots go to test-output/.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_PROFILE, ITL3_PROFILE } from '../../src/web/lib/nearest-profile.ts';
import { assertNear, launch, numberIn, serveApp, tableRows, visitPage, watchedPage } from './helpers.ts';

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
const HARTLEPOOL = 'E06000001';
const numbers = (s: string) =>
  [...s.matchAll(/−?[\d,]+(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '').replace('−', '-')));

/** The map has drawn one path per local authority (April 2023: 361). */
async function mapDrawn(page: Page): Promise<void> {
  await page.waitForSelector('svg.map path.area');
  assert.equal(await page.locator('svg.map path.area').count(), 361);
}

/** A figure's CSV link serves CSV whose header holds the given columns. */
async function csvServed(page: Page, figure: string, columns: string[]): Promise<void> {
  const href = await page.locator(`[data-figure=${figure}] a[download]`).getAttribute('href');
  assert.ok(href, `${figure}: CSV link`);
  const res = await fetch(server.url + href.replace(/^\//, ''));
  assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  const header = (await res.text()).split(/\r?\n/)[0]!.split(',');
  for (const c of columns) assert.ok(header.includes(c), `${figure} CSV lacks ${c}: ${header.join(',')}`);
}

/** The tooltip of an area on the map, by keyboard focus on its link. */
async function tooltip(page: Page, href: string): Promise<string> {
  await page.locator(`svg.map a[href="${href}"]`).focus();
  return page.locator('[data-testid=map-tooltip]').innerText();
}

describe('beyond-GDP pages in Chromium', () => {
  it('navigation: the four pages, and Participate leaving the app for the server pages', async () => {
    const { page, problems } = await watchedPage(browser.context);
    try {
      await page.goto(server.url);
      await page.waitForSelector('svg.map path.area');
      const nav = page.getByRole('navigation', { name: 'Main' });
      for (const name of ['Indicators', 'Missions', 'Entitlements', 'Gender'])
        assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, name);
      await nav.getByRole('link', { name: 'Missions' }).click();
      await page.getByTestId('mission-list').waitFor();
      assert.deepEqual(problems, [], 'console errors in the app');
      await page.getByTestId('nav-participate').click();
      await page.waitForURL('**/participate');
      await page.getByRole('heading', { name: 'Consultations' }).waitFor();
      assert.equal(await page.locator('#app').count(), 0, 'the server page, not the app');
      assert.equal(await page.locator('main.participate').count(), 1, 'the participation page');
      assert.deepEqual(problems, [], 'console errors on the consultation pages');
    } finally {
      await page.close();
    }
  });

  it('indicators: registry search, one indicator with the API values, intervals and verdicts', async () => {
    const t = await api('/api/v1/registry/gross-median-weekly-pay?level=lad');
    const h = t.rows.find((r: { areacd: string }) => r.areacd === HARTLEPOOL);
    const { indicators } = await api('/api/v1/registry');
    await visit('/indicators', 'indicators-registry', async (page) => {
      await page.getByTestId('registry-table').waitFor();
      assert.equal(await page.locator('[data-testid=registry-table] tbody tr').count(), indicators.length);
      await page.getByLabel('Search the registry').fill('broadband');
      const want = indicators.filter(
        (i: { id: string; label: string; rationale: string; publisher: string; group: string }) =>
          `${i.id} ${i.label} ${i.rationale} ${i.publisher} ${i.group}`.toLowerCase().includes('broadband'),
      );
      assert.ok(want.length > 0);
      await page.waitForURL(/q=broadband/);
      assert.equal(await page.locator('[data-testid=registry-table] tbody tr').count(), want.length);
    });
    await visit('/indicators?id=gross-median-weekly-pay', 'indicators', async (page) => {
      await mapDrawn(page);
      const tip = await tooltip(page, `/indicators?area=${HARTLEPOOL}`);
      assert.match(tip, /Hartlepool/);
      assertNear(numberIn(tip.split('\n').find((l) => l.startsWith('£'))!), h.value, 0.1, 'pay');
      const row = (await tableRows(page, 'indicator-ranked-table')).find((r) => r[1] === HARTLEPOOL)!;
      assertNear(numberIn(row[3]!), h.value, 0.1, 'value');
      const [lo95, hi95] = numbers(row[4]!);
      assertNear(lo95!, h.lci95, 0.1, '95% lower');
      assertNear(hi95!, h.uci95, 0.1, '95% upper');
      const [lo998, hi998] = numbers(row[5]!);
      assertNear(lo998!, h.lci998, 0.1, '99.8% lower');
      assertNear(hi998!, h.uci998, 0.1, '99.8% upper');
      assert.deepEqual(row.slice(6, 8), [h.vsNational['95'], h.vsNational['99.8']]);
      const counts = Object.fromEntries(
        (await tableRows(page, 'verdict-counts')).map((r) => [r[0], r.slice(1).map(Number)]),
      );
      const valued = t.rows.filter((r: { value: number | null }) => r.value !== null);
      const n = (v: string, l: string) =>
        valued.filter((r: { vsNational: Record<string, string> }) => r.vsNational[l] === v).length;
      assert.deepEqual(counts['Worse'], [n('worse', '95'), n('worse', '99.8')]);
      assert.deepEqual(counts['Better'], [n('better', '95'), n('better', '99.8')]);
      await page.waitForSelector('[data-figure=indicator-ranked] svg');
      await csvServed(page, 'indicator-ranked', ['areacd', 'lci998', 'vs_national_95', 'trend']);
      await page.selectOption('#ind-colour', 'vs998');
      await page.waitForURL(/colour=vs998/);
      assert.match(
        await page.locator('.legend').innerText(),
        new RegExp(`Similar\\s+${n('similar', '99.8')} areas`),
      );
    });
  });

  it('indicators: one area against the nation, its region and its nearest neighbours', async () => {
    const c = await api(`/api/v1/compare/${HARTLEPOOL}?nearest=5&profile=${DEFAULT_PROFILE.join(',')}`);
    await visit(`/indicators?area=${HARTLEPOOL}`, 'indicators-area', async (page) => {
      await page.getByTestId('cmp-neighbours').waitFor();
      const names = await page.locator('[data-testid=cmp-neighbours] a').allInnerTexts();
      assert.deepEqual(
        names,
        c.neighbours.map((x: { areanm: string }) => x.areanm),
      );
      const rows = await tableRows(page, 'cmp-table');
      assert.equal(rows.length, c.rows.length);
      const pay = c.rows.find(
        (r: { indicator: { id: string } }) => r.indicator.id === 'gross-median-weekly-pay',
      );
      const row = rows.find((r) => r[0] === pay.indicator.label)!;
      assertNear(numberIn(row[2]!), pay.area.value, 0.1, 'pay');
      assert.equal(row[5], `${pay.comparators[0].verdict['95']} / ${pay.comparators[0].verdict['99.8']}`);
      await page.waitForSelector('[data-figure=cmp] svg');
      await csvServed(page, 'cmp', ['indicator', 'vs_national_95', 'trend']);
    });
    // an ITL3 area: its neighbours named as the API names them, on the ITL3 profile
    const itl3 = await api(`/api/v1/compare/TLC11?nearest=5&profile=${ITL3_PROFILE.join(',')}`);
    await visit('/indicators?area=TLC11', 'indicators-area-itl3', async (page) => {
      await page.getByTestId('cmp-neighbours').waitFor();
      const names = await page.locator('[data-testid=cmp-neighbours] a').allInnerTexts();
      assert.deepEqual(
        names,
        itl3.neighbours.map((x: { areanm: string }) => x.areanm),
      );
      assert.ok(
        names.every((n) => !/^TL[A-Z]\d\d$/.test(n)),
        names.join('; '),
      );
    });
  });

  it('missions: an EXAMPLE mission, the national verdict and roll-up, every area mapped', async () => {
    const m = await api('/api/v1/missions/good-jobs-fair-pay');
    const h = m.areas.find((a: { areacd: string }) => a.areacd === HARTLEPOOL);
    await visit('/missions?id=good-jobs-fair-pay', 'missions', async (page) => {
      await mapDrawn(page);
      assert.match(await page.getByTestId('mission').locator('h2').innerText(), /^EXAMPLE/);
      assert.equal(await page.getByTestId('mission-rule').innerText(), m.mission.statusRule);
      assert.equal(
        await page.getByTestId('mission-national').innerText(),
        m.national.track === 'on' ? 'on track' : 'off track',
      );
      assertNear(
        numberIn(await page.getByTestId('mission-share').innerText()),
        m.rollup.onTrackShare * 100,
        0.1,
        'share on track',
      );
      const legend = await page.getByTestId('legend-classes').innerText();
      assert.match(legend, new RegExp(`On track\\s+${m.rollup.tally.on.areas} areas`));
      assert.match(legend, new RegExp(`Off track\\s+${m.rollup.tally.off.areas} areas`));
      const tip = await tooltip(page, `/area/${HARTLEPOOL}`);
      assert.match(tip, new RegExp(h.track === 'on' ? 'On track' : 'Off track'));
      const pay = h.indicators.find((i: { indicator: string }) => i.indicator === 'gross-median-weekly-pay');
      if (pay.pOnTrack !== null)
        assert.ok(tip.includes(`P(on track) ${Math.round(pay.pOnTrack * 100)}%`), tip);
      const rows = (await tableRows(page, 'mission-areas-table')).filter((r) => r[1] === HARTLEPOOL);
      assert.equal(rows.length, h.indicators.length);
      await page.waitForSelector('[data-figure=mission-rollup] svg');
      await csvServed(page, 'mission-areas', ['areacd', 'track', 'p_on_track']);
    });
  });

  it('entitlements: floors, national summary, a floor by area, ranking with intervals', async () => {
    const e = await api('/api/v1/entitlements');
    const gigabit = e.summary.find((s: { floor: string }) => s.floor === 'gigabit');
    const h = e.rows.find(
      (r: { areacd: string; floor: string }) => r.areacd === HARTLEPOOL && r.floor === 'gigabit',
    );
    await visit('/entitlements?floor=gigabit', 'entitlements', async (page) => {
      await mapDrawn(page);
      assert.equal(await page.locator('[data-testid=floors] article').count(), e.summary.length);
      const summary = (await tableRows(page, 'ent-summary-table')).find((r) => r[0] === gigabit.title)!;
      assert.equal(summary[3], `${gigabit.areasBelow} / ${gigabit.areasAssessed}`);
      assertNear(numberIn(summary[5]!), gigabit.peopleToFloor, 1, 'people to reach the floor');
      const tip = await tooltip(page, `/area/${HARTLEPOOL}`);
      assertNear(numberIn(tip.split('\n').find((l) => l.includes('short'))!), h.shortfall, 0.01, 'shortfall');
      const row = (await tableRows(page, 'floor-table')).find((r) => r[1] === HARTLEPOOL)!;
      assertNear(numberIn(row[5]!), h.peopleToFloor, 1, 'Hartlepool people to reach');
      const ranking = await tableRows(page, 'ent-ranking-table');
      assert.equal(ranking.length, e.ranking.length);
      const top = e.ranking[0];
      assert.deepEqual(ranking[0]!.slice(0, 4), [
        top.areanm,
        top.areacd,
        String(top.medianRank),
        `${top.rankP05}–${top.rankP95}`,
      ]);
      await page.waitForSelector('[data-figure=ent-ranking] svg');
      await csvServed(page, 'ent-ranking', ['median_rank', 'rank_p05', 'rank_p95']);
      await csvServed(page, 'ent-summary', ['cost_low', 'cost_central', 'cost_high']);
    });
  });

  it('gender: local gaps with suppressed values as suppressed, employer distributions, industries', async () => {
    const g = await api('/api/v1/gender');
    const mine = g.local.rows.filter(
      (r: { basis: string; statistic: string; pattern: string }) =>
        r.basis === 'workplace' && r.statistic === 'median' && r.pattern === 'all',
    );
    const h = mine.find((r: { areacd: string }) => r.areacd === HARTLEPOOL);
    const suppressed = mine.filter((r: { status: string | null }) => r.status === 'x');
    assert.ok(suppressed.length > 0, 'the pack has suppressed local gaps');
    await visit('/gender', 'gender', async (page) => {
      await mapDrawn(page);
      const tip = await tooltip(page, `/area/${HARTLEPOOL}`);
      assertNear(numberIn(tip.split('\n').find((l) => l.endsWith('%'))!), h.value, 0.1, 'Hartlepool gap');
      assert.match(
        await page.getByTestId('legend-classes').innerText(),
        new RegExp(`Suppressed by the publisher \\(x\\)\\s+${suppressed.length} area`),
      );
      const x = suppressed[0];
      assert.equal(
        await page.locator(`svg.map path[data-code=${x.areacd}]`).getAttribute('fill'),
        'url(#suppressed)',
      );
      const row = (await tableRows(page, 'gpg-local-table')).find((r) => r[1] === x.areacd)!;
      assert.equal(row[2], 'suppressed by the publisher (x)');
      const layers = await tableRows(page, 'gpg-layers-table');
      assert.equal(layers.length, g.employers.byLayer.length);
      const med = g.employers.byLayer.find((r: { layer: string }) => r.layer === 'foundational-material');
      const fm = layers.find((r) => /^Foundational: material|^foundational-material/.test(r[0]!))!;
      assertNear(numberIn(fm[4]!), med.median, 0.01, 'median employer gap');
      assert.equal(
        (await tableRows(page, 'gpg-industries-table')).filter((r) => r[3]!.startsWith('suppressed')).length,
        g.industries.filter((r: { status: string | null }) => r.status === 'x').length,
      );
      await page.waitForSelector('[data-figure=gpg-sizes] svg');
      await csvServed(page, 'gpg-local', ['basis', 'pattern', 'status']);
      await csvServed(page, 'gpg-layers', ['p10', 'median', 'p90']);
    });
  });
});
