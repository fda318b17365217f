import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { GENDER_VIEWS, genderLens, genderRows } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { sendTable } from '../respond.ts';
import { FormatQuery, LadParam, tableResponse, TaxonomyParam } from '../schemas.ts';
import { registry } from './beyond-shared.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/gender',
  summary:
    'The gender lens: local pay gaps (suppressed values kept as suppressed), employers’ reported gaps by layer and by employer size (weighted quantiles), ASHE industry gaps by layer',
  request: {
    query: z.object({
      view: z
        .enum(GENDER_VIEWS)
        .default('layers')
        .openapi({ description: 'which table a CSV download holds (JSON holds all)' }),
      area: LadParam,
      period: z
        .string()
        .regex(/^\d{4}-\d{2}$/, 'a reporting year such as 2021-22')
        .optional(),
      statistic: z.enum(['median', 'mean']).default('median'),
      taxonomy: TaxonomyParam,
      format: FormatQuery,
    }),
  },
  responses: tableResponse(
    z
      .object({
        local: z.object({
          period: z.string(),
          source: z.string(),
          rows: z.array(z.object({}).passthrough()),
        }),
        employers: z.object({}).passthrough(),
        industries: z.array(z.object({}).passthrough()),
        notes: z.array(z.string()),
      })
      .openapi('GenderReport'),
    'Gender lens',
  ),
});

export function genderRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, (c) => {
    const q = c.req.valid('query');
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendTable(c, `gender|${JSON.stringify(q)}|${taxonomy.id}`, async () => {
      const r = await genderLens(deps.store, registry(), taxonomy, {
        ...(q.area ? { area: q.area } : {}),
        ...(q.period ? { period: q.period } : {}),
        statistic: q.statistic,
      });
      return { json: r, ...genderRows(r, q.view) };
    }) as never;
  });
}
