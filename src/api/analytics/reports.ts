// An area's accountability report over HTTP, read-only: the self-contained HTML page (as
// `strata report` writes it), the input it is built from, as JSON in the contract's shape,
// and the same page printed to PDF by Chromium. All are costly (the area's profile, the charts,
// the browser) and on the costly-route list; without Chromium on the server the PDF is a 503.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { ReportInput } from '../../contract/reports.ts';
import { versionLine } from '../../core/version.ts';
import { NoChromium } from '../../workbench.ts';
import { civicOf } from '../civic/guard.ts';
import { HttpError } from '../errors.ts';
import type { ApiDeps } from '../deps.ts';
import { errorResponses, jsonResponse, TaxonomyParam } from '../schemas.ts';
import { IsoDate } from './accountability.ts';

const ReportArea = z
  .string()
  .regex(/^(uk|[A-Z0-9]{3,9})$/, 'an area code such as E06000001 or TLC11, or uk')
  .openapi({ param: { name: 'area', in: 'path' }, example: 'E06000001' });

const ReportQuery = z.strictObject({
  asOf: IsoDate.optional().openapi({ description: 'the date the report speaks for (default today, UTC)' }),
  taxonomy: TaxonomyParam,
});

const html = createRoute({
  method: 'get',
  path: '/api/v1/reports/{area}',
  summary:
    'One area’s accountability report as one self-contained HTML page (inline SVG charts with their tables, no script, appendix of datasets and methods); the same store, registers, commit and asOf give the same bytes',
  request: {
    params: z.strictObject({ area: ReportArea }),
    query: ReportQuery.extend({
      download: z.enum(['1']).optional().openapi({ description: '1 to be sent as an attachment' }),
    }),
  },
  responses: {
    200: { description: 'The report', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses,
  },
});

const pdf = createRoute({
  method: 'get',
  path: '/api/v1/reports/{area}/pdf',
  summary:
    'One area’s accountability report printed to PDF (A4, tagged, with an outline) by Chromium from the same HTML page; 503 when the server has no Chromium',
  request: { params: z.strictObject({ area: ReportArea }), query: ReportQuery },
  responses: {
    200: {
      description: 'The report as PDF',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

const input = createRoute({
  method: 'get',
  path: '/api/v1/reports/{area}/input',
  summary:
    'What an area’s report is built from: the profile, commitments with the status known at asOf, projections with their outturn, datasets with their checksums, methods with their versions',
  request: { params: z.strictObject({ area: ReportArea }), query: ReportQuery },
  responses: jsonResponse(ReportInput, 'Report input'),
});

const today = () => new Date().toISOString().slice(0, 10);
let version: string | undefined;
/** The build's identity, read once (it asks git when run from a checkout). */
const versionOnce = () => (version ??= versionLine());

export function reportRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const { workbench: wb } = deps;
  app.openapi(html, async (c) => {
    const { area } = c.req.valid('param');
    const { asOf = today(), taxonomy, download } = c.req.valid('query');
    const page = await wb.report(
      civicOf(deps).registers,
      { area, asOf, version: versionOnce() },
      wb.taxonomy(taxonomy),
    );
    if (download) c.header('content-disposition', `attachment; filename="${area}-${asOf}.html"`);
    c.header('cache-control', 'no-cache');
    return c.html(page, 200);
  });
  app.openapi(pdf, async (c) => {
    const { area } = c.req.valid('param');
    const { asOf = today(), taxonomy } = c.req.valid('query');
    const page = await wb.report(
      civicOf(deps).registers,
      { area, asOf, version: versionOnce() },
      wb.taxonomy(taxonomy),
    );
    const printer = deps.printer ?? (await wb.pdfPrinter());
    const bytes = await printer
      .print(page)
      .catch((e: unknown) => {
        if (e instanceof NoChromium) throw new HttpError(503, 'no_chromium', e.message);
        throw e;
      })
      .finally(() => (deps.printer ? undefined : printer.close()));
    c.header('content-disposition', `attachment; filename="${area}-${asOf}.pdf"`);
    c.header('cache-control', 'no-cache');
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/pdf' });
  });
  app.openapi(input, async (c) => {
    const { area } = c.req.valid('param');
    const { asOf = today(), taxonomy } = c.req.valid('query');
    const r = await wb.reportInput(
      civicOf(deps).registers,
      { area, asOf, version: versionOnce() },
      wb.taxonomy(taxonomy),
    );
    c.header('cache-control', 'no-cache');
    return c.json(r, 200);
  });
}
