// Every page of the app, and every participation page in each of its states, checked with
// axe-core in real Chromium against the real server on the pack: no serious or critical
// violation anywhere. The list of pages is checked against the router and the server's page
// table, so a page added to either without a place here fails this test.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { checkConsultationFile, CivicService } from '../../src/civic/service.ts';
import { mailbox } from '../civic/mailbox.ts';
import { axeProblems } from './axe.ts';
import { launch, OUTPUT, screenshot, serveApp } from './helpers.ts';

const ADMIN = { subject: 'cli:test', role: 'admin' as const };
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();
const OPTIONS = [
  { id: 'play', name: 'Play area', cost: '20000', description: 'A new play area by the river.' },
  { id: 'bikes', name: 'Bike racks', cost: '10000' },
  { id: 'trees', name: 'Tree planting', cost: '20000' },
];
const GOALS = [
  { id: 'pay', name: 'Better pay' },
  { id: 'care', name: 'Care services' },
  { id: 'green', name: 'Cleaner air' },
];
/** One consultation of each ballot kind, running, plus a budget and a goal weighting that have closed. */
const KINDS = {
  approval: { ballot: 'approval', rule: 'equalshares/add1', budget: '30000', options: OPTIONS },
  knapsack: { ballot: 'knapsack', rule: 'greedy', budget: '30000', options: OPTIONS },
  ranking: { ballot: 'ranking', rule: 'borda', options: OPTIONS.map(({ id, name }) => ({ id, name })) },
  points: { ballot: 'points', rule: 'mean', options: GOALS },
} as const;
type Kind = keyof typeof KINDS;
const CLOSED: Record<string, Kind> = { 'closed-approval': 'approval', 'closed-points': 'points' };
const codes: Partial<Record<Kind, string[]>> = {};

const file = (id: string, kind: Kind) =>
  checkConsultationFile({
    id,
    title: `Hartlepool ${kind} consultation`,
    area: 'E06000001',
    electorate: 'codes',
    opens: at(-HOUR),
    closes: at(24 * HOUR),
    description: 'How should the fund be spent?',
    ...KINDS[kind],
  });

async function prepare(civicUrl: string): Promise<void> {
  const svc = await CivicService.open(civicUrl, { mail: null });
  try {
    for (const kind of Object.keys(KINDS) as Kind[]) {
      await svc.createConsultation(ADMIN, file(kind, kind));
      await svc.openConsultation(ADMIN, kind);
      codes[kind] = (await svc.issueCodes(ADMIN, kind, { count: 4, expiresAt: at(24 * HOUR) })).codes;
    }
    for (const [id, kind] of Object.entries(CLOSED)) {
      await svc.createConsultation(ADMIN, file(id, kind));
      await svc.openConsultation(ADMIN, id);
      const batch = (await svc.issueCodes(ADMIN, id, { count: 3, expiresAt: at(24 * HOUR) })).codes;
      const ballots =
        kind === 'points'
          ? [
              { pay: 50, care: 30, green: 20 },
              { pay: 20, care: 60, green: 20 },
              { pay: 0, care: 50, green: 50 },
            ]
          : [['play', 'bikes'], ['trees'], ['play']];
      for (const [i, code] of batch.entries()) {
        const { session } = await svc.redeem({ consultationId: id, code, ip: `10.0.0.${i}` });
        await svc.submitBallot({
          consultationId: id,
          session,
          ballot: ballots[i]!,
          declared: { ageBand: i === 0 ? '65+' : '25-49', sex: null },
        });
      }
      await svc.closeConsultation(ADMIN, id);
    }
  } finally {
    await svc.close();
  }
}

let server: { url: string; close: () => Promise<void> };
let browser: Awaited<ReturnType<typeof launch>>;
// The server mails through a real SMTP server in this process (the notify-me confirmation).
let mail: Awaited<ReturnType<typeof mailbox>>;
const MAIL_ENV = ['STRATA_SMTP_URL', 'STRATA_MAIL_FROM', 'STRATA_PUBLIC_URL'] as const;
before(async () => {
  mail = await mailbox();
  const saved = MAIL_ENV.map((k) => process.env[k]);
  Object.assign(process.env, {
    STRATA_SMTP_URL: mail.url,
    STRATA_MAIL_FROM: 'consult@council.example',
    STRATA_PUBLIC_URL: 'http://127.0.0.1:8080',
  });
  try {
    server = await serveApp((_wb, civicUrl) => prepare(civicUrl));
  } finally {
    MAIL_ENV.forEach((k, i) =>
      saved[i] === undefined ? delete process.env[k] : (process.env[k] = saved[i]),
    );
  }
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await mail?.close();
});

/** Waits until the web app's page has its heading and nothing is still loading. */
async function settled(page: Page, selector?: string): Promise<void> {
  // a function, not a string: the app's content security policy forbids eval
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelector: (s: string) => unknown } }).document;
    return doc.querySelector('main h1') !== null && doc.querySelector('.status.loading') === null;
  });
  if (selector) await page.waitForSelector(selector);
}

/** The web app's pages: path, and what shows that its content has arrived. */
const APP: { name: string; path: string; ready?: string; then?: (page: Page) => Promise<void> }[] = [
  { name: 'atlas', path: '/', ready: 'svg.map path.area' },
  { name: 'atlas', path: '/?level=cauth', ready: 'svg.map path.area' },
  { name: 'area', path: '/area/E06000001', ready: '[data-testid=area-name]' },
  { name: 'area', path: '/area/E47000006', ready: '[data-testid=area-name]' },
  { name: 'area', path: '/area/TLC11', ready: '[data-testid=area-name]' },
  {
    name: 'area',
    path: '/area/group?areas=E06000001,E06000005&name=Hartlepool%20and%20Darlington',
    ready: '[data-testid=group-comparators]',
  },
  { name: 'area', path: '/area/group', ready: '#group-search' },
  {
    name: 'compare',
    path: '/compare?areas=E06000001,E08000026,E08000024',
    ready: '[data-figure=compare-composition] svg',
  },
  {
    name: 'interactions',
    path: '/interactions?area=TLC11',
    ready: '[data-figure=io-multipliers] svg',
    then: async (page) => {
      // the shock, with spill-overs: its result, its split by place and its chart
      await page.selectOption('#shock-industry', 'Q87 & Q88');
      await page.fill('#shock-amount', '10');
      await page.getByLabel(/Follow spill-overs/).check();
      await page.getByRole('button', { name: 'Calculate' }).click();
      await page.waitForSelector('[data-testid=io-shock-places] tbody tr');
    },
  },
  { name: 'data', path: '/data', ready: '[data-testid=datasets-table]' },
  { name: 'indicators', path: '/indicators', ready: '[data-testid=registry-table]' },
  {
    name: 'indicators',
    path: '/indicators?id=gross-median-weekly-pay&level=cauth',
    ready: 'svg.map path.area',
  },
  { name: 'missions', path: '/missions', ready: '[data-testid=mission-list]' },
  { name: 'entitlements', path: '/entitlements', ready: '[data-figure=ent-ranking] svg' },
  { name: 'gender', path: '/gender', ready: '[data-figure=gpg-sizes] svg' },
  {
    name: 'scenarios',
    path: '/scenarios',
    then: async (page) => {
      const form = page.getByRole('form', { name: 'Add an intervention' });
      await form.getByLabel('Intervention id').fill('care');
      await form.getByLabel('Area (local authority code)').fill('E06000001');
      await form.getByLabel(/^Industry/).fill('Q87');
      await form.getByLabel('£ a year').fill('10000000');
      await form.getByRole('button', { name: 'Add intervention' }).click();
      const run = page.getByRole('form', { name: 'Run the scenario' });
      await run.getByLabel('Draws').fill('100');
      await run.getByRole('button', { name: 'Run the scenario' }).click();
      await page.getByTestId('scn-outcome-table').waitFor({ state: 'attached' });
      await page.waitForSelector('[data-figure=scn-frontier] svg');
    },
  },
  { name: 'finance', path: '/finance' },
  { name: 'procurement', path: '/procurement' },
  { name: 'commitments', path: '/commitments' },
  { name: 'reports', path: '/reports' },
  { name: 'not-found', path: '/no-such-page' },
];

/** The names the router gives its pages (App.svelte), read from the source. */
function routerPages(): string[] {
  const app = readFileSync('src/web/App.svelte', 'utf8');
  const loaders = /const LOADERS = \{([\s\S]*?)\n {2}\};/.exec(app)?.[1] ?? '';
  const lazy = [...loaders.matchAll(/^\s*([a-z-]+): \(\) => import/gm)].map((m) => m[1]!);
  assert.ok(lazy.length > 5, 'the page loaders are found in App.svelte');
  return ['atlas', 'not-found', ...lazy].sort();
}

/** The GET pages the server renders under /participate (src/api/civic/pages.ts), read from the source. */
function participatePages(): string[] {
  const src = readFileSync('src/api/civic/pages.ts', 'utf8');
  const paths = [...src.matchAll(/\['GET', '(\/participate[^']*)'/g)].map((m) => m[1]!);
  assert.ok(paths.length > 5, 'the page table is found in pages.ts');
  return paths.filter((p) => !p.includes('/assets/')).sort();
}

describe('accessibility (axe-core): no serious or critical violation on any page', () => {
  const visited = new Set<string>();
  const coveredParticipate = new Set<string>();
  const problems: string[] = [];

  let last = Date.now();
  async function check(page: Page, where: string): Promise<void> {
    problems.push(...(await axeProblems(page, where)));
    // each state as a picture too, to look at (test-output/a11y-….png)
    await screenshot(page, `a11y${where.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}`);
    console.log(`  ${where}: ${Date.now() - last} ms`);
    last = Date.now();
  }

  it('covers every page of the router and of the participation pages', () => {
    assert.deepEqual([...new Set(APP.map((p) => p.name))].sort(), routerPages());
    assert.deepEqual(
      participatePages(),
      [
        '/participate',
        '/participate/*',
        '/participate/check',
        '/participate/login',
        '/participate/notify-confirm',
        '/participate/reset',
        '/participate/verify',
        '/participate/{id}',
        '/participate/{id}/results',
      ],
      'a new participation page needs its visit below',
    );
  });

  it('the web app', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(120_000);
    try {
      for (const p of APP) {
        await page.goto(server.url + p.path.slice(1));
        await settled(page, p.ready);
        await p.then?.(page);
        await check(page, p.path);
        visited.add(p.name);
      }
    } finally {
      await page.close();
    }
  });

  it('the participation pages, in every state', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    const visit = async (path: string, pattern: string) => {
      const res = await page.goto(server.url + path.slice(1));
      assert.ok(res, path);
      await page.waitForSelector('main h1');
      await check(page, path);
      coveredParticipate.add(pattern);
    };
    try {
      await visit('/participate', '/participate');
      await visit('/participate/login', '/participate/login');
      await visit('/participate/verify?token=abc', '/participate/verify');
      await visit('/participate/reset?token=abc', '/participate/reset');
      await visit('/participate/check', '/participate/check');
      await visit('/participate/no-such/page', '/participate/*');
      for (const kind of Object.keys(KINDS) as Kind[]) {
        // before a code: the options and the evidence; then the ballot form
        await visit(`/participate/${kind}`, '/participate/{id}');
        await page.fill('#code', codes[kind]![0]!);
        await page.locator('form[action$="/redeem"] button[type=submit]').click();
        await page.waitForSelector('form[action$="/ballot"]');
        await check(page, `/participate/${kind} (ballot form)`);
        await fillBallot(page, kind);
        await page.locator('form[action$="/ballot"] button[type=submit]').first().click();
        await page.waitForURL(/receipt=[0-9a-f]{64}/);
        await check(page, `/participate/${kind} (receipt, notify form)`);
        const receipt = new URL(page.url()).searchParams.get('receipt')!;
        if (kind === 'approval') {
          // an empty ballot asks for confirmation; a refused one comes back with the reason
          for (const box of await page.locator('form[action$="/ballot"] input[type=checkbox]').all())
            await box.uncheck();
          await page.locator('form[action$="/ballot"] button[type=submit]').first().click();
          await page.waitForSelector('input[name=confirmEmpty]', { state: 'attached' });
          await check(page, `/participate/${kind} (confirm an empty ballot)`);
          await visit(`/participate/check?consultation=${kind}&receipt=${receipt}`, '/participate/check');
          await visit(
            `/participate/check?consultation=${kind}&receipt=${'0'.repeat(64)}`,
            '/participate/check',
          );
        }
        if (kind === 'knapsack') {
          await page.locator('form[action$="/ballot"] input[type=checkbox]').first().waitFor();
          for (const box of await page.locator('form[action$="/ballot"] input[type=checkbox]').all())
            await box.check();
          await page.locator('form[action$="/ballot"] button[type=submit]').first().click();
          await page.waitForSelector('.notice-error');
          await check(page, `/participate/${kind} (over budget, kept as entered)`);
        }
      }
      // still on the last receipt: leave an address to be told the result
      await page.fill('#notify-email', 'resident@example.org');
      await page.locator('form.notify-me button[type=submit]').click();
      await page.waitForURL(/noted=1/);
      await check(page, '/participate/points (notify: address noted)');
      // the confirmation link in the real message: its page, then the button that confirms
      const link = /http:\/\/127\.0\.0\.1:8080(\/participate\/notify-confirm\?token=[A-Za-z0-9_-]+)/.exec(
        (await mail.next('resident@example.org')).text,
      )![1]!;
      await visit(link, '/participate/notify-confirm');
      await page.locator('main form button[type=submit]').click();
      await page.waitForSelector('text=Your address is confirmed');
      await check(page, '/participate/notify-confirm (confirmed)');
      for (const id of Object.keys(CLOSED)) {
        await visit(`/participate/${id}`, '/participate/{id}');
        await visit(`/participate/${id}/results`, '/participate/{id}/results');
      }
    } finally {
      await page.close();
    }
    assert.deepEqual([...coveredParticipate].sort(), participatePages());
  });

  it('finds nothing serious', () => {
    // the whole list in a file, a count by rule and page in the message
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, 'axe.txt'), problems.join('\n') + '\n');
    const counts = new Map<string, number>();
    for (const p of problems) {
      const key = p.replace(/ at [\s\S]*/, '');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const summary = [...counts].map(([k, n]) => `${k}: ${n} element(s)`).join('\n');
    assert.equal(
      problems.length,
      0,
      `axe-core found (all in ${OUTPUT}/axe.txt):\n${summary}\n\n${problems.slice(0, 20).join('\n')}`,
    );
  });
});

/** A valid ballot of each kind, through the form. */
async function fillBallot(page: Page, kind: Kind): Promise<void> {
  const form = page.locator('form[action$="/ballot"]');
  switch (kind) {
    case 'approval':
    case 'knapsack':
      await form.locator('input[type=checkbox]').first().check();
      return;
    case 'ranking': {
      const selects = await form.locator('select[name^="rank:"]').all();
      for (const [i, s] of selects.entries()) {
        const values = await s
          .locator('option')
          .evaluateAll((os) => os.map((o) => o.getAttribute('value') ?? ''));
        const pick = values.filter((v) => v !== '')[i];
        if (pick) await s.selectOption(pick);
      }
      return;
    }
    case 'points': {
      const inputs = await form.locator('input[type=number]').all();
      for (const [i, input] of inputs.entries()) await input.fill(i === 0 ? '100' : '0');
      return;
    }
  }
}
