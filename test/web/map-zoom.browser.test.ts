// The atlas map zooms and pans, in Chromium against the real server and the data pack: the
// buttons scale the map (the City of London grows with it) and bring it back whole, Ctrl + wheel
// zooms while a plain wheel leaves the map alone, a drag moves the map without opening the area
// under the pointer, and an area reached from the keyboard is brought into view.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
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

/** What the page functions below read (the tests' TypeScript has no DOM library). */
interface PageGlobals {
  document: { querySelector(s: string): { getAttribute(a: string): string | null } | null };
}

/** The map's zoom as drawn: scale and translation from the view group's transform. */
async function view(page: Page): Promise<{ k: number; x: number; y: number }> {
  const t = (await page.getByTestId('map-view').getAttribute('transform'))!;
  const m = /translate\(([-\d.e]+),([-\d.e]+)\) scale\(([-\d.e]+)\)/.exec(t)!;
  return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
}
/** An area's drawn width in screen pixels (not clipped to the window, as a bounding box would be). */
const width = async (page: Page, code: string): Promise<number> =>
  page.evaluate(`document.querySelector('svg.map path[data-code=${code}]').getBoundingClientRect().width`);

describe('atlas map zoom', () => {
  it('zooms with the buttons and Ctrl + wheel, pans by dragging, and follows the keyboard', async () => {
    await visitPage(browser.context, server.url, 'atlas-zoom', async (page) => {
      await page.waitForSelector('svg.map path.area');
      assert.equal((await view(page)).k, 1);
      assert.ok(await page.getByTestId('zoom-out').isDisabled());
      const city = await width(page, 'E08000025');
      await page.getByTestId('zoom-in').click();
      await page.getByTestId('zoom-in').click();
      const zoomed = await view(page);
      assert.ok(Math.abs(zoomed.k - 1.6 * 1.6) < 1e-9, String(zoomed.k));
      const ratio = (await width(page, 'E08000025')) / city;
      assert.ok(Math.abs(ratio / 2.56 - 1) < 0.03, `Birmingham grew ${ratio}×`);
      assert.match(await page.locator('.zoom-controls').innerText(), /×2\.6 — drag to move/);

      // a drag moves the map and opens nothing
      const box = (await page.locator('svg.map').boundingBox())!;
      const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
      const url = page.url();
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      await page.mouse.move(cx + 60, cy + 40, { steps: 6 });
      await page.mouse.up();
      const moved = await view(page);
      assert.equal(moved.k, zoomed.k);
      assert.ok(
        Math.abs(moved.x - zoomed.x - 60 * (await svgUnits(page))) < 2,
        `${moved.x} ${zoomed.x} ${moved.y} ${zoomed.y} u=${await svgUnits(page)} k=${moved.k}`,
      );
      assert.equal(page.url(), url, 'the drag opened no profile');

      // a plain wheel leaves the zoom alone; Ctrl + wheel zooms in
      await page.mouse.wheel(0, -300);
      assert.equal((await view(page)).k, moved.k);
      const over = (await page.locator('svg.map').boundingBox())!;
      await page.mouse.move(over.x + over.width / 2, over.y + over.height / 2);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -100);
      await page.keyboard.up('Control');
      // (a function, not a string: the app's content security policy forbids evaluating strings)
      await page.waitForFunction(
        (k) =>
          !(globalThis as unknown as PageGlobals).document
            .querySelector('[data-testid=map-view]')!
            .getAttribute('transform')!
            .endsWith(`scale(${k})`),
        moved.k,
      );
      assert.ok((await view(page)).k > moved.k);

      // Tab to an area out of view: the map moves to show it
      // (focus the link before Northumberland's, then Tab to it, as a keyboard user arrives)
      await page.evaluate(
        `document.querySelector('svg.map a:has(path[data-code=E06000057])').previousElementSibling.focus()`,
      );
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate('document.activeElement.querySelector("path").dataset.code'),
        'E06000057',
      );
      const r = (await page.locator('svg.map path[data-code=E06000057]').boundingBox())!;
      const s = (await page.locator('svg.map').boundingBox())!;
      const [mx, my] = [r.x + r.width / 2, r.y + r.height / 2];
      assert.ok(mx > s.x && mx < s.x + s.width && my > s.y && my < s.y + s.height, 'Northumberland in view');

      await page.getByTestId('zoom-reset').click();
      assert.deepEqual(await view(page), { k: 1, x: 0, y: 0 });
    });
  });
});

/** Map units per screen pixel: the SVG's viewBox is fitted into its box whole (xMidYMid meet). */
async function svgUnits(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const svg = document.querySelector('svg.map');
    const box = svg.getBoundingClientRect();
    return Math.max(svg.viewBox.baseVal.width / box.width, svg.viewBox.baseVal.height / box.height);
  })()`);
}
