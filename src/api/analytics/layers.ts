import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { LEVELS } from '../../core/levels.ts';
import { LayerTable, layerTableView, MEASURES } from '../../contract/layers.ts';
import type { ApiDeps } from '../deps.ts';
import { FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/layers',
  summary: 'Value, share and location quotient by layer for every area at a level',
  request: {
    query: z.object({
      level: z.enum(LEVELS).default('itl3'),
      measure: z.enum(MEASURES).default('gva_cp'),
      year: z
        .string()
        .regex(/^(\d{4}|all|latest)$/, 'a year, latest or all')
        .default('latest'),
      taxonomy: TaxonomyParam,
      format: FormatQuery,
    }),
  },
  responses: tableResponse(LayerTable, 'Layer table'),
});

export function layerRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(route, (c) => {
    const { level, measure, year, taxonomy } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    const q = { level, measure, year: year === 'all' || year === 'latest' ? year : Number(year) } as const;
    return responses.table(
      c,
      `layers|${level}|${measure}|${year}|${t.id}`,
      () => wb.layers(q, t),
      layerTableView,
    );
  });
}
