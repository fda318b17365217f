// A report printed to PDF by Chromium (driven by playwright-core): the same self-contained HTML,
// laid out by its print stylesheet on A4. The page is set from the HTML itself with scripts off
// and every request refused, so printing reads nothing from the network or the disk. One printer
// keeps one browser across prints (a batch, or a server's requests): started on first use (or
// early with `start()`), started again when it has died, with at most `concurrency` pages
// printing at once; `close()` ends it.
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../core/chromium.ts';

/** Prints HTML pages to PDF with one Chromium, started on first use. */
export class PdfPrinter {
  #browser: Promise<Browser> | null = null;
  #active = 0;
  #launches = 0;
  #waiting: (() => void)[] = [];
  readonly concurrency: number;

  /** `concurrency`: pages printed at once (default 2: the machine's cores); more wait their turn. */
  constructor(opts: { concurrency?: number } = {}) {
    this.concurrency = Math.max(1, opts.concurrency ?? 2);
  }

  /** The browser, started now if none is running (while a page is still being built, say). */
  start(): Promise<Browser> {
    if (this.#browser) return this.#browser;
    const launching = this.#launch().then((b) => {
      // a browser that dies (crashed, killed) is started again by the next print
      b.on('disconnected', () => {
        if (this.#browser === launching) this.#browser = null;
      });
      return b;
    });
    this.#browser = launching;
    // a failed start is reported by the print that awaits it, which also forgets it
    launching.catch(() => {
      if (this.#browser === launching) this.#browser = null;
    });
    return launching;
  }

  /** Whether a browser is running or starting. */
  get running(): boolean {
    return this.#browser !== null;
  }

  /** Browsers started so far (one, unless one died or was closed). */
  get launches(): number {
    return this.#launches;
  }

  /** Pages printing now. */
  get active(): number {
    return this.#active;
  }

  async #launch(): Promise<Browser> {
    const { chromium } = await import('playwright-core');
    this.#launches++;
    return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
  }

  async #turn(): Promise<void> {
    if (this.#active < this.concurrency) {
      this.#active++;
      return;
    }
    // the finishing print hands its place over, so #active stays as it is
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  #done(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#active--;
  }

  /** The PDF of one self-contained HTML page (A4, backgrounds printed, the page's own @page margins). */
  async print(html: string): Promise<Buffer> {
    await this.#turn();
    try {
      const browser = await this.start();
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
        await context.close().catch(() => undefined);
      }
    } finally {
      this.#done();
    }
  }

  /** Ends the browser (a later print starts another). */
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
