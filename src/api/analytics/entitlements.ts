import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  ENTITLEMENT_VIEWS,
  EntitlementReport,
  entitlementViews,
  FloorsFile,
} from '../../contract/entitlements.ts';
import type { ApiDeps } from '../deps.ts';
import { tableNow } from '../respond.ts';
import {
  fileBody,
  fileErrors,
  FormatQuery,
  jsonResponse,
  LadParam,
  tableResponse,
  TaxonomyParam,
} from '../schemas.ts';
import { fileOf } from './body.ts';

const query = z.object({
  view: z
    .enum(ENTITLEMENT_VIEWS)
    .default('rows')
    .openapi({ description: 'which table a CSV download holds (JSON holds all three)' }),
  area: LadParam,
  taxonomy: TaxonomyParam,
  format: FormatQuery,
});

const get = createRoute({
  method: 'get',
  path: '/api/v1/entitlements',
  summary:
    'Every local authority against the default entitlement floors: shortfall, people affected, cost to close, trend and projected year, need ranking with intervals, national summary',
  request: { query },
  responses: tableResponse(EntitlementReport, 'Entitlements'),
});

const floors = createRoute({
  method: 'get',
  path: '/api/v1/entitlements/floors',
  summary: 'The default floors with their rationale and unit costs, as a floors file to edit and post back',
  responses: jsonResponse(FloorsFile, 'Default floors'),
});

const post = createRoute({
  method: 'post',
  path: '/api/v1/entitlements',
  summary:
    'Every local authority against the floors in the body (a floors file as JSON); schema errors name the path in the file',
  request: {
    query,
    body: fileBody('a floors file (see GET /api/v1/entitlements/floors)', {
      id: 'my-floors',
      title: 'My floors',
      floors: [],
    }),
  },
  responses: { ...tableResponse(EntitlementReport, 'Entitlements'), ...fileErrors },
});

export function entitlementRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(get, (c) => {
    const { view, area, taxonomy } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    return responses.table(
      c,
      `entitlements|${view}|${area ?? ''}|${t.id}`,
      () => wb.entitlements(undefined, area ? { area } : {}, t),
      entitlementViews[view],
    );
  });
  app.openapi(floors, (c) => responses.json(c, 'entitlement-floors', () => wb.floors()));
  app.openapi(post, async (c) => {
    const { view, area, taxonomy } = c.req.valid('query');
    const file = await fileOf(c);
    const r = await wb.entitlements(file, area ? { area } : {}, wb.taxonomy(taxonomy));
    return tableNow(c, r, entitlementViews[view]);
  });
}
