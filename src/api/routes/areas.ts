import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { areaProfile, AREA_LEVELS, listAreas } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendJson, sendTable } from '../respond.ts';
import { AreaCode, FormatQuery, jsonResponse, tableResponse, TaxonomyParam } from '../schemas.ts';

const AreaItem = z.object({
  areacd: z.string(),
  areanm: z.string(),
  level: z.string(),
  start: z.number().nullable().openapi({ description: 'first year the code is valid (boundary vintage)' }),
  end: z.number().nullable().openapi({ description: 'last year the code is valid' }),
  parents: z
    .array(z.string())
    .openapi({ description: 'parent ITL3 (for LADs) or next ITL level up, 2023 lookup' }),
});

const list = createRoute({
  method: 'get',
  path: '/api/v1/areas',
  summary: 'List or search areas by level, name or code',
  request: {
    query: z.object({
      level: z.enum(AREA_LEVELS as [string, ...string[]]).optional(),
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
  responses: tableResponse(z.object({ areas: z.array(AreaItem) }), 'Areas'),
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
  responses: jsonResponse(z.object({}).passthrough().openapi('AreaProfile'), 'Area profile'),
});

export function areaRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(list, (c) => {
    const q = c.req.valid('query');
    return sendTable(c, `areas|${JSON.stringify(q)}`, async () => {
      const areas = await listAreas(deps.store, q);
      return { json: { areas }, rows: areas as unknown as Record<string, unknown>[] };
    }) as never;
  });
  app.openapi(profile, (c) => {
    const { code } = c.req.valid('param');
    const taxonomy = deps.taxonomy(c.req.valid('query').taxonomy);
    return sendJson(c, `profile|${code}|${taxonomy.id}`, () =>
      areaProfile(deps.store, code, taxonomy),
    ) as never;
  });
}
