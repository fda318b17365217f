// Reports printed to PDF by Chromium: the printer lays a page out by its print stylesheet (one
// page per forced break, the HTML title as the PDF's), and reads nothing from the network; the
// CLI's --pdf writes the PDF beside the HTML and the API sends it as an attachment.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { startServer } from '../../src/api/server.ts';
import { PdfPrinter } from '../../src/reports/pdf.ts';
import type { Workbench } from '../../src/workbench.ts';
import { strata as run } from '../helpers/cli.ts';
import { PACK_DB, packWorkbench } from '../helpers/pack.ts';
import { registersService } from '../helpers/registers.ts';

/** Pages in a PDF as Chromium (Skia) writes it: one `/Type /Page` dictionary each. */
const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
const title = (pdf: Buffer) => /\/Title \(((?:[^()\\]|\\.)*)\)/.exec(pdf.toString('latin1'))?.[1];

const dir = mkdtempSync(join(tmpdir(), 'strata-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('PdfPrinter', () => {
  const printer = new PdfPrinter();
  after(() => printer.close());

  it('prints one page per forced break, titled by the page, with one browser for many prints', async () => {
    const page = (n: number) =>
      `<!doctype html><html lang="en"><head><title>Three parts ${n}</title><style>h2 { break-before: page; }</style></head><body>` +
      '<h2>One</h2><p>a</p><h2>Two</h2><p>b</p><h2>Three</h2><p>c</p></body></html>';
    const [a, b] = [await printer.print(page(1)), await printer.print(page(2))];
    assert.equal(a.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pages(a), 3);
    assert.equal(title(a), 'Three parts 1');
    assert.equal(title(b), 'Three parts 2');
  });

  it('prints at most `concurrency` pages at once, the rest waiting their turn', async () => {
    const one = new PdfPrinter({ concurrency: 1 });
    try {
      const html = (n: number) =>
        `<!doctype html><html><head><title>p${n}</title></head><body>${n}</body></html>`;
      const prints = [1, 2, 3].map((n) => one.print(html(n)));
      assert.equal(one.active, 1);
      const pdfs = await Promise.all(prints);
      assert.deepEqual(
        pdfs.map((p) => title(p)),
        ['p1', 'p2', 'p3'],
      );
      assert.equal(one.active, 0);
      assert.equal(one.launches, 1);
    } finally {
      await one.close();
    }
  });

  it('starts a new browser when its browser has died, and none after close until the next print', async () => {
    const p = new PdfPrinter();
    try {
      const html = '<!doctype html><html><head><title>again</title></head><body>x</body></html>';
      const first = await p.start();
      await first.close(); // as if Chromium had crashed
      assert.equal(p.running, false);
      assert.equal(title(await p.print(html)), 'again');
      assert.equal(p.launches, 2);
      const second = await p.start();
      await p.close();
      assert.equal(p.running, false);
      assert.equal(second.isConnected(), false);
    } finally {
      await p.close();
    }
  });

  it('fetches nothing the page names', async () => {
    let hits = 0;
    const { createServer } = await import('node:http');
    const server = createServer((_q, s) => {
      hits++;
      s.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const pdf = await printer.print(
        `<!doctype html><html><head><title>t</title><link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"></head>` +
          `<body><img src="http://127.0.0.1:${port}/b.png" alt=""><p>text</p></body></html>`,
      );
      assert.equal(pages(pdf), 1);
      assert.equal(hits, 0);
    } finally {
      server.close();
    }
  });
});

describe('a report as PDF on the data pack', () => {
  let wb: Workbench;
  let app: ReturnType<typeof createApp>;
  let close: () => Promise<void>;
  let civicUrl: string;
  before(async () => {
    wb = await packWorkbench();
    const r = await registersService(wb);
    close = r.close;
    civicUrl = r.url;
    app = createApp({
      workbench: wb,
      webDir: null,
      civic: r.civic,
      costly: { concurrency: 2, waiting: 8, perMinute: 600, burst: 100 },
    });
  });
  after(async () => {
    await close?.();
    wb?.close();
  });

  it('strata report --pdf writes the PDF beside the HTML', async () => {
    const out = join(dir, 'cli');
    const r = await run([
      '--civic',
      `sqlite:${join(dir, 'civic.sqlite')}`,
      'report',
      'E06000001',
      '--as-of',
      '2026-01-01',
      '--pdf',
      '--out',
      out,
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /wrote .*E06000001\.pdf \(\d+ bytes, printed in \d+\.\d s\)/);
    const pdf = readFileSync(join(out, 'E06000001.pdf'));
    assert.equal(title(pdf), 'Hartlepool \\(E06000001\\): economic accountability report, as of 2026-01-01');
    // the contents page, then each of the nine sections from a new page
    assert.ok(pages(pdf) >= 10, `${pages(pdf)} pages`);
    assert.match(readFileSync(join(out, 'E06000001.html'), 'utf8'), /<h1>Hartlepool<\/h1>/);
  });

  it('a server prints concurrent requests with one kept Chromium, and closes it when it closes', async () => {
    const printer = new PdfPrinter();
    const server = await startServer({ db: PACK_DB, port: 0, civic: civicUrl, printer });
    let closed = false;
    try {
      const get = (area: string) => fetch(`${server.url}api/v1/reports/${area}/pdf?asOf=2026-01-01`);
      const [a, b] = await Promise.all([get('E08000003'), get('E06000001')]);
      assert.equal(a.status, 200, await a.clone().text());
      assert.equal(b.status, 200, await b.clone().text());
      assert.match(title(Buffer.from(await a.arrayBuffer())) ?? '', /^Manchester \\\(E08000003\\\)/);
      assert.match(title(Buffer.from(await b.arrayBuffer())) ?? '', /^Hartlepool \\\(E06000001\\\)/);
      assert.equal(printer.launches, 1);
      assert.equal(printer.running, true);
      const browser = await printer.start();
      await server.close();
      closed = true;
      assert.equal(printer.running, false);
      assert.equal(browser.isConnected(), false);
    } finally {
      if (!closed) await server.close();
      await printer.close();
    }
  });

  it('GET /api/v1/reports/{area}/pdf sends the PDF as an attachment', async () => {
    const res = await app.request('/api/v1/reports/E08000003/pdf?asOf=2026-01-01');
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="E08000003-2026-01-01.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(title(pdf), 'Manchester \\(E08000003\\): economic accountability report, as of 2026-01-01');
    assert.equal((await app.request('/api/v1/reports/E08000003/pdf?asOf=2026-13-01')).status, 400);
  });
});
