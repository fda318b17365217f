// The organiser's and the residents' journey through a participatory budget, as the docs
// (docs/participation.md) tell it: the organiser writes the consultation file, creates and opens
// it and issues invitation codes with the CLI; residents vote through the real ballot pages in
// Chromium — one changes their ballot and keeps the age band they declared, one abandons a code
// and comes back to it, one records an empty ballot after confirming it, one checks a receipt —
// then the organiser closes it, exports and verifies the log, and everyone reads the result.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium.ts';
import { PACK_DB } from '../helpers/pack.ts';
import { axeProblems } from './axe.ts';
import { screenshot, serveApp } from './helpers.ts';

const ID = 'riverside-2026';
const dir = mkdtempSync(join(tmpdir(), 'strata-journey-'));
let civicUrl = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
const a11y: string[] = [];

/** `strata --db PACK --civic URL …` in this process, as the organiser types it. */
async function strata(...args: string[]): Promise<void> {
  const io = { out: () => undefined, err: () => undefined, isTTY: false };
  const code = await main(['--db', PACK_DB, '--civic', civicUrl, ...args], io);
  assert.equal(code, 0, `strata ${args.join(' ')} exited ${code}`);
}

/** The example file of docs/participation.md, with dates around today (times with their zone). */
function consultationFile(): string {
  const closes = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
  return `id: ${ID}
title: Riverside neighbourhood fund
area: E06000001
electorate: codes
zone: Europe/London
opens: ${new Date(Date.now() - 3_600_000).toISOString()}
closes: ${closes}
description: How should the £30,000 of the Riverside fund be spent?
ballot: approval
rule: equalshares/add1
budget: "30000"
options:
  - { id: A, name: Play area, cost: "20000", description: A new play area by the river. }
  - { id: B, name: Bike racks, cost: "10000" }
  - { id: C, name: Tree planting, cost: "20000" }
`;
}

let codes: string[] = [];
before(async () => {
  server = await serveApp(async (_wb, url) => {
    civicUrl = url;
    const file = join(dir, 'riverside.yaml');
    writeFileSync(file, consultationFile());
    await strata('civic', 'create', file);
    await strata('civic', 'open', ID);
    const out = join(dir, 'codes.txt');
    const expires = new Date(Date.now() + 7 * 86400_000).toISOString();
    await strata(
      'civic',
      'codes',
      ID,
      '--count',
      '6',
      '--expires',
      expires,
      '--area',
      'E06000001',
      '--out',
      out,
    );
    codes = readFileSync(out, 'utf8').trim().split('\n');
  });
  browser = await chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A resident's own browser (a fresh context: no cookies). */
async function resident(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  return { context, page };
}

async function look(page: Page, name: string): Promise<void> {
  a11y.push(...(await axeProblems(page, name)));
  await screenshot(page, `journey-${name}`);
}

/** From the consultations list to the ballot, with a code. */
async function enterCode(page: Page, code: string): Promise<void> {
  await page.goto(`${server.url}participate`);
  await page.getByRole('link', { name: 'Riverside neighbourhood fund' }).click();
  await page.getByLabel('Your invitation code').fill(code);
  await page.getByRole('button', { name: 'Continue to the ballot' }).click();
  await page.waitForSelector('form#ballot');
}

async function record(
  page: Page,
  button: string | RegExp = /Record my ballot|Change my ballot/,
): Promise<string> {
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/receipt=[0-9a-f]{64}/);
  assert.match(await page.locator('.notice-ok').first().innerText(), /Your ballot is recorded/);
  return new URL(page.url()).searchParams.get('receipt')!;
}

describe('a participatory budget from the organiser’s file to the published result', () => {
  let firstReceipt = '';
  let keptReceipt = '';
  let one: { context: BrowserContext; page: Page };

  it('shows the projects and their costs before any code is entered', async () => {
    one = await resident();
    const { page } = one;
    await page.goto(`${server.url}participate`);
    await page.getByRole('link', { name: 'Riverside neighbourhood fund' }).click();
    const options = await page.locator('ul.options').innerText();
    assert.match(options, /Play area — £20,000/);
    assert.match(options, /Bike racks — £10,000/);
    assert.match(await page.locator('main').innerText(), /The budget to share is £30,000/);
    assert.match(await page.locator('#evidence').innerText(), /Hartlepool/);
    await look(page, 'before-code');
  });

  it('a resident votes, declares an age band, then changes the ballot and keeps it', async () => {
    const { page } = one;
    await enterCode(page, codes[0]!);
    await page.getByLabel(/Play area/).check();
    await page.getByLabel(/Bike racks/).check();
    await page.getByLabel('Age band').selectOption('65+');
    await look(page, 'ballot');
    firstReceipt = await record(page);
    await look(page, 'receipt');
    // back later: the form shows the recorded ballot and what they declared
    await page.goto(`${server.url}participate/${ID}`);
    assert.ok(await page.getByLabel(/Bike racks/).isChecked());
    assert.equal(await page.getByLabel('Age band').inputValue(), '65+');
    await page.getByLabel(/Bike racks/).uncheck();
    await page.getByLabel(/Tree planting/).check();
    keptReceipt = await record(page, 'Change my ballot');
    assert.notEqual(keptReceipt, firstReceipt);
    assert.equal(await page.getByLabel('Age band').inputValue(), '65+');
  });

  it('a code entered and abandoned (browser closed) resumes the same ballot', async () => {
    const first = await resident();
    await enterCode(first.page, codes[1]!);
    await first.context.close();
    const again = await resident();
    try {
      await enterCode(again.page, codes[1]!);
      await again.page.getByLabel(/Play area/).check();
      await again.page.getByLabel(/Bike racks/).check();
      await record(again.page);
    } finally {
      await again.context.close();
    }
  });

  it('an empty ballot asks for confirmation before it is recorded', async () => {
    const r = await resident();
    try {
      await enterCode(r.page, codes[2]!);
      await r.page.getByRole('button', { name: 'Record my ballot' }).click();
      await r.page.getByText('Your ballot is empty.').waitFor();
      assert.equal(new URL(r.page.url()).searchParams.get('receipt'), null, 'nothing recorded yet');
      await look(r.page, 'confirm-empty');
      await record(r.page, 'Record an empty ballot');
    } finally {
      await r.context.close();
    }
  });

  it('a fourth resident supports one project; a code used again returns to its own ballot', async () => {
    const r = await resident();
    try {
      await enterCode(r.page, codes[3]!);
      await r.page.getByLabel(/Play area/).check();
      await record(r.page);
      // the first resident's code on another device: back at their own ballot, as they left it
      const other = await resident();
      await enterCode(other.page, codes[0]!);
      assert.ok(await other.page.getByLabel(/Play area/).isChecked());
      assert.ok(await other.page.getByLabel(/Tree planting/).isChecked());
      assert.ok(!(await other.page.getByLabel(/Bike racks/).isChecked()));
      assert.equal(await other.page.getByLabel('Age band').inputValue(), '65+');
      assert.equal(await other.page.getByRole('button', { name: 'Change my ballot' }).count(), 1);
      await other.context.close();
    } finally {
      await r.context.close();
    }
  });

  it('a receipt checked while voting runs names its entry in the log', async () => {
    const { page } = one;
    await page.goto(`${server.url}participate/check`);
    await page.getByLabel('Consultation').selectOption(ID);
    await page.getByLabel('Your receipt').fill(keptReceipt);
    await page.getByRole('button', { name: 'Check my receipt' }).click();
    assert.match(await page.locator('main').innerText(), /Your ballot is entry 1 of the 5 in the log so far/);
    await look(page, 'check-running');
  });

  it('the organiser closes, exports and verifies; the result is the published rule’s', async () => {
    await strata('civic', 'close', ID);
    const log = join(dir, `${ID}.jsonl`);
    await strata('civic', 'export', ID, '--out', log);
    await strata('civic', 'verify', log);
    const { page } = one;
    await page.goto(`${server.url}participate/${ID}/results`);
    const rows = await page
      .locator('table.results tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    // Equal Shares, 4 voters with £7,500 each: Play area (3 supporters) first; with add1 the
    // budget per voter rises until Bike racks, backed by one voter, fits the £10,000 left.
    assert.deepEqual(rows, [
      ['1', 'Play area', '£20,000', '3', 'Funded'],
      ['2', 'Bike racks', '£10,000', '1', 'Funded'],
      ['', 'Tree planting', '£20,000', '1', 'Not funded'],
    ]);
    const text = await page.locator('main').innerText();
    assert.match(text, /4 ballots were counted/);
    // the changed ballot kept its age band: one of the four told us theirs
    assert.match(text, /1 of 4 voters told us their age band/);
    await look(page, 'results');
  });

  it('after the close a resident sees their own ballot and that the receipt is counted', async () => {
    const { page } = one;
    await page.goto(`${server.url}participate/${ID}`);
    assert.match(
      await page.locator('main').innerText(),
      new RegExp(`You recorded a ballot: entry 1, receipt ${keptReceipt}`),
    );
    await page.getByRole('link', { name: 'See what it says and that it is counted' }).click();
    const text = await page.locator('main').innerText();
    assert.match(text, /entry 1 in the published log of 5 entries, and it is counted/);
    assert.match(text, /It says: Play area, Tree planting\./);
    await look(page, 'check-closed');
    await page.goto(`${server.url}participate/check?consultation=${ID}&receipt=${firstReceipt}`);
    assert.match(await page.locator('main').innerText(), /not counted: you recorded a later ballot/);
    await one.context.close();
  });

  it('every page on the way has no serious accessibility problem', () => {
    assert.deepEqual(a11y, []);
  });
});
