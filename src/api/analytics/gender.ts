import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { GENDER_VIEWS, GenderReport, genderViews } from '../../contract/gender.ts';
import type { ApiDeps } from '../deps.ts';
import { FormatQuery, LadParam, tableResponse, TaxonomyParam } from '../schemas.ts';

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
  responses: tableResponse(GenderReport, 'Gender lens'),
});

export function genderRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(route, (c) => {
    const { format: _format, ...q } = c.req.valid('query');
    const t = wb.taxonomy(q.taxonomy);
    const opts = {
      ...(q.area ? { area: q.area } : {}),
      ...(q.period ? { period: q.period } : {}),
      statistic: q.statistic,
    };
    return responses.table(
      c,
      `gender|${JSON.stringify(q)}|${t.id}`,
      () => wb.gender(opts, t),
      genderViews[q.view],
    );
  });
}
