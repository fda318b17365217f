import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { indicatorValues, listIndicators } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendTable } from '../respond.ts';
import { FormatQuery, tableResponse } from '../schemas.ts';

const list = createRoute({
  method: 'get',
  path: '/api/v1/indicators',
  summary: 'Every indicator in the store, with its unit, periods, coverage and source',
  request: { query: z.object({ format: FormatQuery }) },
  responses: tableResponse(z.object({ indicators: z.array(z.object({}).passthrough()) }), 'Indicators'),
});

const one = createRoute({
  method: 'get',
  path: '/api/v1/indicators/{id}',
  summary: 'One indicator for every area, with published confidence limits and status markers',
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[a-z0-9:-]{1,120}$/, 'an indicator id such as gross-median-weekly-pay')
        .openapi({ param: { name: 'id', in: 'path' }, example: 'gross-median-weekly-pay' }),
    }),
    query: z.object({
      level: z.enum(['lad', 'cty', 'rgn', 'ctry', 'cauth', 'itl1', 'itl2', 'itl3', 'uk']).optional(),
      period: z
        .string()
        .max(40)
        .optional()
        .openapi({ description: 'as published, e.g. 2025-04-30 or 2023-01-01/P1Y (default: latest)' }),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(
    z.object({
      indicator: z.string(),
      period: z.string(),
      periods: z.array(z.string()),
      rows: z.array(
        z.object({
          areacd: z.string(),
          areanm: z.string(),
          geography: z.string(),
          value: z.number().nullable(),
          lci95: z.number().nullable(),
          uci95: z.number().nullable(),
          status: z.string().nullable(),
        }),
      ),
    }),
    'Indicator values',
  ),
});

export function indicatorRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(
    list,
    (c) =>
      sendTable(c, 'indicators', async () => {
        const indicators = await listIndicators(deps.store);
        return {
          json: { indicators },
          rows: indicators.map((i) => ({
            id: i.id,
            label: i.label,
            unit: i.unit,
            latest: i.latest,
            periods: i.periods.length,
            areas: i.areas,
            with_intervals: i.withIntervals,
            source: i.source,
          })),
        };
      }) as never,
  );
  app.openapi(one, (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return sendTable(c, `indicator|${id}|${q.level ?? ''}|${q.period ?? ''}`, async () => {
      const r = await indicatorValues(deps.store, id, q);
      return {
        json: r,
        rows: r.rows as unknown as Record<string, unknown>[],
        columns: ['areacd', 'areanm', 'geography', 'value', 'lci95', 'uci95', 'status'],
      };
    }) as never;
  });
}
