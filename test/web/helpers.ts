// What the browser tests and the web benchmark share: the built app served by the real server
// over the integration-test store, and Chromium (the system's, else npm's) driven by playwright-core.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type ServerOptions } from '../../src/api/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';
import type { Workbench } from '../../src/workbench.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';

export const OUTPUT = 'test-output';

/** Builds dist/web if it is missing or older than src/web. */
export function buildWeb(): void {
  const res = spawnSync(process.execPath, ['scripts/build-web.js'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('the web app did not build (node scripts/build-web.js)');
}

/**
 * The app served on an ephemeral port over the pack store (imported first if needed), with a
 * civic store of its own in a temporary folder (never the developer's), filled by `prepare` first.
 */
export async function serveApp(
  prepare?: (wb: Workbench, civicUrl: string) => Promise<void>,
  opts: Pick<ServerOptions, 'costly'> = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  buildWeb();
  const wb = await packWorkbench();
  const dir = mkdtempSync(join(tmpdir(), 'strata-web-civic-'));
  const civic = `sqlite:${join(dir, 'civic.sqlite')}`;
  try {
    await prepare?.(wb, civic);
  } finally {
    wb.close();
  }
  const server = await startServer({ db: PACK_DB, port: 0, civic, ...opts });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Chromium in a fresh profile folder, headless, with the flags DEVELOPERS.md names (`executable` to choose one). */
export async function launch(
  viewport = { width: 1280, height: 900 },
  executable?: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'strata-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: executable ?? (await chromiumPath()),
    viewport,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page that records every console error, failed request and uncaught exception. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // a fetch cut short by leaving the page is not a failure of the app
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()}`);
  });
  return { page, problems };
}

/** Saves a full-page screenshot as test-output/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

/** A number as the page prints it: "£1,436.0m" → 1436, "33.3%" → 33.3, "−1.6%" → −1.6. */
export function numberIn(text: string): number {
  const m = /([−-])?\s*£?\s*([\d,]+(?:\.\d+)?)/.exec(text);
  if (!m) throw new Error(`no number in: ${text}`);
  return (m[1] ? -1 : 1) * Number(m[2]!.replace(/,/g, ''));
}

/** Fails unless a number read off the page is the API's, to the page's rounding step. */
export function assertNear(page: number, expected: number, step: number, what: string): void {
  assert.ok(Math.abs(page - expected) <= step / 2 + 1e-9, `${what}: page ${page}, API ${expected}`);
}

/** Opens a URL, runs the checks, screenshots, and fails on any console error on the way. */
export async function visitPage(
  context: BrowserContext,
  url: string,
  shot: string,
  check: (page: Page) => Promise<void>,
): Promise<void> {
  const { page, problems } = await watchedPage(context);
  try {
    await page.goto(url);
    await check(page);
    await screenshot(page, shot);
    assert.deepEqual(problems, [], `console errors on ${url}`);
  } finally {
    await page.close();
  }
}

/** The body rows of a table by test id (its details opened), as cell texts. */
export async function tableRows(page: Page, testid: string): Promise<string[][]> {
  const table = page.getByTestId(testid);
  await table.waitFor({ state: 'attached' });
  await table.evaluate((t) => {
    const d = t.closest('details');
    if (d) d.open = true;
  });
  return table.evaluate((t) =>
    [...t.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => (c.textContent ?? '').trim()),
    ),
  );
}
