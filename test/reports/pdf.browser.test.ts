// Reports printed to PDF by Chromium: the printer lays a page out by its print stylesheet (one
// page per forced break, the HTML title as the PDF's), and reads nothing from the network; the
// CLI's --pdf writes the PDF beside the HTML and the API sends it as an attachment.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { PdfPrinter } from '../../src/reports/pdf.ts';
import type { Workbench } from '../../src/workbench.ts';
import { strata as run } from '../helpers/cli.ts';
import { packWorkbench } from '../helpers/pack.ts';
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
  before(async () => {
    wb = await packWorkbench();
    const r = await registersService(wb);
    close = r.close;
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
