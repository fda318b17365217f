import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { INDICATOR_LEVELS } from '../../core/levels.ts';
import {
  IndicatorList,
  indicatorListView,
  IndicatorValues,
  indicatorValuesView,
} from '../../contract/indicators.ts';
import type { ApiDeps } from '../deps.ts';
import { FormatQuery, tableResponse } from '../schemas.ts';

const list = createRoute({
  method: 'get',
  path: '/api/v1/indicators',
  summary: 'Every indicator in the store, with its unit, periods, coverage and source',
  request: { query: z.object({ format: FormatQuery }) },
  responses: tableResponse(IndicatorList, 'Indicators'),
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
      level: z.enum(INDICATOR_LEVELS).optional(),
      period: z
        .string()
        .max(40)
        .optional()
        .openapi({ description: 'as published, e.g. 2025-04-30 or 2023-01-01/P1Y (default: latest)' }),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(IndicatorValues, 'Indicator values'),
});

export function indicatorRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(list, (c) => responses.table(c, 'indicators', () => wb.indicators(), indicatorListView));
  app.openapi(one, (c) => {
    const { id } = c.req.valid('param');
    const { level, period } = c.req.valid('query');
    return responses.table(
      c,
      `indicator|${id}|${level ?? ''}|${period ?? ''}`,
      () => wb.indicator(id, { ...(level ? { level } : {}), ...(period ? { period } : {}) }),
      indicatorValuesView,
    );
  });
}
