import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { indicatorTable, indicatorTableRows, listRegistry } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendTable } from '../respond.ts';
import { FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';
import { registry } from './beyond-shared.ts';

const IndicatorId = z
  .string()
  .regex(/^[a-z0-9:-]{1,120}$/, 'a registry id such as gross-median-weekly-pay')
  .openapi({ param: { name: 'id', in: 'path' }, example: 'gross-median-weekly-pay' });

const Verdict = z.object({ '95': z.string(), '99.8': z.string() });

const list = createRoute({
  method: 'get',
  path: '/api/v1/registry',
  summary:
    'The indicator registry: polarity with its rationale, unit, levels, boundary vintage, interval method, trend rule, source and store coverage',
  request: { query: z.object({ group: z.string().max(40).optional(), format: FormatQuery }) },
  responses: tableResponse(
    z.object({ indicators: z.array(z.object({}).passthrough()), limits: z.array(z.string()) }),
    'Registry',
  ),
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
  responses: tableResponse(
    z.object({
      indicator: z.object({}).passthrough(),
      level: z.string(),
      period: z.string(),
      periods: z.array(z.string()),
      national: z.object({ areacd: z.string(), areanm: z.string(), value: z.number().nullable() }).nullable(),
      regions: z.array(z.object({}).passthrough()),
      rows: z.array(
        z.object({
          areacd: z.string(),
          areanm: z.string(),
          value: z.number().nullable(),
          lci95: z.number().nullable(),
          uci95: z.number().nullable(),
          lci998: z.number().nullable(),
          uci998: z.number().nullable(),
          status: z.string().nullable(),
          region: z.string().nullable(),
          vsNational: Verdict,
          vsRegion: Verdict,
          trend: z.object({ status: z.string() }).passthrough(),
        }),
      ),
      notes: z.array(z.string()),
    }),
    'Indicator table',
  ),
});

export function registryRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(list, (c) => {
    const { group } = c.req.valid('query');
    return sendTable(c, `registry|${group ?? ''}`, async () => {
      const all = await listRegistry(deps.store, registry());
      const rows = group ? all.filter((r) => r.group === group) : all;
      return { json: { indicators: rows, limits: registry().limits }, rows: rows as never };
    }) as never;
  });
  app.openapi(table, (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendTable(c, `registry|${id}|${q.level}|${q.period ?? ''}|${taxonomy.id}`, async () => {
      const t = await indicatorTable(deps.store, registry(), taxonomy, id, {
        level: q.level,
        ...(q.period ? { period: q.period } : {}),
      });
      return { json: t, ...indicatorTableRows(t) };
    }) as never;
  });
}
