import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AreaComparison, comparisonView } from '../../contract/compare.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { AreaCode, codeList, FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/api/v1/compare/{code}',
  summary:
    'An area against the nation, its region, a chosen set and/or its statistically nearest neighbours on a profile, judged by 95% and 99.8% intervals',
  request: {
    params: z.object({ code: AreaCode }),
    query: z.object({
      with: codeList.optional().openapi({ description: 'areas whose mean is a comparator' }),
      region: z.enum(['true', 'false']).default('true'),
      nearest: z.coerce.number().int().min(1).max(100).optional(),
      profile: codeList
        .optional()
        .openapi({ description: 'registry indicators defining nearest neighbours' }),
      indicators: codeList
        .optional()
        .openapi({ description: 'registry indicators to compare (default: all with a value)' }),
      taxonomy: TaxonomyParam,
      format: FormatQuery,
    }),
  },
  responses: tableResponse(AreaComparison, 'Comparison'),
});

const split = (s: string) => s.split(',').filter(Boolean);

export function compareRoutes(app: OpenAPIHono, { workbench: wb, responses }: ApiDeps): void {
  app.openapi(route, (c) => {
    const { code } = c.req.valid('param');
    const { format: _format, ...q } = c.req.valid('query');
    if ((q.nearest === undefined) !== (q.profile === undefined))
      throw new HttpError(400, 'bad_request', 'invalid nearest: nearest and profile go together', {
        field: 'nearest',
      });
    const t = wb.taxonomy(q.taxonomy);
    const opts = {
      ...(q.with ? { with: split(q.with) } : {}),
      region: q.region === 'true',
      ...(q.nearest && q.profile ? { nearest: { k: q.nearest, profile: split(q.profile) } } : {}),
      ...(q.indicators ? { indicators: split(q.indicators) } : {}),
    };
    return responses.table(
      c,
      `compare|${code}|${JSON.stringify(q)}|${t.id}`,
      () => wb.compare(code, opts, t),
      comparisonView,
    );
  });
}
