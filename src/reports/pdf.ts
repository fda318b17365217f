// A report printed to PDF by Chromium (driven by playwright-core): the same self-contained HTML,
// laid out by its print stylesheet on A4. The page is set from the HTML itself with scripts off
// and every request refused, so printing reads nothing from the network or the disk. One printer
// keeps one browser for a batch; `close()` ends it.
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../core/chromium.ts';

/** Prints HTML pages to PDF with one Chromium, started on first use. */
export class PdfPrinter {
  #browser: Promise<Browser> | null = null;

  async #launch(): Promise<Browser> {
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  }

  /** The PDF of one self-contained HTML page (A4, backgrounds printed, the page's own @page margins). */
  async print(html: string): Promise<Buffer> {
    this.#browser ??= this.#launch();
    const browser = await this.#browser.catch((e: unknown) => {
      this.#browser = null;
      throw e;
    });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
      });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    const b = this.#browser;
    this.#browser = null;
    if (b) await (await b.catch(() => null))?.close();
  }
}

/** One page's PDF, with a browser started and closed for it. */
export async function printPdf(html: string): Promise<Buffer> {
  const printer = new PdfPrinter();
  try {
    return await printer.print(html);
  } finally {
    await printer.close();
  }
}
