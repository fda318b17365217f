import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  IndicatorAreaSeries,
  indicatorAreaSeriesView,
  IndicatorTable,
  indicatorTableView,
  RegistryList,
  registryListView,
} from '../../contract/registry.ts';
import type { ApiDeps } from '../deps.ts';
import { FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';

const IndicatorId = z
  .string()
  .regex(/^[a-z0-9:-]{1,120}$/, 'a registry id such as gross-median-weekly-pay')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'gross-median-weekly-pay' });

const list = createRoute({
  method: 'get',
  path: '/api/v1/registry',
  summary:
    'The indicator registry: polarity with its rationale, unit, levels, boundary vintage, interval method, trend rule, source and store coverage',
  request: { query: z.object({ group: z.string().max(40).optional(), format: FormatQuery }) },
  responses: tableResponse(RegistryList, 'Registry'),
});

const table = createRoute({
  method: 'get',
  path: '/api/v1/registry/{id}',
  summary:
    'One registry indicator for every area at a level: value, 95% and 99.8% limits, verdicts against region and nation, trend by the declared rule',
  request: {
    params: z.object({ id: IndicatorId }),
    query: z.object({
      level: z.enum(['lad', 'itl3', 'itl2', 'itl1', 'rgn', 'ctry', 'cty', 'cauth']).default('lad'),
      period: z.string().max(40).optional().openapi({ description: 'as published (default: the latest)' }),
      taxonomy: TaxonomyParam.openapi({ description: 'for derived layer indicators' }),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(IndicatorTable, 'Indicator table'),
});

const series = createRoute({
  method: 'get',
  path: '/api/v1/registry/{id}/series',
  summary:
    "One area's values of a registry indicator over every period, with 95% and 99.8% limits and the nation's value beside each",
  request: {
    params: z.object({ id: IndicatorId }),
    query: z.object({
      area: z
        .string()
        .regex(/^[A-Z0-9]{3,9}$/, 'an area code such as E06000001 or TLC11')
        .openapi({ example: 'E06000001' }),
      taxonomy: TaxonomyParam.openapi({ description: 'for derived layer indicators' }),
      format: FormatQuery,
    }),
  },
  responses: tableResponse(IndicatorAreaSeries, 'Indicator series for one area'),
});

export function registryRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(list, (c) => {
    const { group } = c.req.valid('query');
    return responses.table(c, `registry|${group ?? ''}`, () => wb.registryList(group), registryListView);
  });
  app.openapi(table, (c) => {
    const { id } = c.req.valid('param');
    const { level, period, taxonomy } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    return responses.table(
      c,
      `registry|${id}|${level}|${period ?? ''}|${t.id}`,
      () => wb.indicatorTable(id, { level, ...(period ? { period } : {}) }, t),
      indicatorTableView,
    );
  });
  app.openapi(series, (c) => {
    const { id } = c.req.valid('param');
    const { area, taxonomy } = c.req.valid('query');
    const t = wb.taxonomy(taxonomy);
    return responses.table(
      c,
      `registry-series|${id}|${area}|${t.id}`,
      () => wb.indicatorAreaSeries(id, area, t),
      indicatorAreaSeriesView,
    );
  });
}
