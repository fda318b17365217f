// The report routes on the data pack with the example register: the HTML page is the one
// `strata report` builds from the input the JSON route gives (byte for byte), served without a
// script and as an attachment on request; bad areas and dates refused; both on the costly list.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../src/api/app.ts';
import { COSTLY_ROUTES } from '../../../src/api/limits.ts';
import { ReportInput } from '../../../src/contract/reports.ts';
import { reportHtml } from '../../../src/reports/page.ts';
import type { Workbench } from '../../../src/workbench.ts';
import { packWorkbench } from '../../helpers/pack.ts';
import { registersService } from '../../helpers/registers.ts';

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

describe('GET /api/v1/reports/{area}', () => {
  it('is the HTML page built from the input the JSON route gives, byte for byte', async () => {
    const res = await app.request('/api/v1/reports/E08000003?asOf=2026-01-01');
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(res.headers.get('content-type')!, /^text\/html/);
    const page = await res.text();
    const inputRes = await app.request('/api/v1/reports/E08000003/input?asOf=2026-01-01');
    assert.equal(inputRes.status, 200);
    const input = ReportInput.parse(await inputRes.json());
    assert.equal(reportHtml(input), page);
    assert.equal(input.asOf, '2026-01-01');
    assert.equal(input.profile.area.areacd, 'E08000003');
    assert.ok(input.commitments.some((c) => c.id === 'E08000003-2024-001'));
    assert.deepEqual(
      input.projections.map((p) => p.projection.id),
      ['P-2023-001'],
    );
    assert.ok(!/<script/i.test(page));
    assert.match(page, /<h1>Manchester<\/h1>/);
    assert.equal(await (await app.request('/api/v1/reports/E08000003?asOf=2026-01-01')).text(), page);
  });

  it('answers the UK by uk, and sends an attachment when asked', async () => {
    const res = await app.request('/api/v1/reports/uk?asOf=2026-01-01&download=1');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="uk-2026-01-01.html"');
    assert.match(await res.text(), /<h1>United Kingdom<\/h1>/);
  });

  it('refuses bad areas, dates and parameters, naming them, an unknown area among them', async () => {
    for (const [url, status] of [
      ['/api/v1/reports/..%2F..%2Fetc%2Fpasswd', 400],
      ['/api/v1/reports/e08000003', 400],
      ['/api/v1/reports/E08000003?asOf=2026-02-30', 400],
      ['/api/v1/reports/E08000003?asOf=yesterday', 400],
      ['/api/v1/reports/E08000003?download=yes', 400],
      ['/api/v1/reports/E08000003?out=/tmp', 400],
      ['/api/v1/reports/E99999999', 400],
      ['/api/v1/reports/E99999999/input', 400],
    ] as const) {
      const res = await app.request(url);
      assert.equal(res.status, status, `${url}: ${await res.clone().text()}`);
    }
  });

  it('is on the costly-route list, HTML and input', () => {
    assert.ok(COSTLY_ROUTES.includes('GET /api/v1/reports/{area}'));
    assert.ok(COSTLY_ROUTES.includes('GET /api/v1/reports/{area}/input'));
  });
});
