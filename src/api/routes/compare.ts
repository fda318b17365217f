import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { compareAreas, comparisonRows } from '../../workbench.ts';
import type { ApiDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { sendTable } from '../respond.ts';
import { AreaCode, FormatQuery, tableResponse, TaxonomyParam } from '../schemas.ts';
import { registry } from './beyond-shared.ts';

const codes = z.string().regex(/^[A-Za-z0-9:,-]{1,2000}$/, 'comma-separated codes or ids');

const route = createRoute({
  method: 'get',
  path: '/api/v1/compare/{code}',
  summary:
    'An area against the nation, its region, a chosen set and/or its statistically nearest neighbours on a profile, judged by 95% and 99.8% intervals',
  request: {
    params: z.object({ code: AreaCode }),
    query: z.object({
      with: codes.optional().openapi({ description: 'areas whose mean is a comparator' }),
      region: z.enum(['true', 'false']).default('true'),
      nearest: z.coerce.number().int().min(1).max(100).optional(),
      profile: codes.optional().openapi({ description: 'registry indicators defining nearest neighbours' }),
      indicators: codes
        .optional()
        .openapi({ description: 'registry indicators to compare (default: all with a value)' }),
      taxonomy: TaxonomyParam,
      format: FormatQuery,
    }),
  },
  responses: tableResponse(
    z.object({
      areacd: z.string(),
      areanm: z.string(),
      level: z.string(),
      neighbours: z.array(z.object({ area: z.string(), areanm: z.string(), distance: z.number() })),
      profile: z.array(z.string()),
      rows: z.array(z.object({}).passthrough()),
      notes: z.array(z.string()),
    }),
    'Comparison',
  ),
});

const split = (s: string | undefined) => s?.split(',').filter(Boolean);

export function compareRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  app.openapi(route, (c) => {
    const { code } = c.req.valid('param');
    const q = c.req.valid('query');
    if ((q.nearest === undefined) !== (q.profile === undefined))
      throw new HttpError(400, 'bad_request', 'invalid nearest: nearest and profile go together', {
        field: 'nearest',
      });
    const taxonomy = deps.taxonomy(q.taxonomy);
    return sendTable(c, `compare|${code}|${JSON.stringify(q)}|${taxonomy.id}`, async () => {
      const r = await compareAreas(deps.store, registry(), taxonomy, code, {
        ...(q.with ? { with: split(q.with)! } : {}),
        region: q.region === 'true',
        ...(q.nearest ? { nearest: { k: q.nearest, profile: split(q.profile)! } } : {}),
        ...(q.indicators ? { indicators: split(q.indicators)! } : {}),
      });
      return { json: r, ...comparisonRows(r) };
    }) as never;
  });
}
