import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AREA_LEVELS } from '../../core/levels.ts';
import { AreaList, areaListView, AreaProfile } from '../../contract/areas.ts';
import type { ApiDeps } from '../deps.ts';
import { AreaCode, FormatQuery, jsonResponse, tableResponse, TaxonomyParam } from '../schemas.ts';

const list = createRoute({
  method: 'get',
  path: '/api/v1/areas',
  summary: 'List or search areas by level, name or code',
  request: {
    query: z.object({
      level: z.enum(AREA_LEVELS).optional(),
      q: z.string().max(100).optional().openapi({ description: 'part of a name, or the start of a code' }),
      year: z.coerce
        .number()
        .int()
        .min(1990)
        .max(2100)
        .optional()
        .openapi({ description: 'only codes valid in this year' }),
      limit: z.coerce.number().int().min(1).max(5000).default(500),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(AreaList, 'Areas'),
});

const profile = createRoute({
  method: 'get',
  path: '/api/v1/areas/{code}',
  summary:
    'The profile of one area: layered economy over time, specialisations, real growth, headline indicators',
  request: {
    params: z.object({ code: AreaCode }),
    query: z.object({ taxonomy: TaxonomyParam }),
  },
  responses: jsonResponse(AreaProfile, 'Area profile'),
});

export function areaRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(list, (c) => {
    const { format: _format, ...q } = c.req.valid('query');
    return responses.table(c, `areas|${JSON.stringify(q)}`, () => wb.areas(q), areaListView);
  });
  app.openapi(profile, (c) => {
    const { code } = c.req.valid('param');
    const t = wb.taxonomy(c.req.valid('query').taxonomy);
    return responses.json(c, `profile|${code}|${t.id}`, () => wb.profile(code, t));
  });
}
