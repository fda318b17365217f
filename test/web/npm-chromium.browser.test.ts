// The browser tests run on the system's Chromium where there is one and on the build distributed
// through npm where there is not; this one always uses npm's, so CI (which installs Debian's)
// exercises that path too: the atlas draws every LAD with the API's numbers and logs no error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { npmChromium, SYSTEM_CHROMIUM } from '../helpers/chromium.ts';
import { launch, serveApp, visitPage } from './helpers.ts';

let server: { url: string; close: () => Promise<void> };
let browser: { context: BrowserContext; close: () => Promise<void> };
let executable: string;

before(async () => {
  server = await serveApp();
  executable = await npmChromium();
  browser = await launch(undefined, executable);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the app in npm-distributed Chromium', () => {
  it('draws the atlas: one path per LAD, the year in the title', async () => {
    assert.notEqual(executable, SYSTEM_CHROMIUM);
    await visitPage(browser.context, server.url, 'atlas-npm-chromium', async (page) => {
      await page.waitForSelector('svg.map path.area');
      assert.equal(await page.locator('svg.map path.area').count(), 361);
      assert.match(await page.locator('#map-title').innerText(), /2023/);
    });
  });
});
