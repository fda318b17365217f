// The area profile printed through the print stylesheet, as a user's "Print" or "Save as PDF"
// makes it: a PDF of a reasonable length without the navigation or any form control, each page
// also rendered to a picture (pdftoppm) to look at.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { launch, OUTPUT, serveApp } from './helpers.ts';

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

/** The browser's document, typed loosely (the tests compile without the DOM library). */
interface El {
  tagName: string;
  id: string;
  className: unknown;
  scrollHeight: number;
  clientHeight: number;
  scrollWidth: number;
  clientWidth: number;
  getClientRects(): { length: number };
  getAttribute(name: string): string | null;
}
interface Win {
  document: { querySelectorAll(s: string): Iterable<El>; querySelector(s: string): unknown };
  getComputedStyle(e: El): { display: string; visibility: string };
}

/** Pages of a PDF: its page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

describe('a printed area profile', () => {
  for (const [code, most] of [
    ['E06000005', 12],
    ['E47000006', 12],
  ] as const) {
    it(`${code} prints on at most ${most} A4 pages with no navigation or form control`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url + `area/${code}`);
        await page.getByTestId('area-name').waitFor();
        await page.waitForSelector('[data-figure] svg');
        await page.waitForFunction(
          () => (globalThis as unknown as Win).document.querySelector('.status.loading') === null,
        );
        await page.emulateMedia({ media: 'print' });
        const shown = await page.evaluate(() => {
          const w = globalThis as unknown as Win;
          const sel = '.site-header, header nav, input, select, button, form, fieldset, textarea';
          return [...w.document.querySelectorAll(sel)]
            .filter((e) => e.getClientRects().length > 0 && w.getComputedStyle(e).visibility !== 'hidden')
            .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}`);
        });
        assert.deepEqual(shown, [], 'nothing to click or type in on paper');
        // no table cut off by the scroll box it has on screen
        const clipped = await page.evaluate(() =>
          [...(globalThis as unknown as Win).document.querySelectorAll('.table-wrap')]
            .filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
            .map((e) => e.getAttribute('aria-label')),
        );
        assert.deepEqual(clipped, [], 'every table printed whole');
        assert.equal(await page.locator('nav.toc').isVisible(), false);
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        const pages = pageCount(pdf);
        assert.ok(pages >= 3 && pages <= most, `${pages} pages`);
        // each page as a picture to look at: test-output/print-<code>-<n>.png
        mkdirSync(OUTPUT, { recursive: true });
        const file = join(OUTPUT, `print-${code}.pdf`);
        writeFileSync(file, pdf);
        for (const f of readdirSync(OUTPUT).filter((f) => f.startsWith(`print-${code}-`)))
          rmSync(join(OUTPUT, f));
        execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUTPUT, `print-${code}`)]);
        const pictures = readdirSync(OUTPUT).filter(
          (f) => f.startsWith(`print-${code}-`) && f.endsWith('.png'),
        );
        assert.equal(pictures.length, pages);
      } finally {
        await page.close();
      }
    });
  }
});
