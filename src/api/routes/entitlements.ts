import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { defaultFloors, entitlementRows, entitlements, fromValue } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendJson, sendTable } from '../respond.ts';
import { FormatQuery, jsonResponse, LadParam, tableResponse, TaxonomyParam } from '../schemas.ts';
import { fileBody, fileErrors, jsonBody, registry, respond, withIssues } from './beyond-shared.ts';

const Report = z
  .object({
    floors: z.object({ id: z.string(), title: z.string(), source: z.string(), note: z.string().nullable() }),
    summary: z.array(z.object({}).passthrough()),
    rows: z.array(z.object({}).passthrough()),
    ranking: z.array(z.object({}).passthrough()),
    notes: z.array(z.string()),
  })
  .openapi('EntitlementReport');

const query = z.object({
  view: z
    .enum(['rows', 'summary', 'ranking'])
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
  responses: tableResponse(Report, 'Entitlements'),
});

const floors = createRoute({
  method: 'get',
  path: '/api/v1/entitlements/floors',
  summary: 'The default floors with their rationale and unit costs, as a floors file to edit and post back',
  responses: jsonResponse(z.object({}).passthrough(), 'Default floors'),
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
  responses: { ...tableResponse(Report, 'Entitlements'), ...fileErrors },
});

export function entitlementRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(get, (c) => {
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendTable(c, `entitlements|${q.view}|${q.area ?? ''}|${taxonomy.id}`, async () => {
      const r = await entitlements(
        deps.store,
        registry(),
        taxonomy,
        defaultFloors(),
        q.area ? { area: q.area } : {},
      );
      return { json: r, ...entitlementRows(r, q.view) };
    }) as never;
  });
  app.openapi(floors, (c) => sendJson(c, 'entitlement-floors', () => defaultFloors().value) as never);
  app.openapi(post, async (c) => {
    const q = c.req.valid('query');
    const body = await jsonBody(c);
    const taxonomy = deps.taxonomy(q.taxonomy);
    const r = await withIssues(() =>
      entitlements(
        deps.store,
        registry(),
        taxonomy,
        fromValue(body, 'request body'),
        q.area ? { area: q.area } : {},
      ),
    );
    return respond(c, r, entitlementRows(r, q.view)) as never;
  });
}
