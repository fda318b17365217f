import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { layerRows, layersAll, LEVELS, MEASURES } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { sendTable } from '../respond.ts';
import { FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';

const Row = z.object({
  areacd: z.string(),
  areanm: z.string(),
  year: z.number(),
  layer: z.string(),
  value: z
    .number()
    .openapi({ description: 'in the measure unit (£ million for GVA, people for residents in employment)' }),
  share: z.number().openapi({ description: 'share of the area total (imputed rental excluded)' }),
  lq: z.number().openapi({ description: 'location quotient against the sum of all areas at this level' }),
});

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
  responses: tableResponse(
    z.object({
      level: z.string(),
      measure: z.string(),
      taxonomy: z.string(),
      years: z.array(z.number()),
      source: z.string(),
      notes: z.array(z.string()),
      rows: z.array(Row),
    }),
    'Layer table',
  ),
});

export function layerRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, (c) => {
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendTable(c, `layers|${q.level}|${q.measure}|${q.year}|${taxonomy.id}`, async () => {
      const r = await layersAll(deps.store, q.level, q.measure, taxonomy);
      const year = q.year === 'all' ? undefined : q.year === 'latest' ? r.years.at(-1)! : Number(q.year);
      if (year !== undefined && !r.years.includes(year)) {
        throw new HttpError(
          400,
          'bad_request',
          `no ${q.measure} for ${year} at ${q.level} level (years ${r.years[0]}–${r.years.at(-1)})`,
          { field: 'year' },
        );
      }
      const rows = layerRows(r, year);
      const source = `${r.source.publisher}, ${r.source.title} (${r.source.vintage})`;
      return {
        json: {
          level: q.level,
          measure: q.measure,
          taxonomy: r.taxonomy,
          years: r.years,
          source,
          notes: r.notes,
          rows,
        },
        rows: rows as unknown as Record<string, unknown>[],
        columns: ['areacd', 'areanm', 'year', 'layer', 'value', 'share', 'lq'],
      };
    }) as never;
  });
}
