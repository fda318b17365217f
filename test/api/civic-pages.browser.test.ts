// The participation pages in Chromium with JavaScript switched off, driven from the keyboard
// only: open the ballot page of a running consultation (evidence panel included), enter an
// invitation code, tick options, submit, see the receipt; after the close, the result page with
// the verification steps. The session cookie (Secure, HttpOnly, SameSite=Strict) must be
// accepted on http://127.0.0.1.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../src/api/server.ts';
import { checkConsultationFile, CivicService } from '../../src/civic/service.ts';
import { readEntries } from '../../src/civic/service/log.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';
import { RIVERSIDE } from '../civic/consultation-fixture.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
let dir: string;
let civicUrl: string;
let server: { url: string; close: () => Promise<void> };
let context: BrowserContext;
let code: string;

before(async () => {
  (await packWorkbench()).close();
  dir = mkdtempSync(join(tmpdir(), 'strata-civic-browser-'));
  civicUrl = `sqlite:${join(dir, 'civic.sqlite')}`;
  const svc = await CivicService.open(civicUrl);
  const now = Date.now();
  const file = {
    ...RIVERSIDE,
    opens: new Date(now - 60_000).toISOString(),
    closes: new Date(now + 3_600_000).toISOString(),
  };
  await svc.createConsultation(ADMIN, checkConsultationFile(file));
  await svc.openConsultation(ADMIN, RIVERSIDE.id);
  code = (await svc.issueCodes(ADMIN, RIVERSIDE.id, { count: 1, expiresAt: file.closes })).codes[0]!;
  await svc.close();
  server = await startServer({ db: PACK_DB, port: 0, civic: civicUrl });
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: await chromiumPath(),
    javaScriptEnabled: false,
    args: CHROMIUM_ARGS,
  });
});
after(async () => {
  await context?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await page.locator(`${selector}:focus`).count()) > 0) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-output', { recursive: true });
  await page.screenshot({ path: `test-output/participate-${name}.png`, fullPage: true });
}

describe('participation pages without JavaScript, by keyboard', () => {
  it('a code, a ballot, a receipt; then the result with the steps to verify it', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}participate`);
    await tabTo(page, `a[href="/participate/${RIVERSIDE.id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/participate/${RIVERSIDE.id}`);
    assert.match(await page.locator('#evidence').innerText(), /About Hartlepool’s economy/);
    assert.ok((await page.locator('section[aria-labelledby=evidence] details table').count()) >= 2);
    await tabTo(page, '#code');
    await page.keyboard.type(code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.waitForSelector('form[action$="/ballot"]');
    await shot(page, 'ballot');
    await tabTo(page, '#opt-0');
    await page.keyboard.press('Space');
    await tabTo(page, '#opt-2');
    await page.keyboard.press('Space');
    await tabTo(page, 'form[action$="/ballot"] button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/receipt=[0-9a-f]{64}$/);
    assert.match(
      await page.locator('.notice-ok[role=status]').innerText(),
      /Your ballot is recorded as entry 0 of the log/,
    );
    assert.ok(await page.locator('#opt-0').isChecked());
    await shot(page, 'receipt');

    const svc = await CivicService.open(civicUrl);
    try {
      const [entry] = await readEntries(svc.ctx.cdb.read, RIVERSIDE.id);
      assert.deepEqual(entry?.ballot, ['A', 'C']);
      await svc.closeConsultation(ADMIN, RIVERSIDE.id);
    } finally {
      await svc.close();
    }
    await page.goto(`${server.url}participate/${RIVERSIDE.id}/results`);
    const text = await page.locator('main').innerText();
    assert.match(text, /1 ballot was counted/);
    assert.match(text, /strata civic verify riverside-2026\.jsonl --heads riverside-2026-heads\.json/);
    assert.match(text, /Who took part/);
    await shot(page, 'results');
    await page.close();
  });
});
